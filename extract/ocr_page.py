"""A scanned page's image -> the PageLayout a text-layer page gives: glyphs with boxes, and rules.

The image is turned upright (extract/ocr_orientation.py: a page scanned sideways or upside down)
and straightened (extract/ocr_image.py), its ruled lines found (extract/ocr_rules.py)
and its characters read (extract/ocr_engine.py); each character becomes a Glyph in PDF points
from the page's top-left, carrying its recognition score. From there the page goes through the
same lattice / stream / line layout, titles, units, stitching and parsers as any PDF page.

Pixel to point: the image covers the whole page, so one scale maps it (``px_per_pt``); the page
size is the PDF page's (a scan in a PDF) or the image's size at its printed resolution (an image
file). Boxes are those of the straightened image, which is where the figures were read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np

from extract import ocr_engine, ocr_orientation
from extract.ocr_engine import OcrChar
from extract.ocr_image import despeckle, straighten, to_grey
from extract.ocr_rules import image_rules
from extract.pdf_geometry import Glyph, PageLayout, Rule

# Resolution a PDF page without a text layer is rendered at for OCR. Measured on page 4 of the
# committed 004 scan (a 150-dpi image): rendered at 150 dpi the header cells 政府性基金预算 /
# 国有资本经营预算 were merged or lost, at 200 dpi every line was read as at a clean render, for
# ~10 % more time (4.6 vs 4.2 s). Higher was not measured: the scan holds no finer detail.
OCR_DPI = 200
# An image file that states no resolution is taken to be this (the usual scanner setting);
# only the page size in points depends on it, never what is read.
DEFAULT_IMAGE_DPI = 150

# A recognised line's box is taller than the characters' em (the detector pads it above and below);
# the text-layer route measures gaps between cells in ems of the glyphs' loose boxes
# (extract/pdf_geometry.text_lines), so each OCR glyph takes this share of its box's height,
# about its centre. Measured on the committed scans against their text layers: median glyph
# height 4.99 pt vs 9.36 pt OCR (001), 8.10 vs 13.32 (004): 0.53, 0.61.
EM_PER_BOX_HEIGHT = 0.57

# Within a recognised line, a gap between two characters narrower than this many ems that the
# recogniser read no space in is closed (each glyph's box runs to the middle of the gap): boxes are
# fitted to the ink, and the text-layer route puts a space where glyphs stand 0.3 em apart,
# which would split 卫生健康支出. A wider gap is kept: a code printed 1.3 em before its name
# ('01 住房公积金', which the recogniser may read as one piece) is two cells, as on paper.
CLOSE_GAP_EM = 0.9

Reader = Callable[[np.ndarray], list[OcrChar]]
Orient = Callable[[np.ndarray, list[OcrChar]], int]


def ocr_layout(
    image: np.ndarray,
    number: int,
    width_pt: float,
    height_pt: float,
    n_images: int = 1,
    reader: Reader | None = None,
    orient: Orient | None = None,
) -> PageLayout:
    """The page's glyphs and rules as read from its image (any size; grey or colour).

    The page is read as it lies; when the lines read say it lies sideways or upside down
    (extract/ocr_orientation.py, a look that costs a few hundredths of a second on an upright
    page), it is turned upright and read again. A page scanned sideways is read as the landscape
    page it is: its width and height in points swap. ``reader`` / ``orient``: stand-ins for the
    engine's (extract/ocr_engine.read_characters, extract/ocr_orientation.page_turns)."""
    reader, orient = reader or ocr_engine.read_characters, orient or ocr_orientation.page_turns
    grey = to_grey(np.asarray(image))
    layout, straight, chars = _read(grey, 0, number, width_pt, height_pt, n_images, reader)
    turns = orient(straight, chars) % 4
    if not turns:
        return layout
    if turns % 2:
        width_pt, height_pt = height_pt, width_pt
    return _read(np.ascontiguousarray(np.rot90(grey, turns)), turns, number, width_pt, height_pt, n_images, reader)[0]


