"""The raw-table shape every extractor produces and every transform consumes.

Cells are kept as printed (after removing markup), with the line (or page) they came
from, so that each warehouse figure can be traced back to its cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.document_meta import Identity


@dataclass(frozen=True)
class RawRow:
    """One body row: cells as printed, the source line, and the 序号 if the table numbers rows."""

    cells: tuple[str, ...]
    line: int
    seq: str | None = None
    page: int | None = None
    boxes: tuple[tuple[float, float, float, float] | None, ...] | None = None  # PDF: each cell's box in points
    # OCR'd page: each cell's lowest character score (None: a blank cell); None for a text layer
    confidences: tuple[float | None, ...] | None = None
    # OCR'd page: the cells whose text is a second reading's (flows/second_reading.py); None: none is
    reread: tuple[bool, ...] | None = None

    @property
    def read_by(self) -> str:
        """'ocr' when the row was read from a page image, else 'text'."""
        return "text" if self.confidences is None else "ocr"


@dataclass
class RawTable:
    """One table of a document, continued pages already stitched together."""

    index: int  # 0-based position in the document
    title: str | None  # e.g. "部门综合预算收支总表"
    number: str | None  # the printed 表N, e.g. "表5"
    unit_text: str | None  # the unit line as printed, e.g. "单位：万元"
    department: str | None
    fiscal_year: int | None
    header_rows: list[RawRow]
    rows: list[RawRow]
    first_line: int
    last_line: int
    page: int | None = None
    context: list[str] = field(default_factory=list)  # non-table lines just above the table
    notes: list[str] = field(default_factory=list)  # "注：..." lines just below the table
    skipped_lines: list[int] = field(default_factory=list)  # 栏次 rows and repeated headers
    # False when body cells are the printed tokens of a space-aligned line: empty cells have
    # vanished, so a row's cells are not yet positioned under the header's columns.
    aligned: bool = True

    @property
    def n_cols(self) -> int:
        rows = self.header_rows + self.rows if self.aligned else self.header_rows
        widths = [len(r.cells) for r in rows]
        return max(widths, default=0)


@dataclass(frozen=True)
class PageInfo:
    """What one PDF page gave: glyphs, lines, table rows by method, images."""

    page: int
    n_glyphs: int
    n_lines: int
    n_lattice_rows: int
    n_stream_rows: int
    n_images: int
    read_by: str = "text"  # text | ocr: where its glyphs came from
    quarter_turns: int = 0  # OCR'd page: how its image was turned upright (extract/pdf_geometry.PageLayout)
    skew_deg: float = 0.0

    @property
    def status(self) -> str:
        """text | ocr (no text layer; its image was read by OCR) | needs_ocr (images, no text
        layer, and OCR found nothing to read) | blank."""
        if self.n_glyphs:
            return "ocr" if self.read_by == "ocr" else "text"
        return "needs_ocr" if self.n_images else "blank"


@dataclass
class RawDocument:
    source_path: str
    format: str  # "txt-tab", "txt-space", "pdf"
    encoding: str | None
    department: str | None
    fiscal_year: int | None
    n_lines: int | None
    n_pages: int | None
    tables: list[RawTable]
    pages: list[PageInfo] = field(default_factory=list)  # PDFs only
    # Every printed line as (line, page, text) — text: line of the file, page None; PDF: line on
    # its page — for the facts stated in the narrative.
    text_lines: list[tuple[int, int | None, str]] = field(default_factory=list)
    # Kind, scope, level, region and where the department was read (extract/document_meta.py).
    identity: Identity | None = None
