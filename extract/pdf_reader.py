"""PDF file -> PageLayouts, through PDFium (pypdfium2): the I/O edge of PDF extraction.

PDFium reads the text layer (glyph boxes) and the drawn paths in C++, which is what makes
this extractor fast; the table logic itself lives in pure modules.
"""

from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.errors import EmptyDocument, ExtractError
from extract.pdf_geometry import Glyph, PageLayout, Rule

MAX_PAGES = 2000


class EncryptedPdf(ExtractError):
    pass


class CorruptPdf(ExtractError):
    pass


def open_pdf(source: Path | bytes) -> pdfium.PdfDocument:
    data = source.read_bytes() if isinstance(source, Path) else source
    if not data.strip():
        raise EmptyDocument("the file is empty")
    if not data.lstrip()[:5] == b"%PDF-":
        raise CorruptPdf("not a PDF: the file does not start with %PDF-")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        cause = str(exc)
        if "password" in cause.lower():
            raise EncryptedPdf("the PDF is encrypted and needs a password to open; ask the publisher for an open copy") from None
        raise CorruptPdf(f"the PDF cannot be read (corrupt or truncated): {cause}") from None


def read_pages(source: Path | bytes, max_pages: int = MAX_PAGES) -> list[PageLayout]:
    pdf = open_pdf(source)
    try:
        if len(pdf) > max_pages:
            raise ExtractError(f"the PDF has {len(pdf)} pages, more than the limit of {max_pages}")
        if len(pdf) == 0:
            raise EmptyDocument("the PDF has no pages")
        return [read_page(pdf[i], i + 1) for i in range(len(pdf))]
    finally:
        pdf.close()


def read_page(page: pdfium.PdfPage, number: int, ocr: bool = True) -> PageLayout:
    """The page's text layer and drawn lines; a page with images and no text layer (a scan) is
    rendered and read by OCR instead (``ocr=False``: reported as needing OCR, unread)."""
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        glyphs = _glyphs(textpage, height)
    finally:
        textpage.close()
    rules: list[Rule] = []
    n_images = 0
    for obj in page.get_objects():
        if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
            rules += _path_rules(obj, height)
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            n_images += 1
    if not glyphs and n_images and ocr:
        layout = _ocr(page, number, width, height, n_images)
        page.close()
        return layout
    page.close()
    return PageLayout(number, width, height, glyphs, rules, n_images)


def _ocr(page: pdfium.PdfPage, number: int, width: float, height: float, n_images: int) -> PageLayout:
    """A scanned page rendered grey at OCR_DPI and read (extract/ocr_page.py)."""
    from extract.ocr_page import OCR_DPI, ocr_layout  # the engine loads only when a scan comes

    bitmap = page.render(scale=OCR_DPI / 72, grayscale=True)
    try:
        image = bitmap.to_numpy().copy()
    finally:
        bitmap.close()
    if image.ndim == 3:
        image = image[:, :, 0]
    return ocr_layout(image, number, width, height, n_images)


def _glyphs(textpage: pdfium.PdfTextPage, height: float) -> list[Glyph]:
    """Glyphs with their loose boxes (advance width x font ascent/descent): consistent
    heights along a line and true gaps between words, unlike the ink boxes of 、 or 一."""
    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    out = []
    for i in range(textpage.count_chars()):
        if pdfium_c.FPDFText_IsGenerated(raw, i) == 1:
            continue
        code = pdfium_c.FPDFText_GetUnicode(raw, i)
        if code in (0, 0xFFFE, 0xFFFF) or not pdfium_c.FPDFText_GetLooseCharBox(raw, i, rect):
            continue
        out.append(Glyph(chr(code), rect.left, height - rect.top, rect.right, height - rect.bottom))
    return out


def _path_rules(obj: pdfium.PdfObject, height: float) -> list[Rule]:
    """The straight, axis-parallel pieces of a path, in page coordinates."""
    m = obj.get_matrix()
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[int, float, float, bool]] = []
    for i in range(pdfium_c.FPDFPath_CountSegments(obj.raw)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj.raw, i)
        pdfium_c.FPDFPathSegment_GetPoint(seg, x, y)
        px, py = m.a * x.value + m.c * y.value + m.e, m.b * x.value + m.d * y.value + m.f
        points.append((pdfium_c.FPDFPathSegment_GetType(seg), px, height - py, bool(pdfium_c.FPDFPathSegment_GetClose(seg))))
    return [rule for sub in _subpaths(points) for rule in _rules_of(sub)]


def _subpaths(points: list[tuple[int, float, float, bool]]) -> list[list[tuple[float, float]]]:
    """Each subpath as its corner points (a closing segment repeats the first point); curves end one."""
    out: list[list[tuple[float, float]]] = []
    for kind, px, py, closes in points:
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not out:
            out.append([(px, py)])
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
            out[-1].append((px, py))
        else:
            out.append([(px, py)])
        if closes:
            out[-1].append(out[-1][0])
    return out


def _rules_of(corners: list[tuple[float, float]]) -> list[Rule]:
    """A bar thinner than 3 pt (a border drawn as a filled rectangle) is one rule along its
    middle; otherwise every straight, axis-parallel side is a rule."""
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    if len(corners) >= 4 and min(width, height) < 3 and max(width, height) > 3:
        if width >= height:
            mid = (min(ys) + max(ys)) / 2
            return [Rule(min(xs), mid, max(xs), mid)]
        mid = (min(xs) + max(xs)) / 2
        return [Rule(mid, min(ys), mid, max(ys))]
    return [r for a, b in zip(corners, corners[1:]) for r in _straight(a, b)]


def _straight(a: tuple[float, float], b: tuple[float, float]) -> list[Rule]:
    (ax, ay), (bx, by) = a, b
    if abs(ax - bx) < 0.5 or abs(ay - by) < 0.5:
        return [Rule(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))]
    return []
