"""PDFs through the whole job: loaded with page provenance, scans flagged per page in the
quality findings, broken files recorded while the others load."""
from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from expectations import report
from flows.validate import validate
from load.warehouse import Warehouse
from tests.conftest import ingest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"


@pytest.fixture(scope="module")
def pdf_run(tmp_path_factory):
    inbox = tmp_path_factory.mktemp("inbox")
    for name in ("004_split_codes_ruled.pdf", "000_scanned.pdf", "004_split_codes_ruled_encrypted.pdf"):
        shutil.copy(FIXTURES / name, inbox / name)
    data = (FIXTURES / "000_ruled_yuan.pdf").read_bytes()
    (inbox / "000_truncated.pdf").write_bytes(data[: len(data) // 3])
    wh_path = inbox.parent / "pdf.duckdb"
    summary = ingest([inbox], wh_path)
    with Warehouse(wh_path) as wh:
        validation = validate(wh, None, inbox.parent / "reports", data_docs=False)
        html, _ = report.write(report.gather(wh, None), inbox.parent / "reports")
    return wh_path, summary, validation, html


def _query(path: Path, sql: str) -> list[tuple]:
    with Warehouse(path, read_only=True) as wh:
        return wh.query(sql, [])[1]


def test_good_pdfs_load_and_broken_ones_are_recorded(pdf_run):
    path, summary, _, _ = pdf_run
    assert sorted(summary.new) == ["000_scanned.pdf", "004_split_codes_ruled.pdf"]
    errors = dict(_query(path, "SELECT source_file, message FROM ingest_error"))
    assert "encrypted" in errors["004_split_codes_ruled_encrypted.pdf"]
    assert "corrupt or truncated" in errors["000_truncated.pdf"]


def test_pdf_facts_carry_page_and_line(pdf_run):
    path = pdf_run[0]
    rows = _query(path, "SELECT page, line, row_label, amount_yuan FROM v_budget_lines "
                        "WHERE source_file = '004_split_codes_ruled.pdf' AND function_code = '2101101' AND column_header = '合计'")
    assert rows == [(6, 12, "行政单位医疗", Decimal("164700.00"))]  # printed 16.47 万元


def test_each_scanned_page_is_a_needs_ocr_finding(pdf_run):
    path = pdf_run[0]
    rows = _query(path, "SELECT page, severity, rule FROM v_dq_findings WHERE source_file = '000_scanned.pdf' ORDER BY page, rule")
    # without a text layer nothing says who the document is or its year: two document-level errors besides the pages
    assert rows == [(1, "error", "page_has_text"), (2, "error", "page_has_text"),
                    (None, "error", "document_identity"), (None, "error", "document_year")]
    pages = _query(path, "SELECT page, status, n_images FROM source_page WHERE source_file = '000_scanned.pdf' ORDER BY page")
    assert pages == [(1, "needs_ocr", 1), (2, "needs_ocr", 1)]


def test_report_names_scanned_pages_and_the_unreadable_files(pdf_run):
    html = pdf_run[3].read_text(encoding="utf-8")
    assert "page_has_text" in html and "needs OCR" in html
    assert "000_truncated.pdf" in html and "encrypted" in html
