"""The report's first findings of a document (sql/report/top_findings.sql) come in one order
whatever order the findings were written in: two narrative_restates_table errors tied on
severity, size and table were listed either way round in two runs of the same input."""

from __future__ import annotations

from datetime import datetime

from load.warehouse import Warehouse

TIED = [
    ("a.txt", "narrative_restates_table", "inconsistency", "error", "说明 states 100.00, table prints 90.00", "narrative"),
    ("a.txt", "narrative_restates_table", "inconsistency", "error", "说明 states 20.00, table prints 10.00", "narrative"),
]


def _top(path, rows) -> list[str]:
    with Warehouse(path) as wh:
        for source_file, rule, kind, severity, message, suite in rows:
            wh.con.execute(
                "INSERT INTO dq_finding (source_file, rule, kind, severity, difference_yuan, message, suite, expectation,"
                " validated_at) VALUES (?, ?, ?, ?, 10, ?, ?, 'x', ?)",
                [source_file, rule, kind, severity, message, suite, datetime(2026, 12, 1)],
            )
        return [r["message"] for r in wh.rows("report/top_findings.sql", [5, ["a.txt"]])]


def test_tied_findings_are_listed_in_one_order_whatever_order_they_were_written_in(tmp_path):
    first = _top(tmp_path / "one.duckdb", TIED)
    second = _top(tmp_path / "two.duckdb", TIED[::-1])
    assert first == second == ["说明 states 100.00, table prints 90.00", "说明 states 20.00, table prints 10.00"]
