"""A page scanned sideways or upside down reads to the same facts as the text layer it was made
from: the scans are made here from the 004 fixture (tests/fixtures/pdf/scan.py, each sheet turned on
the scanner), and read by OCR (RapidOCR). Each turned page is read twice (as it lies, then upright),
so only three small table pages are used."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from extract.documents import read_document
from extract.pdf_document import parse_pdf_pages
from extract.pdf_reader import read_pages
from tests.fixtures.pdf.scan import scan_pdf
from transform.normalize import normalize_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"
ORIGINAL = FIXTURES / "004_split_codes_ruled.pdf"
SAME = ["function_code", "economic_code", "measure", "fund_source", "amount_yuan", "amount_printed", "row_index", "col_index"]


def _facts(doc) -> pl.DataFrame:
    return normalize_document(doc, "x").facts.select(SAME).sort(SAME)


@pytest.mark.parametrize(
    ("turn", "page", "upright_by"),
    [
        (90, 6, 3),  # 一般公共预算支出预算表 (12 rows), the sheet laid a quarter turn counter-clockwise
        (270, 7, 1),  # 一般公共预算基本支出预算表 (8 rows), a quarter turn clockwise
        (180, 7, 2),  # upside down
    ],
)
def test_a_page_scanned_turned_reads_to_the_facts_of_its_text_layer(tmp_path, turn, page, upright_by):
    text = _facts(parse_pdf_pages(read_pages(ORIGINAL)[page - 1 : page], str(ORIGINAL)))
    scan = read_document(scan_pdf(ORIGINAL, tmp_path / f"turned_{turn}.pdf", range(page, page + 1), seed=21, quarter=turn))
    [info] = scan.pages
    assert (info.status, info.quarter_turns) == ("ocr", upright_by)
    [table] = scan.tables
    assert table.title == ("一般公共预算支出预算表" if page == 6 else "一般公共预算基本支出预算表")
    facts = _facts(scan)
    assert facts.height == text.height > 10
    assert facts.equals(text)
