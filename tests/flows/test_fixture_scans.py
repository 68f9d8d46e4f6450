"""Scans of every committed text-layer PDF fixture (tests/fixtures/pdf/scan.py: 150 dpi, grey,
turned 0.3–0.5°, noise, JPEG), made at test time and read as the per-file worker reads them (OCR,
then the second reading), against the same pages read from their text layer: at least 99.5 % of
the facts identical (issue 21's bar), and no fact that differs proven by a sum — each is an
``ocr_unverified`` warning or sits in a sum that fails (an error).

One one-page fixture runs in the quick suite; the others (97 pages, ~12 minutes on 2 busy cores)
are marked slow: ``pytest -m slow tests/flows/test_fixture_scans.py``. The fixture in very
small print does not reach the bar yet: their share is asserted at what was measured, and the bar
itself is a strict xfail, which fails the day they reach it."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from expectations.checks.ocr_proof import PROVEN, SCAN_SAME_AS_TEXT
from tests.corpus.test_corpus_scans import MIN_IDENTICAL, scan_against_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"
# fixture -> facts its text layer gives (what a scan of it is compared with)
AT_THE_BAR = {
    "000_ruled_yuan.pdf": 231,
    "001_unruled_wanyuan.pdf": 292,
    "002_multipage_ruled.pdf": 246,
    "004_split_codes_ruled.pdf": 59,
    "stream_headers_centre.pdf": 30,
    "stream_headers_right.pdf": 30,
}
QUICK = {"stream_headers_left.pdf": 30}
# Very small print (000's spreadsheet export, a wide sheet fitted to a portrait page, 3.6–5 pt) scanned
# at 150 dpi: fixture -> (text-layer facts, share of them identical as measured 2026-12-01, README
# "Scanned pages"). What differs is flagged, never proven: the floor guards it. (001's 5 pt unruled
# pages read 292 of 292 since its 项支出 is taken as 项目支出 when the sums prove it.)
SMALL_PRINT = {
    "000_spreadsheet_export.pdf": (231, 0.761),
}


def _check(name: str, facts: int, work: Path) -> float:
    n, identical, differing = scan_against_text(FIXTURES / name, work)
    assert n == facts
    proven = differing.filter(pl.col("ocr_proof") == PROVEN)
    assert proven.height == 0, proven.select(*SCAN_SAME_AS_TEXT, "page")
    return identical / n


@pytest.mark.parametrize("name", sorted(QUICK))
def test_a_scan_of_a_one_page_fixture_reads_to_its_text_layer(tmp_path, name):
    assert _check(name, QUICK[name], tmp_path) >= MIN_IDENTICAL


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(AT_THE_BAR))
def test_a_scan_of_each_fixture_reads_to_its_text_layer(tmp_path, name):
    assert _check(name, AT_THE_BAR[name], tmp_path) >= MIN_IDENTICAL


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SMALL_PRINT))
def test_a_scan_in_very_small_print_differs_only_where_flagged(tmp_path, name):
    facts, measured = SMALL_PRINT[name]
    share = _check(name, facts, tmp_path)
    assert share >= measured
    if share < MIN_IDENTICAL:
        pytest.xfail(f"{share:.1%} of {facts} facts identical: very small print is not read to the bar yet")
    raise AssertionError(f"{name} now reads to the bar ({share:.1%}): move it to AT_THE_BAR")
