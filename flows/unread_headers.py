"""Which header cells of a scan to take as another printed label: those OCR read as words naming
nothing over a column the normalizer left unplaced (``ocr_header_unread``), with the printed
amount headers they are near (transform/headers.printed_headers_near).

On the 150-dpi scan of the 001 fixture, page 5, 项目支出 reads 项支出 at every resolution (the 目's
ink is gone): 13 figures unplaced. The labels near a reading only propose; whether one is taken
is decided by the document's sums (flows/second_reading.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from extract.model import RawDocument
from extract.pdf_geometry import Box
from flows.blank_headers import columns_unplaced_as
from transform.headers import printed_headers_near
from transform.normalize import NormalizedDocument


@dataclass(frozen=True)
class UnreadHeader:
    """A header cell read as naming nothing: its table, header row, column, reading and score, and
    the printed labels it may be, nearest first."""

    table: int
    row: int
    col: int
    page: int | None
    box: Box | None
    read: str
    score: float
    labels: tuple[str, ...]


def unread_header_cells(doc: RawDocument, normalized: NormalizedDocument) -> list[UnreadHeader]:
    """The OCR'd header cells naming nothing over the columns unplaced as ``ocr_header_unread``."""
    out = []
    for table, c in columns_unplaced_as("ocr_header_unread", doc, normalized):
        for k, header in enumerate(table.header_rows):
            if header.confidences is None or c >= len(header.cells):
                continue
            labels = printed_headers_near(header.cells[c])
            if labels:
                box = header.boxes[c] if header.boxes and c < len(header.boxes) else None
                page = header.page if header.page is not None else table.page
                score = header.confidences[c] or 0.0
                out.append(UnreadHeader(table.index, k, c, page, box, header.cells[c], score, tuple(labels)))
    return out
