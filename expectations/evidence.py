"""What a reader of an issue looks at: the printed cells it is about, as they appear in the document.
A PDF's page is rendered (pypdfium2) around the row's cells, the cells outlined, as a PNG; a text's
printed lines around the row, the row marked. The source file is read from where it was ingested;
a file no longer there gives no evidence, and the report says so."""

from __future__ import annotations

import atexit
import base64
import io
import math
from functools import cache, lru_cache
from pathlib import Path

# Points of page kept above and below the outlined cells, and the render scale: enough to read the
# row with its neighbours and the column headers near it on an A4 page (595 × 842 pt).
MARGIN_PT = 36
SCALE = 2.0
OUTLINE = (220, 30, 30)
LINES_AROUND = 2  # printed lines shown before and after a text document's row
# zlib level of the PNG crops: the same pixels at any level; measured on a synthetic corpus's page
# crop (issue 24), optimize=True took 250 ms for 30 KB, the default level 6 106 ms, level 3 46 ms
# for 33 KB. A report of 2,000 documents renders hundreds of crops.
PNG_COMPRESS_LEVEL = 3


def pdf_crop(
    path: Path, page: int, boxes: list[tuple[float, float, float, float]], quarter_turns: int = 0, skew_deg: float = 0.0
) -> str | None:
    """A data: URI of the page around `boxes` (x0, top, x1, bottom in points from the top-left),
    each outlined; None when the file or page cannot be read. A scanned page is shown as it was
    read: turned upright by ``quarter_turns`` (counter-clockwise) and straightened by ``skew_deg``
    (source_page), the page its OCR'd cells' boxes are measured on."""
    if quarter_turns % 4 or skew_deg:
        rendered = _rendered_page(str(path), stamp(path), page)
        if rendered is None:
            return None
        (width, height), image = rendered[0], upright(rendered[1], quarter_turns, skew_deg)  # the cached page stays unmarked
        if quarter_turns % 2:
            width, height = height, width
        return _png(_outlined(image, (width, height), boxes, 0))
    band = _rendered_band(path, page, boxes)
    if band is None:
        return None
    image, size, origin = band
    return _png(_outlined(image, size, boxes, origin))


def _band(size: tuple[float, float], boxes: list[tuple[float, float, float, float]]) -> tuple[float, float]:
    """(top, bottom) in points of the part of the page shown: the boxes and MARGIN_PT around them."""
    return max(0.0, min(b[1] for b in boxes) - MARGIN_PT), min(size[1], max(b[3] for b in boxes) + MARGIN_PT)


def _outlined(image, size: tuple[float, float], boxes: list[tuple[float, float, float, float]], origin: int):
    """The shown band of `image` (whose first row is the page's point `origin`), the boxes outlined."""
    from PIL import ImageDraw

    draw = ImageDraw.Draw(image)
    for x0, top, x1, bottom in boxes:
        draw.rectangle([x0 * SCALE, (top - origin) * SCALE, x1 * SCALE, (bottom - origin) * SCALE], outline=OUTLINE, width=3)
    top, bottom = _band(size, boxes)
    shift = int(origin * SCALE)
    return image.crop((0, int(top * SCALE) - shift, int(size[0] * SCALE), int(bottom * SCALE) - shift))


def _png(image) -> str:
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=PNG_COMPRESS_LEVEL)
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode("ascii")


