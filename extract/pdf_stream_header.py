"""Header cells of an unruled table -> the body columns they head (stream extraction).

An unruled table draws no cell borders, so a header cell is placed by where it sits against
the body's columns: the x-ranges the body texts of each column cover ("extents"). Whatever
the header's alignment (left, right, centred: publishers print all three):

- a header text over one or more extents heads them: a text over several spans them;
- a text between two extents (a short header left-aligned over wide right-aligned figures,
  a right-aligned 科目名称 beyond short names) heads the neighbour whose cell can reach it.
  Right-aligned body texts end at their cell's right edge, so nothing right of them is in
  their cell; left-aligned texts start at their cell's left edge, so nothing left of them is.
  A neighbour already headed by a text of the same row, or with another header text between,
  cannot take it; when both neighbours can, the header's alignment (measured on the texts
  over a single extent) decides;
- a text no neighbour can take heads a column of its own that no body row fills;
- an upper-row text heads the sub-columns beside it that the row leaves blank but a lower
  row labels (its span: 基本支出 over 小计 | 人员经费 | 公用经费) — left-aligned it is printed
  over the first of them, right-aligned over the last, centred over the middle.

Each text is put at the first column of its span, as a merged ruled cell is (pdf_lattice).
"""

from __future__ import annotations

from dataclasses import dataclass

from extract.pdf_geometry import Segment

# Points. Texts aligned to one edge of their column end at the same x within this: in the
# fixtures rendered by reportlab (001, stream_headers_*) body texts agree to 0.03 pt and a
# header with the figures under it to 0.08 pt (the PDF stores glyph widths rounded to
# 1/1000 em), while texts that only happen to end near each other (centred 科目编码 over
# 类 | 款 and the 款 under it, 预算数 and 政府性基金预算 in 001) miss by 0.3 pt and more.
ALIGN_TOL = 0.2

# An OCR'd page's text edges are known to a few pixels (the detector's box about fuzzy ink), not to
# the hundredths of a point that tell a header's alignment on a text layer. Measured on the
# committed fixtures' scans (150 dpi, read at 200): the truly left- and right-aligned headers of
# stream_headers_left / _right gave no vote at ALIGN_TOL, and the five votes the 001 scan gave were
# all coincidences of one pixel column (预算数 over 政府性基金预算 'left' put 支出's span under 收入).
# So an OCR'd table's header alignment is not read from its edges: it is taken as centred, the
# layout's default when nothing tells.

Span = tuple[int, int]  # first and last column a header text heads


@dataclass(frozen=True)
class HeaderLayout:
    columns: list[list[float]]  # x-ranges, left to right: body extents and header-only columns
    spans: list[list[Span]]  # per header row, per segment (in the row's order): its columns


class _Col:
    """A column while the header is read: its extent, and which edge of its cell is known."""

    def __init__(self, x0: float, x1: float, side: str | None, body: bool):
        self.x0, self.x1, self.side, self.body = x0, x1, side, body

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


def header_layout(header: list[tuple[Segment, ...]], body: list[Segment], exact_edges: bool = True) -> HeaderLayout:
    """Columns and header spans of one table: ``header`` its rows above the body, top to bottom.
    ``exact_edges``: False for an OCR'd page, whose edges cannot tell alignment (see above)."""
    cols = [_Col(x0, x1, _side(segs), True) for (x0, x1), segs in _body_extents(body)]
    align = _alignment(header, cols, body) if exact_edges else "centre"
    everything = [s for row in header for s in row]
    spans: list[dict[int, list[_Col]]] = [{} for _ in header]
    covered: set[_Col] = set()  # columns a lower header row labels
    for k in range(len(header) - 1, -1, -1):
        spans[k] = _row_spans(header[k], cols, covered, everything, align)
        for owned in spans[k].values():
            covered.update(owned)
    cols.sort(key=lambda c: c.x0)
    index = {c: i for i, c in enumerate(cols)}
    out = [
        [(min(index[c] for c in spans[k][i]), max(index[c] for c in spans[k][i])) for i in range(len(row))]
        for k, row in enumerate(header)
    ]
    return HeaderLayout([[c.x0, c.x1] for c in cols], out)


