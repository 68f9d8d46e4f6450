"""The corpus report: every document of a folder ingested into a scratch warehouse, one line
each, so anyone sees at a glance how the product does on real documents (`budget-etl corpus`)."""

from __future__ import annotations

from pathlib import Path

from load.warehouse import Warehouse

COLUMNS = (  # (heading, key) as printed; the keys are the columns of sql/report/corpus.sql
    ("document", "source_file"),
    ("department", "department"),
    ("year", "fiscal_year"),
    ("kind", "document_kind"),
    ("scope", "scope"),
    ("tables", "n_tables"),
    ("classified", "classified"),
    ("loaded", "loaded"),
    ("facts", "n_facts"),
    ("unplaced", "n_unplaced"),
    ("unplaced by reason", "unplaced_by_reason"),
    ("errors", "errors"),
    ("warnings", "warnings"),
    ("rounding", "rounding"),
    ("info", "infos"),
    ("error issues", "error_issues"),
    ("warning issues", "warning_issues"),
)


def corpus_rows(warehouse: Path) -> list[dict]:
    with Warehouse(warehouse, read_only=True) as wh:
        return wh.rows("report/corpus.sql")


def cells(row: dict) -> list[str]:
    """A report line's cells as text (a missing value is 'unknown', never '?')."""
    return ["unknown" if row.get(key) is None else str(row[key]) for _, key in COLUMNS]


def markdown(rows: list[dict]) -> str:
    head = [h for h, _ in COLUMNS]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in cells(r)) + " |" for r in rows]
    return "\n".join(lines) + "\n"
