"""A header OCR read as words naming nothing (项目支出 read 项支出 on the 001 scan) is taken in the
second reading as the printed label near it, only when with it the document's sums that tell
columns apart hold (flows/unread_headers.py, flows/second_reading.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import polars as pl

from extract.pdf_document import parse_pdf_pages
from flows.second_reading import _sums, second_reading
from flows.unread_headers import unread_header_cells
from tests.flows.ocr_pages import basic_expenditure_page
from transform.normalize import normalize_document


def _never(path, pages, cells):
    raise AssertionError("no cell should need the engine")


def _read(operating: str, total: str = "350.00"):
    doc = parse_pdf_pages([basic_expenditure_page(total=total, operating=operating)], "scan.pdf")
    first = normalize_document(doc, "scan.pdf")
    return doc, first, second_reading(Path("scan.pdf"), doc, first, reread=_never)


def _operating(normalized) -> list[tuple[str, str, Decimal]]:
    rows = normalized.facts.filter(pl.col("col_index") == 5).sort("row_index")
    return rows.select("economic_code", "measure", "amount_yuan").rows()


def test_a_header_read_with_a_character_lost_is_the_printed_label_the_row_identity_proves():
    doc, first, (_, second, reading) = _read("公用经")
    assert first.unplaced.filter(pl.col("reason") == "ocr_header_unread")["cell_text"].to_list() == ["50.00", "50.00", "50.00"]
    assert [(c.read, c.labels) for c in unread_header_cells(doc, first)] == [("公用经", ("公用经费",))]
    fifty = Decimal("50.00")
    assert _operating(second) == [("302", "operating", fifty), ("30201", "operating", fifty), (None, "operating", fifty)]
    assert [t[1:] for t in reading.taken] == [("公用经", "公用经费")]
    assert second.unplaced.height == 0


def test_the_label_is_not_taken_when_the_row_identity_fails_with_it():
    # 合计 360.00 is not 300.00 + 50.00: with 公用经费 the 合计 row's identity would fail, so the column stays unread
    _, first, (_, second, reading) = _read("公用经", total="360.00")
    assert reading.taken == ()
    assert _operating(second) == []
    assert second.unplaced.filter(pl.col("reason") == "ocr_header_unread").height == 3


def test_a_reading_near_no_printed_label_stays_unread():
    doc, first, (_, second, reading) = _read("公出")  # two edits from 公用支出 and from 公用经费: too far
    assert unread_header_cells(doc, first) == []
    assert reading.taken == () and _operating(second) == []


def test_a_column_left_unread_breaks_no_sum_of_its_rows():
    # computed without the unread 50.00, 合计 350.00 = 人员经费 300.00 would be a false error
    _, first, (_, second, _) = _read("公出")
    assert _sums(first)[0].height == 0 and _sums(second)[0].height == 0


def test_a_reading_two_printed_labels_are_proven_alike_stays_unread():
    # 人用支出: one edit from 人员支出 and from 公用支出; with either the 合计 row's identity holds
    doc, first, (_, second, reading) = _read("人用支出")
    assert [c.labels for c in unread_header_cells(doc, first)] == [("人员支出", "公用支出")]
    assert reading.taken == () and _operating(second) == []


def test_a_roll_up_failing_as_printed_in_the_unread_rows_does_not_refuse_the_label():
    # 办公费 40.00 under 302's 50.00: the roll-up fails as printed in 合计 and 公用经费 alike, whatever
    # the header; the rows of the unread column take part in it only once the column is read
    doc = parse_pdf_pages([basic_expenditure_page(operating="公用经", office="40.00")], "scan.pdf")
    first = normalize_document(doc, "scan.pdf")
    _, second, reading = second_reading(Path("scan.pdf"), doc, first, reread=lambda path, pages, cells: {})
    assert [t[1:] for t in reading.taken] == [("公用经", "公用经费")]
    assert sorted(_sums(second)[0]["col_index"].to_list()) == [3, 5]  # the printed roll-up, in both columns
