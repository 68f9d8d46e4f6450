"""Which way up a scanned page lies: a landscape table scanned sideways (a quarter turn either way)
or a sheet fed upside down (a half turn), decided from the image itself.

Two cheap looks, measured on the 9 pages of the 004 scan and the 7 corpus page images, each turned
by 0, 90, 180 and 270° (64 pages, every turn found; /work/notes/ocr2.md):

1. **Sideways or not**: text lines are wide boxes on an upright page and tall ones on a page
   turned a quarter. On the detector's boxes at 640 px no page had both wide and tall lines.
2. **Upside down or not**: the direction classifier (RapidOCR's 0/180° model, inside its wheel)
   on a few of the longest lines, each cut to the classifier's own input shape (48 × 192 px, so a
   long narrative line is not squashed): on those pieces it voted right on 175 of 176 lines (whole
   lines squashed to 48 × 192: right on 60 % of the narrative lines). Comparing the recogniser's
   score of a line and of its half turn (0.99 vs 0.45) decides as well but costs ten times more.

The page is first read as it lies (extract/ocr_page.py); its recognised lines are the boxes of
the first look, so an upright page costs only the classifier's vote (0.04 s a page on average,
at most 0.12 s). When those lines are too few to tell (a cover; a page turned a quarter, whose
lines read across come out as noise the engine drops) or run tall, the detector looks again on a
small copy (0.1–0.5 s), and a page found turned is read again upright.

Pure but for the two looks, which are parameters (extract/ocr_engine.text_boxes, upright_scores):
the decision is tested with stand-ins (tests/extract/test_ocr_geometry.py).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from extract import ocr_engine
from extract.ocr_engine import OcrChar

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in pixels

# The copy the detector looks again on (longer side, px): 0.2–0.4 s a page on 2 shared cores; on
# a 150-dpi A4 scan body text is still 6 px high there, and every test page's lines were found.
ORIENT_SIDE_PX = 640
# A box this many times longer one way than the other is a line of text running that way;
# squarer boxes (a lone figure, a 合计) say nothing about the direction.
LINE_ELONGATION = 1.5
# Lines the upside-down vote takes (the longest: most ink, most reliable) ...
VOTE_LINES = 8
# ... and the fewest lines read across the page the first look trusts: fewer, and the detector
# looks again (a page read upside down keeps about half its lines over the engine's score floor).
MIN_VOTE_LINES = 3
# Each line is cut to at most this width in heights: the direction classifier's input is 48 × 192 px.
VOTE_PIECE_ASPECT = 4


def page_turns(
    grey: np.ndarray,
    chars: list[OcrChar] | None = None,
    boxes_of: Callable[[np.ndarray, int], list[Box]] = ocr_engine.text_boxes,
    upright_of: Callable[[list[np.ndarray]], list[float]] = ocr_engine.upright_scores,
) -> int:
    """k such that ``np.rot90(grey, k)`` stands upright (0 for a page already upright, or one
    without text to tell). ``chars``: what was read on ``grey`` as it lies, if it was."""
    boxes = line_boxes(chars or [])
    if _length(boxes, tall=True) > _length(boxes, tall=False) or len(_wide(boxes)) < MIN_VOTE_LINES:
        boxes = boxes_of(grey, ORIENT_SIDE_PX)
    k = 1 if _length(boxes, tall=True) > _length(boxes, tall=False) else 0
    if k:
        boxes = [rotated_box(b, grey.shape[1]) for b in boxes]
        grey = np.rot90(grey, 1)
    lines = sorted(_wide(boxes), key=lambda b: b[0] - b[2])
    pieces = [p for p in (_piece(grey, b) for b in lines[:VOTE_LINES]) if p.size]
    if pieces and sum(upright_of(pieces)) < 0:
        k += 2
    return k % 4


def line_boxes(chars: list[OcrChar]) -> list[Box]:
    """The box of each recognised line: the union of its characters' boxes."""
    lines: dict[int, list[OcrChar]] = {}
    for c in chars:
        lines.setdefault(c.line, []).append(c)
    return [
        (min(c.x0 for c in cs), min(c.top for c in cs), max(c.x1 for c in cs), max(c.bottom for c in cs)) for cs in lines.values()
    ]


def rotated_box(box: Box, width: int) -> Box:
    """A box of an image ``width`` px wide, in the image turned a quarter counter-clockwise
    (``np.rot90(image, 1)``: the pixel at column x, row y goes to column y, row width - 1 - x)."""
    x0, top, x1, bottom = box
    return (top, width - x1, bottom, width - x0)


def _wide(boxes: list[Box]) -> list[Box]:
    return [b for b in boxes if b[2] - b[0] > LINE_ELONGATION * (b[3] - b[1])]


def _length(boxes: list[Box], tall: bool) -> float:
    if tall:
        return sum(b[3] - b[1] for b in boxes if b[3] - b[1] > LINE_ELONGATION * (b[2] - b[0]))
    return sum(b[2] - b[0] for b in _wide(boxes))


def _piece(grey: np.ndarray, box: Box) -> np.ndarray:
    x0, top, x1, bottom = (int(round(v)) for v in box)
    top, x0 = max(top, 0), max(x0, 0)
    height = max(bottom - top, 1)
    return np.ascontiguousarray(grey[top:bottom, x0 : min(x1, x0 + VOTE_PIECE_ASPECT * height)])
