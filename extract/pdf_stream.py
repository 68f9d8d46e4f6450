"""Unruled tables: columns found from where the text sits (stream extraction).

Body rows (from the first row holding a number) fix the columns: the x-ranges their
segments cover, merged where they overlap. Header texts are then given the columns they head
by where they sit against those ranges, however they are aligned (pdf_stream_header).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract import context
from extract.cells import AMOUNT, normalize_label
from extract.pdf_geometry import Box, Segment, TextLine
from extract.pdf_stream_header import HeaderLayout, header_layout

_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$|^\d{2}$")
_PAGE_NUMBER = re.compile(r"^[-—–\s]*\d{1,4}[-—–\s]*$|^第\d+页")


@dataclass(frozen=True)
class StreamTable:
    rows: list[tuple[tuple[str, ...], tuple[Box | None, ...], float]]  # cells, their boxes, row top
    first: int  # positions of its first and last line in the page's line list
    last: int


def is_context_line(line: TextLine) -> bool:
    """A line that describes a table or the page rather than being one of its rows."""
    text = line.text
    return bool(
        context.is_table_title(text)
        or context.table_number(text)
        or context.unit_of(text)
        or context.department_of(text)
        or context.is_page_header_line(text, None)
        or normalize_label(text).startswith("注")
        or _PAGE_NUMBER.match(normalize_label(text))
    )


Layouts = dict[tuple[tuple[str, int], ...], HeaderLayout]


def find_stream_tables(lines: list[TextLine], layouts: Layouts | None = None, exact_edges: bool = True) -> list[StreamTable]:
    """Runs of lines with two or more separate segments (single-segment lines between them are
    label-only rows), cut at context lines and wide vertical gaps.

    ``layouts`` carries column positions from page to page: a table continued on the next
    page repeats its header at the same place, and its few rows there are read in the
    columns the first page established. ``exact_edges``: False for an OCR'd page
    (extract/pdf_stream_header.header_layout).
    """
    layouts = {} if layouts is None else layouts
    tables: list[StreamTable] = []
    run: list[int] = []

    def close() -> None:
        while run and len(lines[run[-1]].segments) < 2 and not _label_row(lines, run):
            run.pop()
        if sum(len(lines[k].segments) >= 2 for k in run) >= 2:
            tables.append(_table(lines, run[0], run[-1], layouts, exact_edges))
        run.clear()

    for k, line in enumerate(lines):
        height = line.bottom - line.top
        if is_context_line(line) or (run and line.top - lines[run[-1]].bottom > 3 * height):
            close()
            continue
        if run or len(line.segments) >= 2:
            run.append(k)
    close()
    return tables


def _label_row(lines: list[TextLine], run: list[int]) -> bool:
    """A one-text line closing a run is a row with only its label ('二、基金支出' and blank
    amounts) when it fits in the first column and follows at row spacing; else narrative."""
    last, prev = lines[run[-1]], lines[run[-2]] if len(run) > 1 else None
    wide = [lines[k] for k in run if len(lines[k].segments) >= 2]
    if prev is None or not wide:
        return False
    first_column_end = min(ln.segments[1].x0 for ln in wide)
    height = last.bottom - last.top
    return last.segments[0].x1 < first_column_end and last.top - prev.bottom <= 1.5 * height


def _is_body(line: TextLine) -> bool:
    return any(AMOUNT.match(normalize_label(s.text)) or _CODE.match(s.text) for s in line.segments)


def _table(lines: list[TextLine], first: int, last: int, layouts: Layouts, exact_edges: bool) -> StreamTable:
    rows = lines[first : last + 1]
    body_start = next((k for k, ln in enumerate(rows) if _is_body(ln)), len(rows))
    signature = tuple((s.text, round(s.x0)) for ln in rows[:body_start] for s in ln.segments)
    layout = layouts.get(signature) if signature else None
    if layout is None:
        header, body = [ln.segments for ln in rows[:body_start]], [s for ln in rows[body_start:] for s in ln.segments]
        layout = header_layout(header, body, exact_edges)
        if signature:
            layouts[signature] = layout
    columns = layout.columns
    placed: list[dict[int, list[Segment]]] = [{} for _ in rows]
    for k in range(body_start, len(rows)):
        for s in rows[k].segments:
            placed[k].setdefault(_body_column(columns, s), []).append(s)
    for k in range(body_start):
        for s, (start, _) in zip(rows[k].segments, layout.spans[k]):
            placed[k].setdefault(start, []).append(s)  # at the first column it heads, as a merged cell
    out = []
    for k, ln in enumerate(rows):
        cells = tuple(" ".join(x.text for x in placed[k].get(c, [])) for c in range(len(columns)))
        boxes = tuple(_union(placed[k][c]) if c in placed[k] else None for c in range(len(columns)))
        out.append((cells, boxes, ln.top))
    return StreamTable(out, first, last)


def _body_column(columns: list[list[float]], s: Segment) -> int:
    hit = _overlapping(columns, s)
    if hit:
        return hit[0]
    return min(range(len(columns)), key=lambda c: abs((columns[c][0] + columns[c][1]) / 2 - s.cx))


def _overlapping(columns: list[list[float]], s: Segment) -> list[int]:
    return [c for c, (x0, x1) in enumerate(columns) if s.x0 < x1 and x0 < s.x1]


def _union(segments: list[Segment]) -> Box:
    return (
        min(s.x0 for s in segments),
        min(s.top for s in segments),
        max(s.x1 for s in segments),
        max(s.bottom for s in segments),
    )
