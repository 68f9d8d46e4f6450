"""The coverage matrix: which department-years the warehouse holds (v_coverage), one line per
department × document kind × scope, one column per fiscal year (`budget-etl coverage`)."""

from __future__ import annotations

from pathlib import Path

from extract.document_meta import KIND_WORDS, SCOPE_WORDS
from load.warehouse import Warehouse

MISSING = "missing"  # a year between the department's first and last that no document of this kind provides
UNKNOWN = "unknown"


def coverage_rows(warehouse: Path) -> list[dict]:
    with Warehouse(warehouse, read_only=True) as wh:
        return wh.rows("report/coverage.sql")


def matrix(rows: list[dict]) -> tuple[list[str], list[list[str]]]:
    """(header, lines): department, place, kind, scope, then a cell per year — the verdict of the
    document(s) of that year (clean, N errors, N warnings), `missing`, or empty outside its years."""
    years = sorted({r["fiscal_year"] for r in rows if r["fiscal_year"] is not None})
    lines: dict[tuple, dict] = {}
    for r in rows:
        key = (r["department_id"] or r["source_files"], r["document_kind"], r["scope"])
        line = lines.setdefault(
            key,
            {
                "head": [
                    r["department"] or UNKNOWN,
                    _place(r),
                    KIND_WORDS.get(r["document_kind"], r["document_kind"] or UNKNOWN),
                    SCOPE_WORDS.get(r["scope"], r["scope"] or UNKNOWN),
                ],
                "cells": {},
            },
        )
        line["cells"][r["fiscal_year"]] = _cell(r)
    header = ["department", "place", "kind", "scope", *[str(y) for y in years]]
    return header, [v["head"] + [v["cells"].get(y, "") for y in years] for v in lines.values()]


def _place(r: dict) -> str:
    parts = [p for p in (r["province"], r["city"], r["county"]) if p]
    return " ".join(parts) + (f" ({r['division_code']})" if r["division_code"] else "") if parts else UNKNOWN


def _cell(r: dict) -> str:
    if r["status"] == MISSING:
        return MISSING
    counts = [f"{r['errors']} errors" if r["errors"] else "", f"{r['warnings']} warnings" if r["warnings"] else ""]
    text = ", ".join(c for c in counts if c) or "clean"
    return text + (f" ({r['n_documents']} documents)" if r["n_documents"] > 1 else "")
