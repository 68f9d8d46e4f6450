"""The second reading (flows/second_reading.py): a sum that fails on OCR'd figures has its cells
read again, each on its own at 400 dpi, before anything is loaded. A misread is planted: the page
reader (the real engine) is wrapped to read one digit of page 6 of the 004 scan wrong at 200 dpi,
which the second reading, by the real engine on the cell alone, reads right."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest

from extract import ocr_engine
from extract.documents import read_document
from flows import second_reading as second
from flows import steps
from tests.fixtures.pdf.scan import scan_pdf
from transform.normalize import normalize_document

ORIGINAL = Path(__file__).resolve().parents[1] / "fixtures" / "pdf" / "004_split_codes_ruled.pdf"
PRINTED, MISREAD = "52.32", "52.82"  # 2080505 机关事业单位基本养老保险缴费支出, 合计 column, page 6


def _misreading(read):
    def reader(image):
        chars = read(image)
        at = "".join(c.text for c in chars).find(PRINTED)
        if at >= 0:  # the first 52.32 of the page (its 合计 column): its 3 read as an 8, as sure as the rest
            chars[at + 3] = replace(chars[at + 3], text="8")
        return chars

    return reader


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """(the scan's path, its document and frames as the page reader misread them)."""
    path = scan_pdf(ORIGINAL, tmp_path_factory.mktemp("scan") / "004_p6_scan.pdf", range(6, 7), seed=21)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ocr_engine, "read_characters", _misreading(ocr_engine.read_characters))
        doc = read_document(path)
        prepared = steps.prepare(path, "sha")
    return path, doc, normalize_document(doc, path.name), prepared


def _cell(facts: pl.DataFrame) -> tuple:
    return (
        facts.filter((pl.col("function_code") == "2080505") & (pl.col("col_index") == 5))
        .select("amount_printed", "amount_yuan", "read_by")
        .row(0)
    )


def test_the_planted_misread_breaks_the_sums_it_is_in(planted):
    _, _, first, _ = planted
    assert _cell(first.facts) == (MISREAD, Decimal("528200.00"), "ocr")
    failing, _ = second._sums(first)
    assert failing.height == 2  # the 合计 line against its items, and the code roll-up of 20805
    assert all("6:5" in ",".join(c) for c in failing["cells"].to_list())


def test_the_worker_reads_the_cells_of_a_failing_sum_again_and_the_sums_hold(planted):
    _, _, _, prepared = planted
    facts = prepared.normalized.facts
    assert _cell(facts) == (PRINTED, Decimal("523200.00"), "ocr")
    failing, holding = second._sums(prepared.normalized)
    assert failing.height == 0 and holding.height == 13
    [row] = facts.filter((pl.col("function_code") == "2080505") & (pl.col("col_index") == 5)).select("ocr_confidence").rows()
    assert row[0] > 0.9  # the second reading's score
    # the fact says it was read twice; no other figure of the document was taken from a second reading
    reread = facts.filter(pl.col("ocr_reread")).select("function_code", "col_index", "amount_printed").rows()
    assert reread == [("2080505", 5, PRINTED)]
    assert facts.filter(pl.col("read_by") == "ocr")["ocr_reread"].null_count() == 0
    assert not first_reading_flags(planted)


def first_reading_flags(planted) -> list:
    """Facts of the first reading that say they were read twice: none."""
    return planted[2].facts.filter(pl.col("ocr_reread")).rows()


def _stand_in(text: str, score: float):
    def reread(path, pages, cells):
        return {cell: (text, score) for cell in cells}

    return reread


@pytest.mark.parametrize(
    ("text", "score", "why"),
    [
        (MISREAD, 1.0, "read the same again (as a figure printed wrong would be)"),
        (PRINTED, 0.80, "the right figure, but read with a score well under the first reading's"),
        ("52.62", 1.0, "another figure, with which the sums do not hold"),
    ],
)
def test_a_second_reading_is_taken_only_when_it_is_as_sure_and_the_sums_then_hold(planted, text, score, why):
    path, doc, first, _ = planted
    _, normalized, done = second.second_reading(path, doc, first, reread=_stand_in(text, score))
    assert done.taken == (), why
    assert _cell(normalized.facts)[0] == MISREAD
    assert second._sums(normalized)[0].height == 2
