"""Hand-built PDF pages for the pure extractor tests: text placed like a PDF places it."""

from __future__ import annotations

from extract.pdf_geometry import Glyph, PageLayout, Rule

SIZE = 10.0


def text(s: str, x: float, top: float, size: float = SIZE) -> list[Glyph]:
    """Glyphs of ``s`` from x: CJK one em wide, ASCII and spaces half an em."""
    out = []
    for ch in s:
        w = size / 2 if ord(ch) < 128 else size
        out.append(Glyph(ch, x, top, x + w, top + size))
        x += w
    return out


def centred(s: str, x0: float, x1: float, top: float) -> list[Glyph]:
    width = sum(SIZE / 2 if ord(ch) < 128 else SIZE for ch in s)
    return text(s, (x0 + x1 - width) / 2, top)


def right(s: str, x1: float, top: float) -> list[Glyph]:
    width = sum(SIZE / 2 if ord(ch) < 128 else SIZE for ch in s)
    return text(s, x1 - 2 - width, top)


def hline(x0: float, x1: float, y: float) -> Rule:
    return Rule(x0, y, x1, y)


def vline(x: float, top: float, bottom: float) -> Rule:
    return Rule(x, top, x, bottom)


def page(glyphs: list[Glyph], rules: list[Rule] = ()) -> PageLayout:
    return PageLayout(1, 600, 800, glyphs, list(rules))
