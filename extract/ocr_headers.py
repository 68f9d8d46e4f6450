"""A table's column header printed again on a later page, as OCR read it: one misread character
keeps it from matching the header of the table's first page exactly (how extract/txt_tabs.py
knows a repeated header), and it would stay in the table as a row of its own. On the 150-dpi scan
of the 002 fixture, page 16 repeats '支出部门经济分类科目 | | 一般公共预算基本支出' read as
'支出部门经济分类料目 …': every later row of the table moved down one.

The document proves the repeat: the row holds no figure, sits on another page than the header,
and fills the same cells as a header row with nearly the same text. Rows read from a text layer
are left to the exact rule.
"""

from __future__ import annotations

from dataclasses import replace
from difflib import SequenceMatcher

from extract.cells import AMOUNT, normalize_label
from extract.model import RawRow, RawTable

# How alike each filled cell must be to the header's (difflib's ratio, 0–1): one character misread
# in a cell of five or more (料 for 科 in 支出部门经济分类科目: 0.9; 人员经费 read 人员经赞: 0.75 would
# not be taken on a four-character cell alone, so short cells need their row's other cells).
MIN_CELL_LIKENESS = 0.8
# ... and the row as a whole (its filled cells' text joined): a header of short cells
# (科目编码 | 科目名称 | 合计 | 人员经费 | 公用经费) with one of them misread is still 0.95.
MIN_ROW_LIKENESS = 0.9


def without_misread_headers(table: RawTable) -> RawTable:
    """The table without the OCR'd rows that are its header printed again on a later page."""
    if not table.header_rows or not any(r.confidences is not None for r in table.rows):
        return table
    rows, skipped = [], list(table.skipped_lines)
    for row in table.rows:
        if row.confidences is not None and any(_repeats(row, h) for h in table.header_rows):
            skipped.append(row.line)
        else:
            rows.append(row)
    if len(rows) == len(table.rows):
        return table
    return replace(table, rows=rows, skipped_lines=sorted(set(skipped)))


def _repeats(row: RawRow, header: RawRow) -> bool:
    a, b = [normalize_label(c) for c in row.cells], [normalize_label(c) for c in header.cells]
    if row.page == header.page or len(a) != len(b) or [bool(x) for x in a] != [bool(y) for y in b]:
        return False
    filled = [(x, y) for x, y in zip(a, b) if x]
    if not filled or any(AMOUNT.match(x) for x, _ in filled):
        return False
    return (
        all(_likeness(x, y) >= MIN_CELL_LIKENESS for x, y in filled if len(y) >= 5)
        and _likeness("".join(x for x, _ in filled), "".join(y for _, y in filled)) >= MIN_ROW_LIKENESS
    )


def _likeness(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()