def _rendered_band(path: Path, page: int, boxes: list[tuple[float, float, float, float]]):
    """(the page's band around the boxes as an RGB image, the page's size in points, the band's
    first point), or None when unreadable. Only the band is rendered, from a whole point down, so
    its pixels lie on the whole page's grid at SCALE (218 of 240 random crops of corpus, fixture
    and synthetic pages identical to the whole page's crop, the others by a level or a few of
    anti-aliasing at glyph edges, the same size): a crop is a fifth of a page, and the whole page's
    render, copy and outlines were most of a report's time (578 crops of 2,000 synthetic
    documents: 11.6 of 24.7 s; issue 24)."""
    import pypdfium2 as pdfium

    pdf = _document(str(path), stamp(path))
    if pdf is None or not 1 <= page <= len(pdf):
        return None
    try:
        sheet = pdf[page - 1]
        size = sheet.get_size()
        top, bottom = _band(size, boxes)
        first, last = math.floor(top), min(size[1], math.ceil(bottom))
        image = sheet.render(scale=SCALE, crop=(0, size[1] - last, 0, first)).to_pil().convert("RGB")
    except pdfium.PdfiumError:
        return None
    return image, size, first


def upright(image, quarter_turns: int = 0, skew_deg: float = 0.0):
    """A copy of the page image as OCR read it (extract/ocr_page.py: np.rot90 by the quarter
    turns, then straightened about its centre by the skew, keeping its size)."""
    out = image.rotate(90 * (quarter_turns % 4), expand=True) if quarter_turns % 4 else image.copy()
    return out.rotate(-skew_deg, fillcolor=(255, 255, 255)) if skew_deg else out


def text_lines(path: Path, line: int) -> list[tuple[int, str, bool]] | None:
    """(line number, text, is the row) of the printed lines around `line`; None when unreadable."""
    lines = _printed_lines(str(path), stamp(path))
    if lines is None:
        return None
    first, last = max(1, line - LINES_AROUND), min(len(lines), line + LINES_AROUND)
    return [(n, lines[n - 1].replace("\t", "  |  "), n == line) for n in range(first, last + 1)]


# A document's issues are shown one after the other, several on one page or one text: its last
# pages and texts are read (and decoded, rendered) once, not once an issue. A rendered A4 page is
# ~6 MB at SCALE 2: a few are kept, not a run's.
PAGES_KEPT = 4
DOCUMENTS_KEPT = 2  # open PDFs: a report draws one document's issues after the other
TEXTS_KEPT = 2


def stamp(path: Path) -> tuple[int, int] | None:
    """The file's size and modification time: a file changed in place is read again (`serve`
    writes many reports in one process)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


@lru_cache(maxsize=DOCUMENTS_KEPT)
def _document(path: str, stamp):
    """The open PDF (its pages' bands are rendered one issue after the other), or None."""
    import pypdfium2 as pdfium

    _closed_at_exit()
    try:
        return pdfium.PdfDocument(path)
    except (pdfium.PdfiumError, OSError):
        return None


@cache
def _closed_at_exit() -> None:
    """The PDFs kept open are let go before pypdfium2's own exit hook (atexit runs the last
    registered first), which otherwise closes them with a 'still open' warning on stderr."""
    atexit.register(_document.cache_clear)


@lru_cache(maxsize=PAGES_KEPT)
def _rendered_page(path: str, stamp, page: int):
    """((width, height) in points, the page rendered as an RGB image), or None when unreadable."""
    import pypdfium2 as pdfium

    pdf = _document(path, stamp)
    if pdf is None or not 1 <= page <= len(pdf):
        return None
    try:
        sheet = pdf[page - 1]
        return sheet.get_size(), sheet.render(scale=SCALE).to_pil().convert("RGB")
    except pdfium.PdfiumError:
        return None


@lru_cache(maxsize=TEXTS_KEPT)
def _printed_lines(path: str, stamp) -> list[str] | None:
    from extract.errors import ExtractError
    from extract.text_decode import decode_text
    from extract.txt_tabs import split_lines

    try:
        text, _ = decode_text(Path(path).read_bytes())
    except (OSError, ExtractError):
        return None
    return split_lines(text)


def boxes_of(cell_boxes: list[str | None]) -> list[tuple[float, float, float, float]]:
    """'x0,top,x1,bottom' strings of fact_budget_amount.cell_box as numbers."""
    return [tuple(float(v) for v in b.split(",")) for b in cell_boxes if b]
