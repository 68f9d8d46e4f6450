"""File -> RawDocument: the I/O edge of extraction, choosing the parser for the layout."""
from __future__ import annotations

from pathlib import Path

from extract.document_meta import document_department, document_year
from extract.errors import ExtractError
from extract.model import RawDocument
from extract.text_decode import decode_text
from extract.txt_tabs import extract_tab_tables, split_lines

TEXT_SUFFIXES = {".txt", ".text", ".tsv"}


class UnsupportedLayout(ExtractError):
    pass


def parse_text(text: str, source_path: str, encoding: str | None = None) -> RawDocument:
    """A disclosure's text -> its tables. Pure: testable on a string."""
    lines = split_lines(text)
    tab_lines = sum("\t" in ln for ln in lines)
    if tab_lines < 3:
        raise UnsupportedLayout(
            "no tab-separated tables found: space-aligned text is not supported yet (cells must be tab-separated)"
        )
    department, year = document_department(lines), document_year(lines)
    tables = extract_tab_tables(text, department=department, fiscal_year=year)
    return RawDocument(source_path, "txt-tab", encoding, department, year, len(lines), None, tables)


def read_document(path: Path) -> RawDocument:
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        raise ExtractError(f"unsupported file type {suffix or '(none)'}: only text disclosures (.txt) are read so far")
    text, encoding = decode_text(path.read_bytes())
    return parse_text(text, str(path), encoding)
