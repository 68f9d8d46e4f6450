"""Ruled lines found in a page image (OpenCV morphology), as the Rules a PDF's drawn paths give.

A scan has no drawn paths, so the lattice reader (extract/pdf_lattice.py) gets its strokes from
the pixels: an opening with a long thin kernel keeps only runs of ink at least that long in one
direction — table borders — and drops text, whose strokes are short. Each remaining run becomes
a Rule along its middle, lengthened a little at both ends so that borders which meet on paper
meet within the lattice's tolerance after the scan's blur and thresholding.
"""

from __future__ import annotations

import cv2
import numpy as np

from extract.ocr_image import ink
from extract.pdf_geometry import Rule

# A border is a run of ink at least this long (points): longer than any character stroke at
# body-text sizes (a 10.5 pt 一 is ~10 pt wide; two glyphs never touch), shorter than the
# narrowest table cell of the fixtures and the corpus (a 类 | 款 | 项 column, ~18 pt).
MIN_RULE_PT = 14.0
# Thicker than this is no rule but a filled area (a shaded header, a logo): points.
MAX_THICKNESS_PT = 4.0
# Ends are drawn out by this much (points): a border's end lost to blur or the threshold.
EXTEND_PT = 2.0
# Only rules at least this many times MIN_RULE_PT long are painted out before the text is read:
# a short run may be a stroke of a character (合's, 计's at header sizes), and erasing it turns
# 合计 into 合亡; borders worth erasing run the length of a column or a row.
ERASE_FACTOR = 3


def image_rules(grey: np.ndarray, px_per_pt: float) -> tuple[list[Rule], np.ndarray]:
    """The horizontal and vertical rules of a straightened page image, in points, and the
    image with those rules painted out: a figure printed against a border (a right-aligned 7
    touching its cell's right edge) is one blob with the line for the text detector, which
    then misses it; without the line it is a character like any other."""
    marks = ink(grey)
    length = max(3, int(round(MIN_RULE_PT * px_per_pt)))
    out: list[Rule] = []
    lines = np.zeros_like(marks)
    for horizontal in (True, False):
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1) if horizontal else (1, length))
        runs = cv2.morphologyEx(marks, cv2.MORPH_OPEN, kernel)
        # close one-pixel breaks along a line (a scan's dropouts) without joining parallel lines
        bridge = cv2.getStructuringElement(cv2.MORPH_RECT, (5, 1) if horizontal else (1, 5))
        runs = cv2.morphologyEx(runs, cv2.MORPH_CLOSE, bridge)
        n, labels, stats, _ = cv2.connectedComponentsWithStats(runs, connectivity=8)
        for k, (x, y, w, h, _area) in enumerate(stats[1:n], start=1):
            rule = _rule(x, y, w, h, horizontal, px_per_pt)
            out += rule
            if rule and (w if horizontal else h) >= ERASE_FACTOR * length:
                lines[y : y + h, x : x + w] |= (labels[y : y + h, x : x + w] == k).astype(np.uint8) * 255
    clean = grey.copy()
    clean[lines > 0] = 255
    return out, clean


def _rule(x: int, y: int, w: int, h: int, horizontal: bool, px_per_pt: float) -> list[Rule]:
    thick, extent = (h, w) if horizontal else (w, h)
    if thick > MAX_THICKNESS_PT * px_per_pt or extent < MIN_RULE_PT * px_per_pt:
        return []
    s, e = 1 / px_per_pt, EXTEND_PT
    if horizontal:
        mid = (y + h / 2) * s
        return [Rule(x * s - e, mid, (x + w) * s + e, mid)]
    mid = (x + w / 2) * s
    return [Rule(mid, y * s - e, mid, (y + h) * s + e)]
