"""PDF pages -> RawDocument: page lines are laid out as tab-separated text and read by the
tab extractor, so titles, units, repeated headers and tables continued across pages are
handled by the same rules as a converted text; rows then get their page and page line back.
"""

from __future__ import annotations

from dataclasses import replace

from extract.document_meta import document_identity
from extract.model import PageInfo, RawDocument, RawRow, RawTable
from extract.ocr_headers import without_misread_headers
from extract.pdf_columns import realign_continued_rows
from extract.pdf_geometry import PageLayout
from extract.pdf_page import PageLine, page_lines
from extract.pdf_stream import Layouts
from extract.txt_tabs import extract_tab_tables


def _flat(text: str) -> str:
    return " ".join(text.split())


Where = dict[int, tuple[int, int, tuple | None, tuple | None]]  # page, line, cell boxes, cell OCR scores


def layout_text(pages: list[PageLayout]) -> tuple[str, Where, list[PageInfo]]:
    """The pages as one tab-separated text; for each of its lines (page, line on page, cell boxes,
    cell OCR scores)."""
    out: list[str] = []
    where: Where = {}
    statuses = []
    layouts: Layouts = {}
    for page in pages:
        lines = page_lines(page, layouts)
        for k, line in enumerate(lines, start=1):
            out.append(_render(line))
            where[len(out)] = (page.number, k, line.boxes, line.confidences)
        out.append("")
        statuses.append(
            PageInfo(
                page.number,
                len(page.glyphs),
                len(lines),
                sum(ln.method == "lattice" for ln in lines),
                sum(ln.method == "stream" for ln in lines),
                page.n_images,
                page.read_by,
                page.quarter_turns,
                page.skew_deg,
            )
        )
    return "\n".join(out), where, statuses


def _render(line: PageLine) -> str:
    if line.cells is None:
        return _flat(line.text or "")
    cells = [_flat(c) for c in line.cells]
    return "\t".join(cells if len(cells) > 1 else cells + [""])


def parse_pdf_pages(pages: list[PageLayout], source_path: str, fmt: str = "pdf") -> RawDocument:
    """Pure: pages (as read from a PDF or built in a test) -> the document's tables."""
    text, where, statuses = layout_text(pages)
    lines = text.split("\n")
    identity = document_identity(lines)
    department, year = identity.department, identity.fiscal_year
    tables = extract_tab_tables(text, department=department, fiscal_year=year)
    tables = [realign_continued_rows(without_misread_headers(_on_pages(t, where))) for t in tables]
    text_lines = [(where[n][1], where[n][0], line) for n, line in enumerate(lines, start=1) if n in where]
    return RawDocument(
        source_path, fmt, None, department, year, None, len(pages), tables, statuses, text_lines, identity=identity
    )


def _on_pages(table: RawTable, where: Where) -> RawTable:
    def row(r: RawRow) -> RawRow:
        page, line, boxes, scores = where[r.line]
        if boxes is not None and len(boxes) == len(r.cells) + 1:
            boxes = boxes[1:]  # the 序号 column went to RawRow.seq
        if scores is not None and len(scores) == len(r.cells) + 1:
            scores = scores[1:]
        return replace(r, line=line, page=page, boxes=boxes, confidences=scores)

    first_page, first_line, *_ = where[table.first_line]
    return replace(
        table,
        header_rows=[row(r) for r in table.header_rows],
        rows=[row(r) for r in table.rows],
        first_line=first_line,
        last_line=where[table.last_line][1],
        page=first_page,
        skipped_lines=[where[n][1] for n in table.skipped_lines],
    )