def _body_extents(segments: list[Segment]) -> list[tuple[tuple[float, float], list[Segment]]]:
    """The x-ranges body texts cover, merged where they overlap, with the texts of each."""
    spans: list[tuple[list[float], list[Segment]]] = []
    for s in sorted(segments, key=lambda s: s.x0):
        if spans and s.x0 <= spans[-1][0][1]:
            spans[-1][0][1] = max(spans[-1][0][1], s.x1)
            spans[-1][1].append(s)
        else:
            spans.append(([s.x0, s.x1], [s]))
    return [((x0, x1), segs) for (x0, x1), segs in spans]


def _side(segments: list[Segment]) -> str | None:
    """'right' when a column's texts end at one x and start at several (figures), 'left' when
    they start at one x (codes, names), None when that cannot be told (centred, one text,
    texts all of one width)."""
    if len(segments) < 2:
        return None
    left = max(s.x0 for s in segments) - min(s.x0 for s in segments) <= ALIGN_TOL
    right = max(s.x1 for s in segments) - min(s.x1 for s in segments) <= ALIGN_TOL
    if left == right:
        return None
    return "left" if left else "right"


def _alignment(header: list[tuple[Segment, ...]], cols: list[_Col], body: list[Segment]) -> str:
    """How the header texts sit in their cells: 'left', 'right' or 'centre' (also when nothing
    tells). Only a text clearly narrower (by one em, ``_decisive``) than another text it shares
    an edge with tells: a header narrower than the body texts of its column (科目名称 and the names start
    at one x: left), a header and the sub-header under it (基本支出 and 公用经费 end at one x:
    right). A text as wide as its cell sits there whatever its alignment, and tells nothing."""
    votes = {"left": 0, "right": 0, "centre": 0}
    for row in header:
        for s in row:
            hit = [c for c in cols if _overlaps(s, c)]
            texts = [b for b in body if _overlaps(b, hit[0])] if len(hit) == 1 else []
            if texts and _width(texts) - (s.x1 - s.x0) >= _decisive(s):  # a wider header sets the cell
                vote = _shared_edge(s, texts, hit[0].side)
                if vote:
                    votes[vote] += 1
    for upper, lower in zip(header, header[1:]):
        for s in upper:
            for t in lower:
                vote = _shared_edge(s, [t], None) if _overlaps(s, t) else None
                if vote:
                    votes[vote] += 1
    best = max(votes.values())
    return "centre" if best == 0 or votes["centre"] == best else max(votes, key=votes.get)


def _shared_edge(s: Segment, others: list[Segment], side: str | None) -> str | None:
    """The edge (or centre) ``s`` shares with ``others`` (aligned on it), if their widths differ decisively."""
    if abs(_width(others) - (s.x1 - s.x0)) < _decisive(s):
        return None
    if side in (None, "left") and all(abs(o.x0 - s.x0) <= ALIGN_TOL for o in others):
        return "left"
    if side in (None, "right") and all(abs(o.x1 - s.x1) <= ALIGN_TOL for o in others):
        return "right"
    if side is None and all(abs(o.cx - s.cx) <= ALIGN_TOL for o in others):
        return "centre"
    return None


def _width(texts: list[Segment]) -> float:
    return max(o.x1 for o in texts) - min(o.x0 for o in texts)


def _decisive(s: Segment) -> float:
    """One em of the text: a cell's padding (2-6 pt in the fixtures and the corpus) is less, so a
    text that much narrower than its neighbour cannot be flush with both edges of one cell."""
    return s.bottom - s.top


def _overlaps(s: Segment, c: _Col) -> bool:
    return s.x0 < c.x1 and c.x0 < s.x1