def _read(
    grey: np.ndarray, turns: int, number: int, width_pt: float, height_pt: float, n_images: int, reader: Reader
) -> tuple[PageLayout, np.ndarray, list[OcrChar]]:
    """The page as it lies (already turned by ``turns``): straightened, rules found and painted
    out, read; its layout, the image read and the characters."""
    straight, skew = straighten(grey)
    px_per_pt = straight.shape[1] / width_pt
    rules, text_only = image_rules(straight, px_per_pt)
    read = despeckle(text_only)
    chars = reader(read)
    glyphs = off_rules([_glyph(c, px_per_pt) for c in closed_gaps(full_width(chars))], rules)
    layout = PageLayout(number, width_pt, height_pt, glyphs, rules, n_images, read_by="ocr", quarter_turns=turns, skew_deg=skew)
    return layout, read, chars


# Full-width punctuation: its ink is a dot or two in a square em, and its box in the text layer is
# that em (extract/pdf_reader: loose boxes). Fitted to its ink, '：' of '单位：元' stood a full em
# away from '元' on the 150-dpi scan of the 福利院 2024 page 8, and the unit line fell apart into
# '单位：' and '元' (the table lost its unit and its 34 facts).
FULL_WIDTH_PUNCTUATION = frozenset("：，、。；！？（）")


def full_width(chars: list[OcrChar]) -> list[OcrChar]:
    """Full-width punctuation widened from its ink to an em, about its ink's centre, never over
    its neighbours on the line."""
    out = list(chars)
    for k, c in enumerate(out):
        if c.text not in FULL_WIDTH_PUNCTUATION:
            continue
        em = (c.bottom - c.top) * EM_PER_BOX_HEIGHT
        spare = max(0.0, em - (c.x1 - c.x0)) / 2
        left = out[k - 1].x1 if k > 0 and out[k - 1].line == c.line else c.x0 - spare
        right = chars[k + 1].x0 if k + 1 < len(chars) and chars[k + 1].line == c.line else c.x1 + spare
        out[k] = replace(c, x0=max(c.x0 - spare, min(left, c.x0)), x1=min(c.x1 + spare, max(right, c.x1)))
    return out


def closed_gaps(chars: list[OcrChar]) -> list[OcrChar]:
    """Characters of a line with the narrow gaps inside its words closed (CLOSE_GAP_EM)."""
    out = list(chars)
    for k in range(1, len(out)):
        a, b = out[k - 1], out[k]
        em = (a.bottom - a.top) * EM_PER_BOX_HEIGHT
        gap = b.x0 - a.x1
        if a.line == b.line and not b.spaced and 0 < gap < CLOSE_GAP_EM * em:
            middle = (a.x1 + b.x0) / 2
            out[k - 1], out[k] = replace(a, x1=middle), replace(b, x0=middle)
    return out


# Strokes the recogniser reads where a ruled line was painted out of the image but left a few
# pixels of its ink: on the 150-dpi scan of 万里街道 2024 page 15 the 合计 line's printed zeros were
# read '0|' against their cells' right borders (three cells unplaced as not_a_number, three facts
# lost). A stroke glyph whose box takes in a vertical rule is that rule, not text; a digit (a '1'
# against a border) is always kept.
RULE_STROKES = frozenset("|｜丨lI!")


def off_rules(glyphs: list[Glyph], rules: list[Rule]) -> list[Glyph]:
    """The glyphs without the strokes that are a vertical rule's ink (RULE_STROKES)."""
    uprights = [r for r in rules if not r.horizontal]

    def on_rule(g: Glyph) -> bool:
        middle = (g.top + g.bottom) / 2
        return any(g.x0 <= r.x0 <= g.x1 and r.top <= middle <= r.bottom for r in uprights)

    return [g for g in glyphs if g.text not in RULE_STROKES or not on_rule(g)]


def _glyph(c: OcrChar, px_per_pt: float) -> Glyph:
    s = 1 / px_per_pt
    middle, half = (c.top + c.bottom) / 2 * s, (c.bottom - c.top) / 2 * s * EM_PER_BOX_HEIGHT
    return Glyph(c.text, c.x0 * s, middle - half, c.x1 * s, middle + half, confidence=round(c.score, 4))
