"""File -> RawDocument: the I/O edge of extraction, choosing the parser for the layout."""

from __future__ import annotations

from pathlib import Path

from extract.document_meta import document_identity
from extract.errors import ExtractError
from extract.formats import IMAGE_SUFFIXES, PDF_SUFFIXES, TEXT_SUFFIXES
from extract.model import RawDocument
from extract.pdf_document import parse_pdf_pages
from extract.pdf_reader import read_pages
from extract.text_decode import decode_text
from extract.txt_space import extract_space_tables
from extract.txt_tabs import extract_tab_tables, split_lines

# A text with at least this many tab-bearing lines is tab-separated (its tables' rows): a
# space-aligned export may carry a stray tab or two in its narrative, the samples' tab texts hundreds.
TAB_LINES_MIN = 3


class UnsupportedLayout(ExtractError):
    pass


def parse_text(text: str, source_path: str, encoding: str | None = None) -> RawDocument:
    """A disclosure's text -> its tables. Pure: testable on a string.

    Tab-separated text (cells split by one tab) is read by the tab extractor; anything else
    as space-aligned text, whose regions that are tab-separated go to the tab extractor.
    """
    lines = split_lines(text)
    identity = document_identity(lines)
    department, year = identity.department, identity.fiscal_year
    if sum("\t" in ln for ln in lines) >= TAB_LINES_MIN:
        tables = extract_tab_tables(text, department=department, fiscal_year=year)
        layout = "txt-tab"
    else:
        tables = extract_space_tables(lines, department=department, fiscal_year=year)
        layout = "txt-space"
    if not tables:
        raise UnsupportedLayout("no tables found: no tab-separated rows and no titled (表N / …表) space-aligned tables")
    return RawDocument(
        source_path,
        layout,
        encoding,
        department,
        year,
        len(lines),
        None,
        tables,
        text_lines=[(n, None, line) for n, line in enumerate(lines, start=1)],
        identity=identity,
    )


class FileTooLarge(ExtractError):
    pass


def read_document(path: Path, max_bytes: int | None = None) -> RawDocument:
    """The file's tables; a file over `max_bytes` is refused before it is read."""
    size = path.stat().st_size
    if max_bytes is not None and size > max_bytes:
        raise FileTooLarge(
            f"the file is {size / (1 << 20):,.0f} MB, over the {max_bytes >> 20} MB limit "
            "for one disclosure (setting max_file_mb)"
        )
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        return read_pdf(path)
    if suffix in IMAGE_SUFFIXES:
        from extract.image_document import read_image_pages  # OpenCV and the OCR engine load only for a scan

        return parse_pdf_pages(read_image_pages(path), str(path), fmt="image")
    if suffix not in TEXT_SUFFIXES:
        raise ExtractError(
            f"unsupported file type {suffix or '(none)'}: text (.txt), PDF (.pdf) and scanned images (.png, .jpg, .tif) are read"
        )
    text, encoding = decode_text(path.read_bytes())
    return parse_text(text, str(path), encoding)


def read_pdf(path: Path) -> RawDocument:
    """A PDF's tables. A page without a text layer but with images (a scan) is read by OCR
    (extract/ocr_page.py); one where OCR finds nothing still says it needs OCR, so the quality
    report names it."""
    return parse_pdf_pages(read_pages(path), str(path))
