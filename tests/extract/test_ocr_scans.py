"""Scans read by OCR (RapidOCR, models inside its wheel): real page images of the corpus against
their text layer, and the committed low-resolution scan of the 000 fixture. OCR costs seconds a
page, so each document is read once per module and only a few small pages are used."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest

from bench.ocr_accuracy import char_accuracy, exact_amounts
from extract.documents import read_document
from transform.normalize import normalize_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"
PAGE_IMAGES = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "page-images" / "shiquan-unit-2026"
needs_images = pytest.mark.skipif(not PAGE_IMAGES.is_dir(), reason=f"no page images at {PAGE_IMAGES}")


@pytest.fixture(scope="module")
def three_public_image():
    """石泉路街道 2026 单位预算 page 33 (1684 × 1191 PNG): its ruled 三公 table, no text layer."""
    path = PAGE_IMAGES / "shiquan_unit26_p33.png"
    doc = read_document(path)
    return doc, normalize_document(doc, path.name)


def _truth(page: int) -> str:
    pages = json.loads((PAGE_IMAGES / "pages_text.json").read_text(encoding="utf-8"))
    return next(p["text"] for p in pages if p["page"] == page)


def _page_text(doc) -> str:
    return "\n".join(text for _, _, text in doc.text_lines)


@needs_images
def test_a_page_image_is_read_into_its_table_with_every_figure(three_public_image):
    doc, norm = three_public_image
    assert doc.format == "image" and [(p.page, p.status) for p in doc.pages] == [(1, "ocr")]
    [table] = doc.tables
    assert table.title == "2026年单位“三公”经费和机关运行经费预算表" and table.unit_text == "单位：万元"
    # the text layer prints 8.53 1.53 7 7 386.02; the 7s stand against their cells' right borders,
    # which are painted out before the text is detected
    assert [r.cells for r in table.rows] == [("8.53", "", "1.53", "7", "", "7", "386.02")]
    assert all(c is None or c > 0.9 for c in table.rows[0].confidences)
    three = norm.items["fact_three_public"].select("category", "amount_yuan", "amount_printed").rows()
    assert three == [
        ("total", Decimal("85300.00"), "8.53"),
        ("reception", Decimal("15300.00"), "1.53"),
        ("vehicles", Decimal("70000.00"), "7"),
    ]
    assert set(norm.unplaced["read_by"]) == {"ocr"} and norm.unplaced["ocr_confidence"].null_count() == 0


@needs_images
def test_ocr_reads_the_text_layer_of_the_corpus_pages(three_public_image):
    """Character accuracy (whitespace aside) and amounts read exactly, against pages_text.json.
    Measured 2026-12-01 (bench/ocr_accuracy.py): page 33 all 6 amounts, page 6 98.3 % of 346
    characters and 21 of 21 amounts; tesseract (chi_sim, psm 6) 56.6 % / 1 of 6 and 96.8 % / 13 of 21."""
    doc, _ = three_public_image
    read, truth = _page_text(doc), _truth(33)
    assert exact_amounts(read, truth) == (6, 6)
    assert char_accuracy(read, truth) >= 0.90
    narrative = read_document(PAGE_IMAGES / "shiquan_unit26_p6.png")
    read, truth = _page_text(narrative), _truth(6)
    assert exact_amounts(read, truth) == (21, 21)
    assert char_accuracy(read, truth) >= 0.97
    assert "收入预算7,630.61万元" in read.replace(" ", "")


def test_a_scanned_pdf_is_read_by_ocr():
    """000_scanned.pdf: the first two pages of 000_ruled_yuan.pdf as 100-dpi JPEGs, no text layer."""
    doc = read_document(FIXTURES / "000_scanned.pdf")
    assert [(p.page, p.status, p.n_images) for p in doc.pages] == [(1, "ocr", 1), (2, "ocr", 1)]
    assert doc.department == "柞水县医疗保险经办机构" and doc.fiscal_year == 2024
    [table] = doc.tables
    assert (table.title, table.unit_text, table.page) == ("会议费培训费明细", "单位：万元", 2)
    [row] = table.rows
    assert (row.cells[0], row.cells[2], row.cells[3]) == ("医保政策培训", "40人", "0.2")
    assert row.read_by == "ocr" and row.confidences[3] > 0.9
    lines = normalize_document(doc, "000_scanned.pdf").items["fact_line_item"]
    amounts = lines.filter(pl.col("amount_yuan").is_not_null())
    assert amounts.select("row_label", "amount_yuan").rows() == [("医保政策培训", Decimal("2000.00"))]
