"""PDFs through the whole job: loaded with page provenance, scans read by OCR with every figure
traced (read_by, confidence, verified by the document's sums), a page OCR finds nothing on
flagged in the quality findings, broken files recorded while the others load."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from expectations import report
from flows.validate import validate
from load.warehouse import Warehouse
from tests.conftest import ingest
from tests.extract.test_pdf_fixtures import blank_scan

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"


@pytest.fixture(scope="module")
def pdf_run(tmp_path_factory):
    inbox = tmp_path_factory.mktemp("inbox")
    for name in ("004_split_codes_ruled.pdf", "004_split_codes_ruled_scan.pdf", "004_split_codes_ruled_encrypted.pdf"):
        shutil.copy(FIXTURES / name, inbox / name)
    blank_scan(inbox / "000_scanned.pdf")
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
    assert sorted(summary.new) == ["000_scanned.pdf", "004_split_codes_ruled.pdf", "004_split_codes_ruled_scan.pdf"]
    errors = dict(_query(path, "SELECT source_file, message FROM ingest_error"))
    assert "encrypted" in errors["004_split_codes_ruled_encrypted.pdf"]
    assert "corrupt or truncated" in errors["000_truncated.pdf"]


def test_pdf_facts_carry_page_and_line(pdf_run):
    path = pdf_run[0]
    rows = _query(
        path,
        "SELECT page, line, row_label, amount_yuan FROM v_budget_lines "
        "WHERE source_file = '004_split_codes_ruled.pdf' AND function_code = '2101101' AND column_header = '合计'",
    )
    assert rows == [(6, 12, "行政单位医疗", Decimal("164700.00"))]  # printed 16.47 万元


def test_a_scanned_page_ocr_reads_nothing_on_is_a_needs_ocr_finding(pdf_run):
    path = pdf_run[0]
    rows = _query(
        path, "SELECT page, severity, rule FROM v_dq_findings WHERE source_file = '000_scanned.pdf' ORDER BY page, rule"
    )
    # without any text nothing says who the document is or its year: two document-level errors besides the page
    assert rows == [(1, "error", "page_has_text"), (None, "error", "document_identity"), (None, "error", "document_year")]
    pages = _query(path, "SELECT page, status, n_images FROM source_page WHERE source_file = '000_scanned.pdf' ORDER BY page")
    assert pages == [(1, "needs_ocr", 1)]


SCAN = "004_split_codes_ruled_scan.pdf"  # pages 1-9 of 004_split_codes_ruled.pdf, 150 dpi, turned, noisy
SAME = (
    "t.statement",
    "f.function_code",
    "f.economic_code",
    "f.gov_economic_code",
    "f.measure",
    "f.fund_source",
    "f.amount_yuan",
    "f.amount_printed",
    "f.unit_printed",
    "f.row_index",
    "f.col_index",
    "f.column_header",
    "f.line_role",
)


def test_a_scan_gives_the_facts_of_its_text_layer(pdf_run):
    """At least 99.5 % of the scan's facts are the text layer's (measured: all 59); any other is
    left unverified, so it is an ocr_unverified warning or an error of the sum it breaks."""
    path = pdf_run[0]
    columns = ", ".join(f"coalesce(CAST({c} AS VARCHAR), '')" for c in SAME)
    facts = "FROM fact_budget_amount f JOIN source_table t USING (source_file, table_index) WHERE f.source_file = "
    text = _query(path, f"SELECT {columns} {facts} '004_split_codes_ruled.pdf' AND f.page <= 9")
    scan = _query(path, f"SELECT {columns}, f.verified {facts} '{SCAN}'")
    assert len(text) == 59 and len(scan) == len(text)
    identical = sum(min(text.count(r), [s[:-1] for s in scan].count(r)) for r in set(text))
    assert identical / len(text) >= 0.995
    assert all(verified is not True for *fact, verified in scan if tuple(fact) not in text)


def test_a_scanned_fact_is_traced_to_its_page_cell_and_proof(pdf_run):
    path = pdf_run[0]
    rows = _query(
        path,
        "SELECT page, row_label, amount_yuan, read_by, ocr_confidence > 0.9, verified, cell_box IS NOT NULL "
        f"FROM fact_budget_amount WHERE source_file = '{SCAN}' AND function_code = '2101101' AND column_header = '合计'",
    )
    assert rows == [(6, "行政单位医疗", Decimal("164700.00"), "ocr", True, True, True)]  # printed 16.47 万元
    assert _query(path, f"SELECT DISTINCT status FROM source_page WHERE source_file = '{SCAN}'") == [("ocr",)]
    text = _query(
        path,
        "SELECT DISTINCT read_by, ocr_confidence, verified FROM fact_budget_amount "
        "WHERE source_file = '004_split_codes_ruled.pdf'",
    )
    assert text == [("text", None, None)]
    proven = _query(
        path, f"SELECT count(*) FILTER (WHERE verified), count(*) FROM fact_budget_amount WHERE source_file = '{SCAN}'"
    )
    unproven = _query(path, f"SELECT count(*) FROM v_dq_findings WHERE source_file = '{SCAN}' AND rule = 'ocr_unverified'")
    assert unproven[0][0] == proven[0][1] - proven[0][0]  # each figure no sum proves is a warning
    messages = _query(path, f"SELECT message FROM v_dq_findings WHERE source_file = '{SCAN}' AND rule = 'ocr_unverified'")
    assert all("(read by OCR, confidence" in m and "check it on the scan" in m for (m,) in messages)
    assert proven[0][1] == 59 and proven[0][0] >= 50  # measured: 50 of 59 proven; the 9 others are 收支总表 lines no sum took


def test_report_names_scanned_pages_and_the_unreadable_files(pdf_run):
    html = pdf_run[3].read_text(encoding="utf-8")
    assert "page_has_text" in html and "needs OCR" in html
    assert "000_truncated.pdf" in html and "encrypted" in html
