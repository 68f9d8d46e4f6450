"""One PDF page -> its lines in reading order: plain lines, and table rows split into cells.

Ruled regions are read as lattices; the text outside them is searched for unruled tables;
what remains are plain lines (titles, units, department, notes, narrative).
"""
from __future__ import annotations

from dataclasses import dataclass

from extract import context
from extract.pdf_geometry import Box, PageLayout, TextLine, text_lines
from extract.pdf_lattice import find_grids, grid_rows
from extract.pdf_stream import Layouts, find_stream_tables


@dataclass(frozen=True)
class PageLine:
    top: float
    text: str | None  # a plain line
    cells: tuple[str, ...] | None = None  # a table row
    boxes: tuple[Box | None, ...] | None = None
    method: str | None = None  # "lattice" | "stream" for table rows


def page_lines(page: PageLayout, layouts: Layouts | None = None) -> list[PageLine]:
    """``layouts``: unruled tables' columns seen on earlier pages, keyed by their header."""
    grids = [g for g in find_grids(page.rules) if len(g.xs) >= 3]  # two columns at least: shaded rows are no grid
    out: list[PageLine] = []
    loose = []
    inside: dict[int, list] = {i: [] for i in range(len(grids))}
    for g in page.glyphs:
        owner = next((i for i, grid in enumerate(grids) if grid.contains(g)), None)
        (inside[owner] if owner is not None else loose).append(g)
    for i, grid in enumerate(grids):
        for cells, top in grid_rows(grid, inside[i]):
            out.append(PageLine(top, None, tuple(c.text for c in cells), tuple(c.box for c in cells), "lattice"))
    lines = text_lines(loose)
    in_table: set[int] = set()
    for table in find_stream_tables(lines, layouts):
        in_table.update(range(table.first, table.last + 1))
        out += [PageLine(top, None, cells, boxes, "stream") for cells, boxes, top in table.rows]
    out += [PageLine(ln.top, text) for k, ln in enumerate(lines) if k not in in_table for text in _statements(ln)]
    return sorted(out, key=lambda ln: ln.top)


def _statements(line: TextLine) -> list[str]:
    """A page-header line printing '部门：X' at the left and '单位：万元' at the right says two
    things; each becomes its own line. Other lines stay whole (a spaced-out title is one)."""
    if len(line.segments) > 1 and any(context.unit_of(s.text) or context.department_of(s.text) for s in line.segments):
        return [s.text for s in line.segments]
    return [line.text]
