"""Roll-ups inside one detail table: 项 → 款 → 类 → 合计 down each column, and the row
identities across its columns (合计 = 基本支出 + 项目支出; 小计 = 人员经费 + 公用经费; 合计 =
the fund sources). Summary tables (收支总表) have their own arithmetic: see reconcile."""

from __future__ import annotations

import polars as pl

from expectations.checks.cells import COMPARED_COLUMNS, compared, comparisons, lead_code, subject_sequences
from transform.arithmetic import TOTAL_LABELS, column_identities, printed_nesting
from transform.statements import ALL as STATEMENTS

SUMMARY_KINDS = {s.kind for s in STATEMENTS if s.layout == "summary"}

CODE_ROLLUP, TOTAL_ROLLUP, ROW_IDENTITY = "code_rollup", "total_rollup", "row_identity"
# What the roll-ups read of a fact (a comparison's own columns, the codes and label a row is told
# by): a row to Python is most of their cost, and the amounts as Decimals, the names and the
# confidences they never read were half of it (issue 24).
ROLLUP_COLUMNS = [*COMPARED_COLUMNS, "function_code", "economic_code", "gov_economic_code", "row_label"]


def rollup_comparisons(facts: pl.DataFrame, uncertain_rows: set[tuple[str, int, int]] = frozenset()) -> pl.DataFrame:
    """One comparison per parent cell and per identity total cell. `facts` carry amount_mills,
    rounding_mills and subject (expectations.checks.cells); rows in `uncertain_rows` (a number
    whose column is unknown) take no part."""
    out: list[dict] = []
    detail = facts.filter(~pl.col("statement").is_in(list(SUMMARY_KINDS))).select(ROLLUP_COLUMNS)
    for table in detail.partition_by(["source_file", "table_index"], maintain_order=True):
        key = (table["source_file"][0], table["table_index"][0])
        facts_of_table = table.to_dicts()
        cells = {(f["row_index"], f["col_index"]): f for f in facts_of_table if (*key, f["row_index"]) not in uncertain_rows}
        out += _nesting(cells)
        out += _identities(cells, _columns(facts_of_table))
    return comparisons(out)


def _columns(facts: list[dict]) -> list[tuple[int, str | None]]:
    """(col_index, column_header) of a table's columns, in column order. From the rows already in
    Python: a polars select-unique-sort a table was a third of the roll-ups' time (issue 24)."""
    return sorted(dict.fromkeys((f["col_index"], f["column_header"]) for f in facts), key=lambda c: c[0])


def _nesting(cells: dict[tuple[int, int], dict]) -> list[dict]:
    """Down each column, within each code group (expectations.checks.cells.subject_sequences)."""
    out = []
    for sequence in subject_sequences(list(cells.values())):
        first = [next(iter(by_col.values())) for _, by_col in sequence]
        codes = [lead_code(f) for f in first]
        total = next((i for i, f in enumerate(first) if codes[i] is None and f["row_label"] in TOTAL_LABELS), None)
        for parent, children in printed_nesting(codes, total):
            rule = TOTAL_ROLLUP if parent == total else CODE_ROLLUP
            for c, cell in sequence[parent][1].items():
                parts = [sequence[ch][1][c] for ch in children if c in sequence[ch][1]]
                if parts:
                    what = ", ".join(codes[ch] for ch in children if c in sequence[ch][1])
                    out.append(compared(cell, parts, rule, f"sum of {len(parts)} rows printed under it ({what})"))
    return out


def _identities(cells: dict[tuple[int, int], dict], columns: list[tuple[int, str | None]]) -> list[dict]:
    identities = column_identities([tuple((h or "").split("/")) for _, h in columns])
    out = []
    for r in sorted({r for r, _ in cells}):
        for identity in identities:
            total = cells.get((r, columns[identity.total][0]))
            parts = [cells[(r, columns[p][0])] for p in identity.parts if (r, columns[p][0]) in cells]
            if total is not None and parts:
                names = " + ".join(columns[p][1] for p in identity.parts)
                out.append(compared(total, parts, ROW_IDENTITY, f"{columns[identity.total][1]} = {names}"))
    return out
