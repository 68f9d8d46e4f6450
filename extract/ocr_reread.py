"""A second reading of single cells of a scanned page: the page rendered again at a higher
resolution, turned upright and straightened as it was for the first reading, each cell cropped
and read on its own.

Used when a sum of the document fails with figures read by OCR in it (flows/second_reading.py):
the cell alone, at twice the resolution, is another look at the same ink — the detector boxes the
figure without its neighbours and the borders of its cell, and the recogniser sees it downscaled
from 400 dpi rather than upscaled from a 150-dpi scan at 200. Whether what it reads is taken is
decided by the document's sums, not here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from extract import ocr_engine
from extract.formats import IMAGE_SUFFIXES
from extract.model import PageInfo
from extract.ocr_image import _rotated, despeckle

# The second reading's resolution (dpi): twice extract/ocr_page.OCR_DPI. On the 59 figures of the
# 004 scan (a 150-dpi image) 300 and 400 both read all 59 as the first reading did; 400, the
# brief's upper bound, gives a misread digit the most pixels. A page is rendered once for all its
# cells.
REREAD_DPI = 400
# Points around a cell's box taken with it: a stream cell's box is its glyphs' (0.57 of the OCR
# line's height, extract/ocr_page.EM_PER_BOX_HEIGHT), so the ink reaches past it by a fifth of an
# em above and below; a lattice cell's box is its grid cell, whose borders are then cleared.
CROP_MARGIN_PT = 3.0
# A row or column of the crop inked over more than this share of its length is a border of the
# cell (or of its neighbour), not a stroke of the figure: cleared before the cell is read.
BORDER_INK_SHARE = 0.6

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Cell:
    """A cell to read again: its page and box in points of the upright page."""

    page: int
    box: Box


def reread_cells(
    path: Path, pages: list[PageInfo], cells: list[Cell], read: Callable[[np.ndarray], tuple[str, float]] | None = None
) -> dict[Cell, tuple[str, float]]:
    """Each cell's text and score as read on its own at REREAD_DPI (cells of pages not read by OCR
    are left out). ``read``: the engine (extract/ocr_engine.read_text), or a stand-in."""
    read = read or ocr_engine.read_text
    info = {p.page: p for p in pages}
    out: dict[Cell, tuple[str, float]] = {}
    for number in sorted({c.page for c in cells}):
        page = info.get(number)
        if page is None or page.read_by != "ocr":
            continue
        image, px_per_pt = upright_page(path, page)
        for cell in (c for c in cells if c.page == number):
            crop = cell_crop(image, cell.box, px_per_pt)
            if crop.size:
                out[cell] = read(crop)
    return out


def upright_page(path: Path, page: PageInfo) -> tuple[np.ndarray, float]:
    """The page's image at REREAD_DPI, turned and straightened as for its first reading, and its
    pixels per point."""
    grey = _page_image(path, page.page)
    if page.quarter_turns:
        grey = np.ascontiguousarray(np.rot90(grey, page.quarter_turns))
    if page.skew_deg:
        grey = _rotated(grey, -page.skew_deg, border=255)
    return despeckle(grey), REREAD_DPI / 72


def cell_crop(image: np.ndarray, box: Box, px_per_pt: float) -> np.ndarray:
    """The cell's box and a margin, with the borders crossing it cleared to white."""
    x0, top, x1, bottom = box
    m = CROP_MARGIN_PT
    r0, r1 = max(0, int((top - m) * px_per_pt)), min(image.shape[0], int((bottom + m) * px_per_pt) + 1)
    c0, c1 = max(0, int((x0 - m) * px_per_pt)), min(image.shape[1], int((x1 + m) * px_per_pt) + 1)
    crop = image[r0:r1, c0:c1].copy()
    if not crop.size:
        return crop
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    crop[ink.mean(axis=1) > BORDER_INK_SHARE, :] = 255
    crop[:, ink.mean(axis=0) > BORDER_INK_SHARE] = 255
    return crop


def _page_image(path: Path, number: int) -> np.ndarray:
    """Page ``number`` (1-based) as the file holds it, grey, at REREAD_DPI."""
    if path.suffix.lower() in IMAGE_SUFFIXES:
        from PIL import Image, ImageSequence

        from extract.image_document import frame_dpi

        with Image.open(path) as img:
            frame = next(f for k, f in enumerate(ImageSequence.Iterator(img), start=1) if k == number)
            scale = REREAD_DPI / frame_dpi(frame)
            grey = np.asarray(frame.convert("L"))
        return cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[number - 1]
        bitmap = page.render(scale=REREAD_DPI / 72, grayscale=True)
        image = bitmap.to_numpy().copy()
        bitmap.close()
        page.close()
    finally:
        pdf.close()
    return image[:, :, 0] if image.ndim == 3 else image
