"""The real corpus (../shared/corpus/, Shanghai PDFs) ingested once and validated, for tests that
read its figures and findings back. Skipped where the corpus is not beside the project."""

from __future__ import annotations

from pathlib import Path

import pytest

from common.paths import ROOT
from flows.validate import validate
from load.warehouse import Warehouse
from tests.conftest import ingest, querier

CORPUS = ROOT.parent / "shared" / "corpus"
# The documents: the PDFs' folders. page-images/ holds loose pages of a document (no text layer)
# for the OCR tests (tests/extract/test_ocr_scans.py); ingested, each image would be a document.
DOCUMENTS = ("shanghai-putuo", "shanghai-city", "templates")


@pytest.fixture(scope="session")
def corpus_warehouse(tmp_path_factory) -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"no corpus at {CORPUS}")
    work = tmp_path_factory.mktemp("corpus")
    path = work / "corpus.duckdb"
    ingest([CORPUS / d for d in DOCUMENTS], path)
    with Warehouse(path) as wh:
        validate(wh, None, work / "reports", data_docs=False)
    return path


@pytest.fixture()
def corpus_query(corpus_warehouse):
    """corpus_query(sql, params) -> rows as dicts."""
    return querier(corpus_warehouse)
