"""What a PDF page holds for table extraction: glyphs with boxes, ruling lines, images.

Coordinates are PDF points with the origin at the page's top-left (y grows downward), so
"above" reads as a smaller ``top``. Everything here is plain data and pure functions: a
page can be built by hand in a test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


class _Boxed:
    """Centre and box of anything with x0, top, x1, bottom."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def box(self) -> Box:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(frozen=True)
class Glyph(_Boxed):
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float | None = None  # OCR: the engine's score for this character; None from a text layer


@dataclass(frozen=True)
class Rule(_Boxed):
    """A straight stroke (or a thin filled bar) that may border table cells."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.x1 - self.x0 >= self.bottom - self.top


@dataclass
class PageLayout:
    number: int  # 1-based
    width: float
    height: float
    glyphs: list[Glyph]
    rules: list[Rule] = field(default_factory=list)
    n_images: int = 0
    read_by: str = "text"  # "text" (the PDF's text layer) | "ocr" (the page image, extract/ocr_page.py)
    # OCR'd page: how its image was turned upright before it was read (np.rot90's k: quarter turns
    # counter-clockwise, then the skew in degrees), so a cell can be cropped again from the image
    # (extract/ocr_reread.py); the glyphs' and rules' points are those of the upright page.
    quarter_turns: int = 0
    skew_deg: float = 0.0


@dataclass(frozen=True)
class Segment(_Boxed):
    """A run of glyphs on one line with no wide gap inside: one cell's text in an unruled table."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class TextLine:
    top: float
    bottom: float
    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        return "  ".join(s.text for s in self.segments)


_ASCII_END = re.compile(r"[A-Za-z0-9.,%)]$")
_ASCII_START = re.compile(r"^[A-Za-z0-9(]")


def text_lines(glyphs: list[Glyph], gap_ems: float = 1.0) -> list[TextLine]:
    """Glyphs -> lines top to bottom, each split into segments where the gap between two
    glyphs exceeds ``gap_ems`` times the line's glyph height."""
    lines: list[list[Glyph]] = []
    for g in sorted((g for g in glyphs if g.text.isprintable()), key=lambda g: (g.cy, g.x0)):
        if lines:
            last = lines[-1]
            top = min(x.top for x in last[-3:])
            bottom = max(x.bottom for x in last[-3:])
            if top <= g.cy <= bottom:
                last.append(g)
                continue
        lines.append([g])
    return [_line(sorted(line, key=lambda g: g.x0), gap_ems) for line in lines if any(g.text.strip() for g in line)]


def _line(glyphs: list[Glyph], gap_ems: float) -> TextLine:
    height = median(g.bottom - g.top for g in glyphs) or 1.0
    segments: list[Segment] = []
    run: list[Glyph] = [glyphs[0]]
    for g in glyphs[1:]:
        if g.x0 - run[-1].x1 > gap_ems * height:
            segments.append(_segment(run, height))
            run = []
        run.append(g)
    segments.append(_segment(run, height))
    segments = [s for s in segments if s.text]
    return TextLine(min(g.top for g in glyphs), max(g.bottom for g in glyphs), tuple(segments))


def _segment(run: list[Glyph], height: float) -> Segment:
    """Glyph texts joined; a space where the PDF positions words apart without a space glyph."""
    while len(run) > 1 and not run[-1].text.strip():
        run = run[:-1]
    while len(run) > 1 and not run[0].text.strip():
        run = run[1:]
    parts = [run[0].text]
    for prev, g in zip(run, run[1:]):
        if g.x0 - prev.x1 > 0.3 * height and prev.text != " " and g.text != " ":
            parts.append(" ")
        parts.append(g.text)
    return Segment("".join(parts).strip(), run[0].x0, min(g.top for g in run), run[-1].x1, max(g.bottom for g in run))


def join_lines(lines: list[TextLine]) -> str:
    """A wrapped cell's lines as one text: CJK joins directly, Latin words with a space."""
    out = ""
    for line in lines:
        text = " ".join(s.text for s in line.segments)
        if out and _ASCII_END.search(out) and _ASCII_START.match(text):
            out += " "
        out += text
    return out
