"""What the terminal prints at the end of a run (flows/summary.py): a night of thousands of
documents prints a few screens, the documents with the most errors among them."""

import polars as pl

from flows.steps import RunSummary
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


def test_the_documents_table_stops_at_the_limit():
    summary = RunSummary()
    summary.per_document = [
        {
            "source_file": f"d{i}.txt",
            "format": "text",
            "department": None,
            "fiscal_year": 2024,
            "tables": 3,
            "loaded_tables": 3,
            "facts": 10 * i,
            "placed_by_arithmetic": 0,
            "ambiguous": 0,
            "unplaced": 0,
        }
        for i in range(4)
    ]
    rows, more = document_rows(summary, 2)
    assert [r[0] for r in rows] == ["d0.txt", "d1.txt"] and rows[1][2] == "unknown" and rows[1][8] == "10" and more == 2
    rows, more = document_rows(summary)
    assert (len(rows), more) == (4, 0)
