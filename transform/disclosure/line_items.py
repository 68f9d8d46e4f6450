"""政府采购预算表, 国有资产/固定资产占用表, 会议费培训费明细: each printed cell of each line,
with the line's label and code; amounts in 元, counts (数量, 人数) as quantities."""

from __future__ import annotations

import re
from decimal import Decimal

from extract.cells import normalize_label
from transform.amounts import UNIT_FACTORS, parse_amount
from transform.detail_tables import row_subjects
from transform.disclosure.projects import normalize_text
from transform.headers import classify_columns, column_paths, fund_of
from transform.sink import TableSink

_QUANTITY = re.compile(r"数量|人数|台数|辆数|面积|^台|^辆|次数")
_HEADER_UNIT = re.compile(r"(?:金额)?单位[:：]\s*(万元|元|千元|亿元)|[(（](万元|元|千元|亿元)[)）]")
_COUNT = re.compile(r"^(\d+(?:\.\d+)?)\s*([\u4e00-\u9fff]{1,3})?$")


def place_line_items(sink: TableSink) -> None:
    table = sink.table
    if not table.aligned:
        return  # space tokens have no columns: every number is unplaced by the caller
    offset = len(table.header_rows)
    paths = column_paths([r.cells for r in table.header_rows], table.n_cols)
    columns = classify_columns(paths, [r.cells for r in table.rows], total_measure="total", fund_default="all")
    subjects = row_subjects(table.rows, columns)
    label_col = next((c.index for c in columns if c.role == "name"), None)
    for i, (row, (subject, _, label)) in enumerate(zip(table.rows, subjects), start=offset):
        if label is None and label_col is not None and label_col < len(row.cells):
            label = normalize_text(row.cells[label_col]) or None
        row_text = " | ".join(normalize_text(c) for c in row.cells if c.strip())
        for col in columns:
            if col.index >= len(row.cells) or not row.cells[col.index].strip():
                continue
            text = row.cells[col.index]
            if col.role in ("code", "unit_code") or col.index == label_col:
                if parse_amount(text) is not None and col.role not in ("code", "unit_code"):
                    sink.reject(i, row, col.index, "/".join(col.path), label, "number_in_label_column")
                sink.consumed.add((i, col.index))
                continue
            _cell(
                sink,
                i,
                row,
                col.index,
                "/".join(col.path),
                text,
                label,
                subject.function_code,
                row_text,
                fund_of(col.path, "all") if col.role == "amount" else None,
            )


def _cell(
    sink: TableSink,
    i: int,
    row,
    c: int,
    header: str,
    text: str,
    label: str | None,
    code: str | None,
    row_text: str,
    fund: str | None,
) -> None:
    fields = dict(
        statement=sink.statement.kind,
        row_label=label,
        row_code=code,
        column_header=header,
        value_printed=normalize_text(text),
        row_text=row_text,
    )
    value = parse_amount(text)
    if _QUANTITY.search(header):
        m = _COUNT.match(normalize_label(text))
        sink.item(
            "fact_line_item",
            i,
            row,
            c,
            quantity=Decimal(m.group(1)) if m else None,
            quantity_unit=m.group(2) if m else None,
            **fields,
        )
        return
    if value is None:
        sink.item("fact_line_item", i, row, c, **fields)
        return
    unit = _unit(header) or sink.unit
    yuan = sink.yuan(i, row, c, header, label, value, unit)
    if yuan is None:
        return
    sink.item("fact_line_item", i, row, c, amount_yuan=yuan, fund_source=fund, unit_printed=unit, **fields)


def _unit(header: str) -> str | None:
    m = _HEADER_UNIT.search(header)
    unit = m and (m.group(1) or m.group(2))
    return unit if unit in UNIT_FACTORS else None
