"""Rows of a table continued on a page of their own, put back under the table's columns.

A ruled table's grid is found page by page: a page holding only the table's last row (万里街道
2024, page 15: '合计' in one cell merged over 类 | 款 | 项 | 科目名称, then five amounts) has a grid
of its own, so its cells count differently from the columns the table was read with on the
previous pages. Each such cell goes to the columns its box covers on the pages that print every
column; the printed text is never changed, only its position.
"""

from __future__ import annotations

from dataclasses import replace
from statistics import median

from extract.cells import AMOUNT, normalize_label
from extract.model import RawRow, RawTable

# A cell covers a column when it overlaps at least this share of the column's width: a merged
# cell covers its columns wholly, a neighbour's border (a line's width, under 1 pt of a column
# 80 pt wide in the corpus) does not come near it.
COVER_SHARE = 0.5

Box = tuple[float, float, float, float]


def realign_continued_rows(table: RawTable) -> RawTable:
    """The table with the short rows of pages that print none of its full-width rows realigned."""
    n = table.n_cols
    full = [r for r in table.header_rows + table.rows if len(r.cells) == n and _boxed(r)]
    if not full:
        return table
    pages_with_grid = {r.page for r in full}
    edges = [(median(r.boxes[c][0] for r in full), median(r.boxes[c][2] for r in full)) for c in range(n)]
    rows = [_realigned(r, edges) if len(r.cells) < n and r.page not in pages_with_grid and _boxed(r) else r for r in table.rows]
    return replace(table, rows=rows)


def _boxed(row: RawRow) -> bool:
    return row.boxes is not None and len(row.boxes) == len(row.cells) and all(b is not None for b in row.boxes)


def _realigned(row: RawRow, edges: list[tuple[float, float]]) -> RawRow:
    cells: list[str] = [""] * len(edges)
    boxes: list[Box | None] = [None] * len(edges)
    scores: list[float | None] = [None] * len(edges)
    for k, (text, box) in enumerate(zip(row.cells, row.boxes)):
        covered = [c for c, (x0, x1) in enumerate(edges) if _overlap(box, x0, x1) >= COVER_SHARE * (x1 - x0)]
        if not covered:
            return row  # a cell outside the table's columns: leave the row as read
        # an amount sits in the last column its cell spans (figures are right-aligned), a label in the first
        target = covered[-1] if AMOUNT.match(normalize_label(text)) else covered[0]
        if cells[target] or boxes[target] is not None:
            return row  # two cells for one column: not a continuation of these columns
        cells[target], boxes[target] = text, box
        if row.confidences is not None and k < len(row.confidences):
            scores[target] = row.confidences[k]
    return replace(
        row, cells=tuple(cells), boxes=tuple(boxes), confidences=tuple(scores) if row.confidences is not None else None
    )


def _overlap(box: Box, x0: float, x1: float) -> float:
    return max(0.0, min(box[2], x1) - max(box[0], x0))
