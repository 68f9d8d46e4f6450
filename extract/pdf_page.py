"""One PDF page -> its lines in reading order: plain lines, and table rows split into cells.

Ruled regions are read as lattices; the text outside them is searched for unruled tables;
what remains are plain lines (titles, units, department, notes, narrative).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract import context
from extract.pdf_geometry import Box, Glyph, PageLayout, TextLine, text_lines
from extract.pdf_lattice import find_grids, grid_rows
from extract.pdf_stream import Layouts, find_stream_tables

# Vertical rules a grid needs to be a table: three make two columns; the shaded bands of a
# spreadsheet export (two rules, one column) are no grid.
GRID_RULES_MIN = 3


@dataclass(frozen=True)
class PageLine:
    top: float
    text: str | None  # a plain line
    cells: tuple[str, ...] | None = None  # a table row
    boxes: tuple[Box | None, ...] | None = None
    method: str | None = None  # "lattice" | "stream" for table rows
    confidences: tuple[float | None, ...] | None = None  # OCR'd page: each cell's lowest character score


def page_lines(page: PageLayout, layouts: Layouts | None = None) -> list[PageLine]:
    """``layouts``: unruled tables' columns seen on earlier pages, keyed by their header."""
    grids = [g for g in find_grids(page.rules) if len(g.xs) >= GRID_RULES_MIN]
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
    for table in find_stream_tables(lines, layouts, exact_edges=page.read_by != "ocr"):
        in_table.update(range(table.first, table.last + 1))
        out += [PageLine(top, None, cells, boxes, "stream") for cells, boxes, top in table.rows]
    out += [PageLine(ln.top, text) for k, ln in enumerate(lines) if k not in in_table for text in _statements(ln)]
    if page.read_by == "ocr":
        out = [replace(ln, confidences=cell_confidences(ln, page.glyphs)) if ln.boxes is not None else ln for ln in out]
    return sorted(out, key=lambda ln: ln.top)


def cell_confidences(line: PageLine, glyphs: list[Glyph]) -> tuple[float | None, ...]:
    """Each cell's lowest character score among the glyphs whose centre lies in its box (a
    figure is as sure as its least sure digit); None for a cell holding no glyph."""
    out: list[float | None] = []
    for text, box in zip(line.cells or (), line.boxes or ()):
        scores = [
            g.confidence
            for g in glyphs
            if g.confidence is not None
            and box is not None
            and text.strip()
            and box[0] <= g.cx <= box[2]
            and box[1] <= g.cy <= box[3]
            and g.text.strip()
        ]
        out.append(min(scores) if scores else None)
    return tuple(out)


def _statements(line: TextLine) -> list[str]:
    """A page-header line printing '部门：X' at the left and '单位：万元' at the right says two
    things; each becomes its own line. Other lines stay whole (a spaced-out title is one)."""
    if len(line.segments) > 1 and any(context.unit_of(s.text) or context.department_of(s.text) for s in line.segments):
        return [s.text for s in line.segments]
    return [line.text]