def _row_spans(
    row: tuple[Segment, ...], cols: list[_Col], covered: set[_Col], everything: list[Segment], align: str
) -> dict[int, list[_Col]]:
    """Each text of one header row -> the columns it heads; adds the columns of texts over none."""
    owned: dict[int, list[_Col]] = {}
    for i, s in enumerate(row):
        hit = sorted((c for c in cols if _overlaps(s, c) and (c.body or s.x0 < c.cx < s.x1)), key=lambda c: c.x0)
        if not hit:  # a column no body fills is known only by its header text: its middle is what counts
            hit = sorted((c for c in cols if _overlaps(s, c)), key=lambda c: min(c.x1, s.x1) - max(c.x0, s.x0))[-1:]
        if hit:
            owned[i] = hit
    claimed = {c for hit in owned.values() for c in hit}
    new: list[_Col] = []
    for i, s in enumerate(row):
        if i in owned:
            continue
        home = _gap_home(s, cols, claimed, everything, align)
        if home is None:
            home = _Col(s.x0, s.x1, None, False)
            new.append(home)
        owned[i] = [home]
    cols += new
    cols.sort(key=lambda c: c.x0)
    _take_orphans(row, owned, cols, covered, align)
    return owned


def _gap_home(s: Segment, cols: list[_Col], claimed: set[_Col], everything: list[Segment], align: str) -> _Col | None:
    """The neighbour whose cell holds a text printed between two extents, if one can."""
    left = max((c for c in cols if c.x1 <= s.x0), key=lambda c: c.x1, default=None)
    right = min((c for c in cols if c.x0 >= s.x1), key=lambda c: c.x0, default=None)

    def free(c: _Col | None, lo: float, hi: float, far_side: str) -> bool:
        between = any(lo < o.x0 and o.x1 < hi for o in everything if o is not s)
        return c is not None and c.body and c.side != far_side and c not in claimed and not between

    can_left = free(left, left.x1 if left else 0, s.x0, "right")
    can_right = free(right, s.x1, right.x0 if right else 0, "left")
    if can_left and can_right:
        if align == "left":
            return right
        if align == "right":
            return left
        return left if s.x0 - left.x1 < right.x0 - s.x1 else right
    return left if can_left else right if can_right else None


def _take_orphans(
    row: tuple[Segment, ...], owned: dict[int, list[_Col]], cols: list[_Col], covered: set[_Col], align: str
) -> None:
    """Columns this row leaves blank that a lower row labels join the span of a text beside
    them that heads sub-columns itself (a text over a column nothing below labels is a leaf)."""
    index = {c: j for j, c in enumerate(cols)}
    order = list(owned)
    taken = {c for hit in owned.values() for c in hit}
    edges = _cell_edges(cols)

    def error(i: int, a: int, b: int) -> float:
        return abs((edges[a] + edges[b + 1]) / 2 - row[i].cx)

    def parent(i: int | None) -> bool:
        return i is not None and any(c in covered for c in owned[i])

    runs = []  # (first, last, text before, text after) of each run of blank columns labelled below
    j = 0
    while j < len(cols):
        if cols[j] in taken or cols[j] not in covered:
            j += 1
            continue
        end = j
        while end + 1 < len(cols) and cols[end + 1] not in taken and cols[end + 1] in covered:
            end += 1
        before = next((i for i in order if index[owned[i][-1]] == j - 1), None)
        after = next((i for i in order if index[owned[i][0]] == end + 1), None)
        runs.append((j, end, before if parent(before) else None, after if parent(after) else None))
        j = end + 1
    # a run only one text can head goes to it first, so that the centring below sees whole spans
    for j, end, before, after in sorted(runs, key=lambda r: r[2] is not None and r[3] is not None):
        if before is not None and after is not None:
            if align == "left":
                split = end
            elif align == "right":
                split = j - 1
            else:
                a, b = index[owned[before][0]], index[owned[after][-1]]
                split = min(range(j - 1, end + 1), key=lambda k: error(before, a, k) + error(after, k + 1, b))
            owned[before] += cols[j : split + 1]
            owned[after][:0] = cols[split + 1 : end + 1]
        elif before is not None:
            owned[before] += cols[j : end + 1]
        elif after is not None:
            owned[after][:0] = cols[j : end + 1]


def _cell_edges(cols: list[_Col]) -> list[float]:
    """Cell borders as an unruled table implies them: halfway across each gap between columns."""
    gaps = [cols[c + 1].x0 - cols[c].x1 for c in range(len(cols) - 1)]
    half = min(gaps, default=0) / 2
    inner = [(cols[c].x1 + cols[c + 1].x0) / 2 for c in range(len(cols) - 1)]
    return [cols[0].x0 - half, *inner, cols[-1].x1 + half]
