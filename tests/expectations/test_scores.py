"""What each document's checks found true: sums holding, narrative figures confirmed."""

import polars as pl

from expectations.scores import document_scores


def _rows(*rows):
    return pl.DataFrame(
        rows, schema={"source_file": pl.String, "rule": pl.String, "abs_difference_mills": pl.Int64, "tolerance_mills": pl.Int64}
    )


def test_sums_and_narrative_counted_apart_within_rounding():
    frames = {
        "rollups": _rows(("a.txt", "code_rollup", 0, 5), ("a.txt", "code_rollup", 100, 5), ("a.txt", "total_rollup", 4, 5)),
        "reconciliation": _rows(
            ("a.txt", "cross_statement", 0, 0),
            ("a.txt", "narrative_restates_table", 0, 50000),
            ("a.txt", "execution_rate", 3078200000, 4844500),
        ),
    }
    assert document_scores(frames).to_dicts() == [
        {
            "source_file": "a.txt",
            "sums_checked": 4,
            "sums_holding": 3,
            "narrative_checked": 2,
            "narrative_confirmed": 1,
            "required_tables": None,
            "required_tables_printed": None,
        }
    ]


def test_required_tables_printed_come_from_the_documents_frame_even_without_a_sum():
    documents = pl.DataFrame({"source_file": ["b.txt"], "n_required": [8], "n_required_present": [6]})
    assert document_scores({"documents": documents}).to_dicts() == [
        {
            "source_file": "b.txt",
            "sums_checked": 0,
            "sums_holding": 0,
            "narrative_checked": 0,
            "narrative_confirmed": 0,
            "required_tables": 8,
            "required_tables_printed": 6,
        }
    ]
