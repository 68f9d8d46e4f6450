"""Ruled tables: cells bounded by drawn lines (lattice), merged cells found by missing borders.

A merged cell's text belongs to its top-left grid position and the positions it covers stay
empty, which is how tab-separated conversions print them, so the same header logic applies.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from extract.pdf_geometry import Box, Glyph, Rule, join_lines, text_lines

TOL = 1.5  # points: strokes this close are one line; a border may miss a cell edge by this much


@dataclass(frozen=True)
class GridCell:
    text: str
    box: Box


@dataclass
class Grid:
    """One ruled table: column edges ``xs`` and row edges ``ys`` (sorted), and its borders."""

    xs: list[float]
    ys: list[float]
    verticals: list[Rule]
    horizontals: list[Rule]

    @property
    def box(self) -> Box:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    def contains(self, g: Glyph) -> bool:
        return self.xs[0] - TOL <= g.cx <= self.xs[-1] + TOL and self.ys[0] - TOL <= g.cy <= self.ys[-1] + TOL


def find_grids(rules: list[Rule]) -> list[Grid]:
    """Connected sets of horizontal and vertical rules with at least 2 of each, top to bottom."""
    hs = [r for r in rules if r.horizontal and r.x1 - r.x0 > 2 * TOL]
    vs = [r for r in rules if not r.horizontal and r.bottom - r.top > 2 * TOL]
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if h.x0 - TOL <= v.x0 <= h.x1 + TOL and v.top - TOL <= h.top <= v.bottom + TOL:
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    grids = []
    for g_hs, g_vs in groups.values():
        xs = _edges([v.x0 for v in g_vs] + [v.x1 for v in g_vs])
        ys = _edges([h.top for h in g_hs] + [h.bottom for h in g_hs])
        if len(xs) >= 2 and len(ys) >= 2:
            grids.append(Grid(xs, ys, g_vs, g_hs))
    return sorted(grids, key=lambda g: (g.ys[0], g.xs[0]))


def _edges(values: list[float]) -> list[float]:
    """Positions within TOL of each other are one edge (a stroke's two sides, a double line)."""
    edges: list[list[float]] = []
    for v in sorted(values):
        if edges and v - edges[-1][-1] <= TOL:
            edges[-1].append(v)
        else:
            edges.append([v])
    return [sum(e) / len(e) for e in edges]


def grid_rows(grid: Grid, glyphs: list[Glyph]) -> list[tuple[tuple[GridCell, ...], float]]:
    """The table's rows (cells by grid column, merged cells at their top-left) with each
    row's top; rows left without any text (the lower parts of merged cells) are dropped."""
    n_rows, n_cols = len(grid.ys) - 1, len(grid.xs) - 1
    owner = _merged_owners(grid, n_rows, n_cols)
    members: dict[tuple[int, int], list[Glyph]] = {}
    for g in glyphs:
        i = bisect_right(grid.ys, g.cy) - 1
        j = bisect_right(grid.xs, g.cx) - 1
        if 0 <= i < n_rows and 0 <= j < n_cols:
            members.setdefault(owner[i][j], []).append(g)
    span: dict[tuple[int, int], list[int]] = {}
    for i in range(n_rows):
        for j in range(n_cols):
            oi, oj = owner[i][j]
            s = span.setdefault((oi, oj), [i, j, i, j])
            s[2], s[3] = max(s[2], i), max(s[3], j)
    rows = []
    for i in range(n_rows):
        cells = []
        for j in range(n_cols):
            if owner[i][j] != (i, j):
                cells.append(GridCell("", (grid.xs[j], grid.ys[i], grid.xs[j + 1], grid.ys[i + 1])))
                continue
            i0, j0, i1, j1 = span[(i, j)]
            text = join_lines(text_lines(members.get((i, j), [])))
            cells.append(GridCell(text, (grid.xs[j0], grid.ys[i0], grid.xs[j1 + 1], grid.ys[i1 + 1])))
        if any(c.text for c in cells):
            rows.append((tuple(cells), grid.ys[i]))
    return rows


def _merged_owners(grid: Grid, n_rows: int, n_cols: int) -> list[list[tuple[int, int]]]:
    """For each grid position, the top-left position of the (merged) cell it belongs to."""
    owner = [[(i, j) for j in range(n_cols)] for i in range(n_rows)]
    for i in range(n_rows):
        mid_y = (grid.ys[i] + grid.ys[i + 1]) / 2
        for j in range(n_cols):
            if j > 0 and not _has_vertical(grid, grid.xs[j], mid_y):
                owner[i][j] = owner[i][j - 1]
            elif i > 0 and not _has_horizontal(grid, grid.ys[i], (grid.xs[j] + grid.xs[j + 1]) / 2):
                owner[i][j] = owner[i - 1][j]
    return owner


def _has_vertical(grid: Grid, x: float, y: float) -> bool:
    return any(v.x0 - TOL <= x <= v.x1 + TOL and v.top - TOL <= y <= v.bottom + TOL for v in grid.verticals)


def _has_horizontal(grid: Grid, y: float, x: float) -> bool:
    return any(h.top - TOL <= y <= h.bottom + TOL and h.x0 - TOL <= x <= h.x1 + TOL for h in grid.horizontals)
