"""What each document's checks found true: sums holding, narrative figures confirmed."""
import polars as pl

from expectations.scores import document_scores


def _rows(*rows):
    return pl.DataFrame(rows, schema={"source_file": pl.String, "rule": pl.String, "abs_difference_mills": pl.Int64,
                                      "tolerance_mills": pl.Int64})


def test_sums_and_narrative_counted_apart_within_rounding():
    frames = {
        "rollups": _rows(("a.txt", "code_rollup", 0, 5), ("a.txt", "code_rollup", 100, 5), ("a.txt", "total_rollup", 4, 5)),
        "reconciliation": _rows(("a.txt", "cross_statement", 0, 0), ("a.txt", "narrative_restates_table", 0, 50000),
                                ("a.txt", "execution_rate", 3078200000, 4844500)),
    }
    assert document_scores(frames).to_dicts() == [{"source_file": "a.txt", "sums_checked": 4, "sums_holding": 3,
                                                   "narrative_checked": 2, "narrative_confirmed": 1}]
