"""The rendered PDF fixtures give the same facts as the texts they were rendered from,
table by table; scans, encrypted and broken files are told apart with clear errors."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest

from common.paths import SAMPLES
from extract.cells import normalize_label
from extract.documents import read_document
from extract.errors import EmptyDocument
from extract.pdf_reader import CorruptPdf, EncryptedPdf
from transform.normalize import normalize_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"
RENDERED = {  # fixture -> the sample text it was rendered from
    "000_ruled_yuan.pdf": "000_5cfcfeb062623b8f.txt",
    "001_unruled_wanyuan.pdf": "001_62df1c6f39ffdb6f.txt",
    "002_multipage_ruled.pdf": "002_43a13e6a8c0a6925.txt",
    "004_split_codes_ruled.pdf": "004_7a705042fb416c6b.txt",
    "000_spreadsheet_export.pdf": "000_5cfcfeb062623b8f.txt",  # LibreOffice Calc, not reportlab
}
FACT_KEY = [
    "department",
    "fiscal_year",
    "function_code",
    "function_name",
    "economic_scheme",
    "economic_code",
    "economic_name",
    "gov_economic_code",
    "measure",
    "fund_source",
    "amount_yuan",
    "amount_printed",
    "unit_printed",
    "row_index",
    "col_index",
]


def _normalized(path: Path):
    return normalize_document(read_document(path), path.name)


@pytest.fixture(scope="module", params=sorted(RENDERED))
def pair(request):
    return request.param, _normalized(SAMPLES / RENDERED[request.param]), _normalized(FIXTURES / request.param)


def test_pdf_has_the_texts_tables_in_order(pair):
    _, text, pdf = pair
    printed = text.tables.filter((pl.col("n_header_rows") + pl.col("n_body_rows")) > 0)
    assert pdf.tables["title"].to_list() == printed["title"].to_list()
    assert pdf.tables["unit_printed"].to_list() == printed["unit_printed"].to_list()
    assert pdf.tables["statement"].to_list() == printed["statement"].to_list()


def test_pdf_facts_equal_text_facts_table_by_table(pair):
    name, text, pdf = pair
    printed = text.tables.filter((pl.col("n_header_rows") + pl.col("n_body_rows")) > 0)
    for (t_index, title), p_index in zip(printed.select("table_index", "title").rows(), pdf.tables["table_index"]):
        expected = text.facts.filter(pl.col("table_index") == t_index).select(FACT_KEY).sort(FACT_KEY)
        got = pdf.facts.filter(pl.col("table_index") == p_index).select(FACT_KEY).sort(FACT_KEY)
        assert got.equals(expected), f"{name}: {title}"
    assert pdf.facts.height == text.facts.height > 0
    assert pdf.unplaced.height == text.unplaced.height


ITEM_KEYS = {
    "project": ["row_kind", "project_name", "project_code", "project_type", "description"],
    "fact_project_amount": ["project_name", "fund_source", "amount_yuan", "amount_printed"],
    "fact_three_public": ["year", "category", "fund_source", "amount_yuan"],
    "performance_target": ["project_name", "level1", "level2", "indicator", "operator", "value", "value_unit", "weight"],
    "fact_line_item": ["row_label", "column_header", "value_printed", "amount_yuan", "quantity"],
}


def test_pdf_projects_three_public_targets_and_lines_equal_the_texts(pair):
    """The same parsers read the PDF's tables; only a long cell the unruled style wraps over
    three lines (兰山区 城乡医疗救助, 指标3) comes out as three rows."""
    name, text, pdf = pair
    squash = [pl.col(pl.String).str.replace_all(r"\s", "")]  # the renderer wraps long cells at other places
    for table, key in ITEM_KEYS.items():
        if name in ("000_spreadsheet_export.pdf", "001_unruled_wanyuan.pdf"):
            # Calc lets a long goal overflow into the cells beside it; unruled, the label 年度总体 /
            # 绩效目标 wraps beside its text and is not recognised: descriptions differ there
            key = [k for k in key if k != "description"]
        expected = text.items[table].select(key).with_columns(squash)
        got = pdf.items[table].select(key).with_columns(squash)
        if name.startswith("001") and table == "performance_target":
            split = (
                pl.col("project_name").eq("城乡医疗救助")
                & pl.col("level2").eq("质量指标")
                & (pl.col("indicator").fill_null("").str.contains("合规医疗|费用救助审批率") | pl.col("indicator").is_null())
            )
            expected = expected.filter(~pl.col("indicator").str.contains("合规医疗费用救助审批率"))
            got = got.filter(~split)  # the PDF's three rows: two halves of the text, and the value alone
        assert got.sort(key, nulls_last=True).equals(expected.sort(key, nulls_last=True)), f"{name}: {table}"
    assert pdf.items["fact_project_amount"].height > 0 and pdf.items["performance_target"].height > 0


def test_every_pdf_fact_carries_its_page(pair):
    _, _, pdf = pair
    assert pdf.facts["page"].null_count() == 0 and pdf.facts["line"].null_count() == 0
    assert set(pdf.pages["status"]) == {"text"}


def test_a_fact_is_traced_to_its_page_and_line():
    facts = _normalized(FIXTURES / "002_multipage_ruled.pdf").facts
    cell = facts.filter((pl.col("function_code") == "2101101") & (pl.col("column_header") == "合计")).row(0, named=True)
    assert (cell["page"], cell["line"], cell["row_label"], cell["amount_yuan"]) == (6, 16, "行政单位医疗", Decimal("212900.00"))
    assert cell["cell_box"] == "185.5,260.8,217.9,276.8"  # the ruled cell printing 21.29 (万元)
    assert cell["amount_printed"] == "21.29"


def test_a_table_over_three_pages_is_one_table_without_repeated_headers():
    doc = read_document(FIXTURES / "002_multipage_ruled.pdf")
    [table] = [t for t in doc.tables if t.title == "部门预算财政拨款收支总表"]
    assert sorted({r.page for r in table.rows}) == [10, 11, 12]
    assert len(table.rows) == 37 and len(table.header_rows) == 2
    headers = {tuple(normalize_label(c) for c in h.cells) for h in table.header_rows}
    assert not any(tuple(normalize_label(c) for c in r.cells) in headers for r in table.rows)
    assert normalize_label(table.rows[-1].cells[0]) == "收入总计"


def test_split_code_columns_are_read_as_codes():
    facts = _normalized(FIXTURES / "004_split_codes_ruled.pdf").facts
    assert "2101101" in set(facts["function_code"])
    assert {"万元"} == set(facts["unit_printed"])


def blank_scan(path: Path) -> Path:
    """A PDF whose only page is an image with nothing printed on it: OCR finds no text."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), invariant=1)
    c.drawImage(ImageReader(Image.new("L", (300, 420), 250)), 0, 0, width=595, height=842)
    c.showPage()
    c.save()
    return path


def test_a_scanned_page_ocr_finds_nothing_on_still_needs_ocr(tmp_path):
    """(000_scanned.pdf is read by OCR: tests/extract/test_ocr_scans.py.)"""
    doc = read_document(blank_scan(tmp_path / "blank_scan.pdf"))
    assert doc.tables == []
    assert [(p.page, p.status, p.n_images) for p in doc.pages] == [(1, "needs_ocr", 1)]


def test_encrypted_pdf_is_a_clear_error():
    with pytest.raises(EncryptedPdf, match="encrypted and needs a password"):
        read_document(FIXTURES / "004_split_codes_ruled_encrypted.pdf")


def test_truncated_random_and_empty_pdfs_are_clear_errors(tmp_path):
    data = (FIXTURES / "000_ruled_yuan.pdf").read_bytes()
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptPdf, match="corrupt or truncated"):
        read_document(truncated)
    noise = tmp_path / "noise.pdf"
    noise.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(CorruptPdf, match="does not start with %PDF-"):
        read_document(noise)
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(EmptyDocument):
        read_document(empty)
