"""A figure OCR read with a comma for its point ('665,59': the 001 scan, page 12) is no number as
read; the one figure it can be is taken in the second reading only when a sum of the document
then holds with it (flows/second_reading.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import polars as pl

from extract.pdf_document import parse_pdf_pages
from flows.second_reading import second_reading
from tests.flows.ocr_pages import basic_expenditure_page
from transform.normalize import normalize_document


def _never(path, pages, cells):
    raise AssertionError("no cell should need the engine")


def _first(total: str):
    doc = parse_pdf_pages([basic_expenditure_page(total=total)], "scan.pdf")
    return doc, normalize_document(doc, "scan.pdf")


def _total(normalized) -> list:
    return normalized.facts.filter((pl.col("row_label") == "合计") & (pl.col("col_index") == 3))["amount_yuan"].to_list()


def test_a_comma_before_the_last_two_digits_is_the_point_when_the_total_then_holds():
    doc, first = _first("350,00")
    assert first.unplaced.filter(pl.col("reason") == "not_a_number")["cell_text"].to_list() == ["350,00"]
    assert _total(first) == []
    _, second, reading = second_reading(Path("scan.pdf"), doc, first, reread=_never)
    assert _total(second) == [Decimal("350.00")]
    assert [(t[1], t[2]) for t in reading.taken] == [("350,00", "350.00")]
    assert second.facts.filter(pl.col("row_label") == "合计")["ocr_reread"].to_list()[0] is True
    assert second.unplaced.filter(pl.col("reason") == "not_a_number").height == 0


def test_the_figure_it_could_be_is_not_taken_when_no_sum_holds_with_it():
    doc, first = _first("360,00")  # 360.00 is not the sum of 300.00 and 50.00: the reading stays unplaced
    _, second, reading = second_reading(Path("scan.pdf"), doc, first, reread=lambda path, pages, cells: {})
    assert reading.taken == ()
    assert second.unplaced.filter(pl.col("reason") == "not_a_number")["cell_text"].to_list() == ["360,00"]
