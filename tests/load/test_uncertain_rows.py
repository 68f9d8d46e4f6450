"""Rows holding a number whose column is unknown take no part in the document's sums
(sql/quality/uncertain_rows.sql, transform/sink.UNKNOWN_COLUMN): the 公用经费 header read by OCR as
'公出' leaves its column's figures unplaced, and the 合计 row's identity computed without them
would be a false error (合计 350.00 = 人员经费 300.00 "failing" by the unread 50.00)."""

from __future__ import annotations

from extract.pdf_document import parse_pdf_pages
from load.warehouse import DocumentRecord, Warehouse
from tests.flows.ocr_pages import basic_expenditure_page
from transform.normalize import normalize_document


def test_the_rows_of_a_column_ocr_left_unread_are_uncertain(tmp_path):
    doc = parse_pdf_pages([basic_expenditure_page(operating="公出")], "scan.pdf")
    n = normalize_document(doc, "scan.pdf")
    unread = n.unplaced.filter(n.unplaced["reason"] == "ocr_header_unread")
    assert unread["cell_text"].to_list() == ["50.00", "50.00", "50.00"]
    record = DocumentRecord("scan.pdf", "scan.pdf", "0" * 64, "pdf", None, None, 1, None, None, "test")
    with Warehouse(tmp_path / "wh.duckdb") as wh:
        wh.load_document(record, n.tables, n.facts, n.unplaced, n.pages)
        _, _, uncertain = wh.check_inputs(["scan.pdf"])
    assert uncertain == {("scan.pdf", t, r) for t, r in unread.select("table_index", "row_index").rows()}
    assert len(uncertain) == 3  # 302 商品和服务支出, 30201 办公费 and the 合计 row
