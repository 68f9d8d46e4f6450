"""Which header cells of a scan to read a second time: those its first reading left blank over a
column the normalizer could not place.

A detector misses what it sees too little of. On the 150-dpi scan of the 001 fixture, page 8, the
lone 款 (5 pt) over the split code column 类 | 款 was not found: the column had no header, its 13
codes were unplaced as ``no_column_header`` and 26 facts kept their class code only (301 for 30101).
The normalizer says which columns have no header; on an OCR'd page each blank cell of their header
rows that no other text of its row reaches over is a place to look again. Where it is: the
column's x-range (its body cells' boxes on the header's page) within the header row's band.
Whether what is read there is taken is decided by the document (flows/second_reading.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from extract.model import RawDocument, RawTable
from extract.pdf_geometry import Box
from transform.normalize import NormalizedDocument


@dataclass(frozen=True)
class HeaderCell:
    """A blank header cell to read again: its table, header row and column, and where it is printed."""

    table: int
    row: int
    col: int
    page: int
    box: Box


def blank_header_cells(doc: RawDocument, normalized: NormalizedDocument) -> list[HeaderCell]:
    """The blank OCR'd header cells over the columns whose cells are unplaced as having no header."""
    return [cell for table, c in columns_unplaced_as("no_column_header", doc, normalized) for cell in _cells_over(table, c)]


def columns_unplaced_as(reason: str, doc: RawDocument, normalized: NormalizedDocument) -> list[tuple[RawTable, int]]:
    """(raw table, column) of the columns with cells unplaced for ``reason``, in table and column order."""
    unplaced = normalized.unplaced
    if not unplaced.height:
        return []
    columns = unplaced.filter(pl.col("reason") == reason).select("table_index", "col_index").unique()
    tables = {t.index: t for t in doc.tables}
    return [(tables[t], c) for t, c in sorted(columns.rows()) if t in tables]


def _cells_over(table: RawTable, col: int) -> list[HeaderCell]:
    out = []
    for k, header in enumerate(table.header_rows):
        page = header.page if header.page is not None else table.page
        if header.confidences is None or page is None or (col < len(header.cells) and header.cells[col].strip()):
            continue
        span = _column_span(table, col, page)
        printed = [b for b in header.boxes or () if b is not None]
        if span is None or not printed:
            continue
        x0, x1 = span
        if any(b[0] < x1 and x0 < b[2] for b in printed):  # a text of the row spans the column: not blank on paper
            continue
        out.append(HeaderCell(table.index, k, col, page, (x0, min(b[1] for b in printed), x1, max(b[3] for b in printed))))
    return out


def _column_span(table: RawTable, col: int, page: int) -> tuple[float, float] | None:
    """The x-range the column's body cells cover on ``page``."""
    boxes = [
        r.boxes[col]
        for r in table.rows
        if (r.page if r.page is not None else table.page) == page and r.boxes and col < len(r.boxes) and r.boxes[col]
    ]
    if not boxes:
        return None
    return min(b[0] for b in boxes), max(b[2] for b in boxes)
