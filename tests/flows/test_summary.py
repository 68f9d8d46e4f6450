"""What the terminal prints at the end of a run (flows/summary.py): a night of thousands of
documents prints a few screens, the documents with the most errors among them."""

import polars as pl

from flows.steps import SHOWN_PER_TABLE, RunSummary, count_loaded
from flows.summary import document_rows, finding_rows


def _findings(per_document: dict[str, list[str]]) -> pl.DataFrame:
    rows = [(f, sev, "rounding" if sev == "rounding" else "sum") for f, sevs in per_document.items() for sev in sevs]
    frame = pl.DataFrame(rows, schema=["source_file", "severity", "kind"], orient="row")
    return frame.with_columns(pl.col("severity").replace("rounding", "warning"))


def test_a_few_documents_are_all_shown_in_their_order():
    rows, more = finding_rows(_findings({"b.txt": ["warning"], "a.txt": ["error", "error", "rounding"]}), limit=5)
    assert (rows, more) == ([["b.txt", "0", "1", "0", "0"], ["a.txt", "2", "0", "1", "0"]], 0)


def test_beyond_the_limit_the_documents_with_most_errors_then_warnings_are_shown():
    findings = _findings(
        {
            "quiet.txt": ["info"],
            "two.txt": ["error", "error"],
            "warn.txt": ["warning"] * 3,
            "one.txt": ["error"],
            "w1.txt": ["warning"],
        }
    )
    rows, more = finding_rows(findings, limit=3)
    assert [r[0] for r in rows] == ["two.txt", "warn.txt", "one.txt"] and more == 2


def _loaded(i: int, ambiguous: int = 0) -> dict:
    """What a worker's document_stats says of a document, as much as the summary reads."""
    document = {
        "source_file": f"d{i}.txt",
        "format": "text",
        "department": None,
        "fiscal_year": 2024,
        "tables": 3,
        "loaded_tables": 3,
        "facts": 10 * i,
        "placed_by_arithmetic": 0,
        "ambiguous": ambiguous,
        "unplaced": ambiguous,
        "set_aside": [],
    }
    counts = {"tables_by_kind": [], "tables_by_status": [], "n_facts": 10 * i, "n_unplaced": ambiguous, "unplaced_by_reason": []}
    return {**counts, "per_document": document}


def test_the_documents_table_stops_at_the_limit():
    summary = RunSummary()
    for i in range(4):
        count_loaded(summary, _loaded(i), previously_loaded=False)
    rows, more = document_rows(summary, 2)
    assert [r[0] for r in rows] == ["d0.txt", "d1.txt"] and rows[1][2] == "unknown" and rows[1][8] == "10" and more == 2
    rows, more = document_rows(summary)
    assert (len(rows), more) == (4, 0)


def test_a_large_run_keeps_the_rows_it_prints_and_counts_the_rest():
    summary = RunSummary()
    for i in range(SHOWN_PER_TABLE * 3):
        count_loaded(summary, _loaded(i, ambiguous=2 if i % 2 else 0), previously_loaded=False)
    assert len(summary.per_document) == SHOWN_PER_TABLE and len(summary.new) == 3 * SHOWN_PER_TABLE
    rows, more = document_rows(summary)
    assert rows[-1][0] == f"d{SHOWN_PER_TABLE - 1}.txt" and more == 2 * SHOWN_PER_TABLE
    assert [d["source_file"] for d in summary.noted[:2]] == ["d1.txt", "d3.txt"] and len(summary.noted) == SHOWN_PER_TABLE
    assert summary.documents_noted == 3 * SHOWN_PER_TABLE // 2 and summary.facts == sum(10 * i for i in range(150))
