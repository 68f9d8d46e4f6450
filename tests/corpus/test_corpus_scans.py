"""Scans of the real corpus read to the facts of its text layer: pages of ../shared/corpus/
shanghai-putuo/*.pdf made into scans (tests/fixtures/pdf/scan.py: 150 dpi, grey, turned 0.3–0.5°,
noise, JPEG) at test time, read by OCR as the per-file worker reads them (with the second reading),
and compared with the same pages read from the text layer: at least 99.5 % of the facts identical,
and no fact that differs proven by a sum (so each is an ocr_unverified warning, or sits in a sum
that fails: an error). A few table pages of the 福利院 document run in the quick suite; the whole
corpus (132 pages, 15 minutes on 2 busy cores) is marked slow: `pytest -m slow tests/corpus/test_corpus_scans.py`."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from expectations.checks.ocr_proof import PROVEN, SCAN_SAME_AS_TEXT, ocr_proofs
from expectations.checks.reconcile import reconcile_comparisons
from expectations.checks.rollups import rollup_comparisons
from expectations.checks.structure import fact_rows
from extract.documents import read_document
from extract.pdf_document import parse_pdf_pages
from extract.pdf_reader import read_pages
from flows.second_reading import second_reading
from tests.corpus.conftest import CORPUS
from tests.fixtures.pdf.scan import scan_pdf
from transform.normalize import normalize_document

PUTUO = CORPUS / "shanghai-putuo"
WELFARE_HOME = PUTUO / "上海市普陀区社会福利院24年单位预算.pdf"
# The bar: facts of a scan identical to its text layer's.
MIN_IDENTICAL = 0.995
SAME = SCAN_SAME_AS_TEXT
KEY = ["source_file", "table_index", "row_index", "col_index"]
needs_corpus = pytest.mark.skipif(not PUTUO.is_dir(), reason=f"no corpus at {PUTUO}")


def scan_against_text(source: Path, work: Path, pages: range | None = None) -> tuple[int, int, pl.DataFrame]:
    """(text-layer facts, of them identical in the scan, the scan's differing facts with their proof)."""
    layouts = read_pages(source)
    chosen = layouts[pages.start - 1 : pages.stop - 1] if pages else layouts
    text = normalize_document(parse_pdf_pages(chosen, str(source)), source.name).facts.select(SAME)
    scan_path = scan_pdf(source, work / source.name, pages, seed=21)
    doc = read_document(scan_path)
    _, scan, _ = second_reading(scan_path, doc, normalize_document(doc, source.name))
    identical = text.height - text.join(scan.facts.select(SAME), on=SAME, how="anti", nulls_equal=True).height
    tables = scan.tables.select("table_index", pl.col("title").alias("table_title"), "statement")
    rows = fact_rows(scan.facts.join(tables, on="table_index", how="left"))
    proofs = ocr_proofs(rows, [rollup_comparisons(rows), reconcile_comparisons(rows)])
    differing = scan.facts.join(text, on=SAME, how="anti", nulls_equal=True).join(proofs, on=KEY, how="left")
    return text.height, identical, differing


@needs_corpus
def test_a_scan_of_the_welfare_homes_tables_reads_to_its_text_layer(tmp_path):
    """福利院 2024 单位预算, pages 7–11: 财务收支预算总表, 收入预算总表, 支出预算总表, 财政拨款收支预算总表,
    一般公共预算支出功能分类预算表 (元, whole 元). Measured 2026-12-01: 120 of 120 facts identical."""
    n, identical, differing = scan_against_text(WELFARE_HOME, tmp_path, range(7, 12))
    assert n == 120
    assert identical / n >= MIN_IDENTICAL
    assert differing.filter(pl.col("ocr_proof") == PROVEN).height == 0


@pytest.mark.slow
@needs_corpus
@pytest.mark.parametrize("source", sorted(PUTUO.glob("*.pdf")) if PUTUO.is_dir() else [], ids=lambda p: p.stem)
def test_a_scan_of_each_corpus_document_reads_to_its_text_layer(tmp_path, source):
    n, identical, differing = scan_against_text(source, tmp_path)
    assert n > 100
    assert identical / n >= MIN_IDENTICAL, f"{identical} of {n} identical"
    proven = differing.filter(pl.col("ocr_proof") == PROVEN)
    assert proven.height == 0, proven.select(*SAME, "page")
