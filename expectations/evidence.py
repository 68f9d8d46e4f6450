"""What a reader of an issue looks at: the printed cells it is about, as they appear in the document.
A PDF's page is rendered (pypdfium2) around the row's cells, the cells outlined, as a PNG; a text's
printed lines around the row, the row marked. The source file is read from where it was ingested;
a file no longer there gives no evidence, and the report says so."""

from __future__ import annotations

import base64
import io
from functools import lru_cache
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
    from PIL import ImageDraw

    rendered = _rendered_page(str(path), stamp(path), page)
    if rendered is None:
        return None
    (width, height), image = rendered[0], upright(rendered[1], quarter_turns, skew_deg)  # the cached page stays unmarked
    if quarter_turns % 2:
        width, height = height, width
    draw = ImageDraw.Draw(image)
    for x0, top, x1, bottom in boxes:
        draw.rectangle([x0 * SCALE, top * SCALE, x1 * SCALE, bottom * SCALE], outline=OUTLINE, width=3)
    top = max(0.0, min(b[1] for b in boxes) - MARGIN_PT)
    bottom = min(height, max(b[3] for b in boxes) + MARGIN_PT)
    crop = image.crop((0, int(top * SCALE), int(width * SCALE), int(bottom * SCALE)))
    out = io.BytesIO()
    crop.save(out, format="PNG", compress_level=PNG_COMPRESS_LEVEL)
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode("ascii")


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
TEXTS_KEPT = 2


def stamp(path: Path) -> tuple[int, int] | None:
    """The file's size and modification time: a file changed in place is read again (`serve`
    writes many reports in one process)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


@lru_cache(maxsize=PAGES_KEPT)
def _rendered_page(path: str, stamp, page: int):
    """((width, height) in points, the page rendered as an RGB image), or None when unreadable."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(path)
        if not 1 <= page <= len(pdf):
            return None
        sheet = pdf[page - 1]
        return sheet.get_size(), sheet.render(scale=SCALE).to_pil().convert("RGB")
    except (pdfium.PdfiumError, OSError):
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
