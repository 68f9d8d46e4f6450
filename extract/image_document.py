"""An image file in the inbox (a scan saved as PNG, JPEG or TIFF) -> its pages, read by OCR.

Each frame of the file is a page (a multi-page TIFF is a scanned document); its size in points
comes from the resolution the file states, else DEFAULT_IMAGE_DPI. The pages then take the PDF
route (extract/pdf_document.py), so tables, titles and units are read the same way.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageSequence, UnidentifiedImageError

from extract.errors import EmptyDocument, ExtractError
from extract.formats import IMAGE_SUFFIXES  # noqa: F401  (extract.documents dispatches on it)
from extract.ocr_page import DEFAULT_IMAGE_DPI, ocr_layout
from extract.pdf_geometry import PageLayout

# A page image above this many pixels is refused unread (Pillow's decompression-bomb guard is
# 89 M; an A4 page at 600 dpi is 35 M): a scan never needs more.
MAX_PIXELS = 60_000_000
# More frames than this is no disclosure (the PDF limit, extract/pdf_reader.MAX_PAGES, is 2,000;
# OCR costs seconds a page, so a scanned document is held to fewer).
MAX_FRAMES = 500


class BadImage(ExtractError):
    pass


def read_image_pages(path: Path) -> list[PageLayout]:
    if path.stat().st_size == 0:
        raise EmptyDocument("the file is empty")
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(path) as img:
            pages = []
            for number, frame in enumerate(ImageSequence.Iterator(img), start=1):
                if number > MAX_FRAMES:
                    raise ExtractError(f"the image has more than {MAX_FRAMES} pages")
                pages.append(_page(frame, number))
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise BadImage(f"the image cannot be read: {exc}") from None
    if not pages:
        raise EmptyDocument("the image has no pages")
    return pages


def frame_dpi(frame: Image.Image) -> float:
    """The resolution a page image states, else DEFAULT_IMAGE_DPI."""
    dpi = frame.info.get("dpi", (DEFAULT_IMAGE_DPI, DEFAULT_IMAGE_DPI))[0] or DEFAULT_IMAGE_DPI
    if not 50 <= float(dpi) <= 1200:
        dpi = DEFAULT_IMAGE_DPI  # a resolution no scanner writes (72 from a screenshot tool is kept)
    return float(dpi)


def _page(frame: Image.Image, number: int) -> PageLayout:
    dpi = frame_dpi(frame)
    grey = np.asarray(frame.convert("L"))
    width, height = grey.shape[1] * 72 / dpi, grey.shape[0] * 72 / dpi
    return ocr_layout(grey, number, width, height)
