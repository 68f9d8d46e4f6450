"""A header cell the OCR missed over a split code column (flows/blank_headers.py, read again by
flows/second_reading.py). On the 150-dpi scan of 001 page 8 the lone 款 over 类 | 款 was not found,
so the column's codes had no header and the facts kept their class code only; the page here is
that table in small, read by 'OCR' (glyphs with scores), and the second reading a stand-in that
reads what the page prints at the box it is asked about."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import polars as pl

from extract.pdf_document import parse_pdf_pages
from flows.blank_headers import blank_header_cells
from flows.second_reading import second_reading
from tests.flows.ocr_pages import basic_expenditure_page
from transform.normalize import normalize_document


def _reading(printed: str):
    """A second reading that reads ``printed`` in a box over the 款 column, blank elsewhere."""

    def reread(path, pages, cells):
        return {c: (printed, 0.98) if 80 <= c.box[0] and c.box[2] <= 110 else ("", 0.0) for c in cells}

    return reread


def _missed():
    doc = parse_pdf_pages([basic_expenditure_page(kuan=False)], "scan.pdf")
    return doc, normalize_document(doc, "scan.pdf")


def test_without_its_header_the_item_column_is_unplaced_and_the_facts_keep_the_class_code():
    _, first = _missed()
    headless = first.unplaced.filter(pl.col("reason") == "no_column_header")
    assert headless.select("col_index", "cell_text").rows() == [(1, "01"), (1, "02"), (1, "01")]
    assert set(first.facts["economic_code"].drop_nulls()) == {"301", "302"}


def test_the_blank_header_cell_over_that_column_is_the_place_to_look():
    doc, first = _missed()
    [cell] = blank_header_cells(doc, first)
    assert (cell.table, cell.row, cell.col, cell.page) == (0, 1, 1, 1)
    x0, top, x1, bottom = cell.box
    assert (x0, x1) == (84.0, 94.0)  # the item codes' x-range ('01', '02')
    assert (top, bottom) == (115.0, 125.0)  # the band of its header row (类)


def test_the_header_read_again_gives_the_facts_their_whole_codes():
    doc, first = _missed()
    _, second, reading = second_reading(Path("scan.pdf"), doc, first, reread=_reading("款"))
    assert [(t[1], t[2]) for t in reading.taken] == [("", "款")]
    facts = second.facts.filter(pl.col("economic_code") == "30101").sort("col_index")
    assert facts.select("measure", "amount_yuan").rows() == [("basic", Decimal("200.00")), ("personnel", Decimal("200.00"))]
    assert second.unplaced.filter(pl.col("reason") == "no_column_header").height == 0
    # the same as the page read with its 款
    clean = normalize_document(parse_pdf_pages([basic_expenditure_page(kuan=True)], "scan.pdf"), "scan.pdf")
    assert sorted(second.facts["economic_code"].drop_nulls()) == sorted(clean.facts["economic_code"].drop_nulls())


def test_a_header_blank_on_paper_or_a_reading_that_places_nothing_changes_nothing():
    doc, first = _missed()
    for printed in ("", "备注"):  # read blank again; read as a word that makes no column of codes
        _, second, reading = second_reading(Path("scan.pdf"), doc, first, reread=_reading(printed))
        assert reading.taken == ()
        assert second.facts.equals(first.facts) and second.unplaced.equals(first.unplaced)


def test_a_text_layer_page_is_never_read_again():
    scan = basic_expenditure_page(kuan=False)
    page = replace(scan, glyphs=[replace(g, confidence=None) for g in scan.glyphs], read_by="text")
    doc = parse_pdf_pages([page], "text.pdf")
    first = normalize_document(doc, "text.pdf")
    assert blank_header_cells(doc, first) == []
    _, second, reading = second_reading(Path("text.pdf"), doc, first, reread=_reading("款"))
    assert reading == type(reading)() and second.facts.equals(first.facts)


def test_the_001_scan_page_8_reads_its_kuan_and_the_whole_codes(tmp_path):
    """The real thing: page 8 of the 001 fixture scanned at 150 dpi, read as the worker reads it."""
    from flows import steps
    from tests.fixtures.pdf.scan import scan_pdf

    original = Path(__file__).resolve().parents[1] / "fixtures" / "pdf" / "001_unruled_wanyuan.pdf"
    path = scan_pdf(original, tmp_path / "001_p8_scan.pdf", range(8, 9), seed=21)
    facts = steps.prepare(path, "sha").normalized.facts
    basic = facts.filter(pl.col("economic_code") == "30101").sort("col_index")
    assert basic.select("column_header", "amount_yuan", "read_by", "ocr_reread").rows() == [
        ("基本支出预算/小计", Decimal("1724500.00"), "ocr", False),
        ("基本支出预算/人员支出", Decimal("1724500.00"), "ocr", False),
    ]
    assert facts.filter(pl.col("economic_code").str.len_chars() == 5).height == 26
