"""Scanned disclosures: pages per minute, facts identical to the text layer, figures proven.

The committed scan of 004 (tests/fixtures/pdf/004_split_codes_ruled_scan.pdf: its first nine pages
at 150 dpi, grey, turned, noisy) is read by OCR and normalized; its facts are compared with those of
the text-layer original's same pages, and the document's sums are checked to count the OCR'd
figures they prove (expectations/checks/ocr_proof.py). The corpus page images are read against their
text layer (bench/ocr_accuracy.py). ``python -m bench.ocr_scans`` prints the figures alone.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import polars as pl

from bench.figures import Figure, table
from bench.ocr_accuracy import DEFAULT as PAGE_IMAGES
from bench.ocr_accuracy import char_accuracy, exact_amounts, squash
from expectations.checks.ocr_proof import PROVEN, SCAN_SAME_AS_TEXT, ocr_proofs
from expectations.checks.reconcile import reconcile_comparisons
from expectations.checks.rollups import rollup_comparisons
from expectations.checks.structure import fact_rows
from extract.documents import read_document
from extract.pdf_document import parse_pdf_pages
from extract.pdf_reader import read_pages
from flows.second_reading import second_reading
from transform.normalize import normalize_document

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "pdf"
SCAN, ORIGINAL, PAGES = "004_split_codes_ruled_scan.pdf", "004_split_codes_ruled.pdf", 9
SAME = SCAN_SAME_AS_TEXT


def _check_rows(norm) -> pl.DataFrame:
    tables = norm.tables.select("table_index", pl.col("title").alias("table_title"), "statement")
    return fact_rows(norm.facts.join(tables, on="table_index"))


def measure() -> list[Figure]:
    figures = []
    started = time.perf_counter()
    doc = read_document(FIXTURES / SCAN)
    _, scan, _ = second_reading(FIXTURES / SCAN, doc, normalize_document(doc, SCAN))  # as the worker does
    seconds = time.perf_counter() - started
    text = normalize_document(parse_pdf_pages(read_pages(FIXTURES / ORIGINAL)[:PAGES], ORIGINAL), ORIGINAL)
    a, b = text.facts.select(SAME), scan.facts.select(SAME)
    identical = a.height - a.join(b, on=SAME, how="anti", nulls_equal=True).height
    rows = _check_rows(scan)
    proofs = ocr_proofs(rows, [rollup_comparisons(rows), reconcile_comparisons(rows)])
    proven = proofs.filter(pl.col("ocr_proof") == PROVEN).height
    figures += [
        Figure(
            "6 ocr",
            "scan of 004 (150 dpi): pages per minute",
            60 * PAGES / seconds,
            "pages/min",
            "",
            f"{seconds / PAGES:.1f} s a page, read + layout + normalize + second reading",
        ),
        Figure(
            "6 ocr",
            "scan of 004: facts identical to the text layer",
            100 * identical / max(a.height, 1),
            "%",
            ">= 99.5",
            f"{identical} of {a.height}; scan gives {b.height}",
        ),
        Figure(
            "6 ocr",
            "scan of 004: OCR'd facts proven by a sum",
            100 * proven / max(proofs.height, 1),
            "%",
            "",
            f"{proven} of {proofs.height}; the others are ocr_unverified warnings",
        ),
    ]
    if PAGE_IMAGES.is_dir():
        truth = {p["page"]: p["text"] for p in json.loads((PAGE_IMAGES / "pages_text.json").read_text(encoding="utf-8"))}
        right = chars = exact = amounts = 0
        started = time.perf_counter()
        images = sorted(PAGE_IMAGES.glob("*.png"))
        for path in images:
            page = int(path.stem.rsplit("p", 1)[-1])
            read = "\n".join(t for _, _, t in read_document(path).text_lines)
            n = len(squash(truth[page]))
            right += char_accuracy(read, truth[page]) * n
            chars += n
            e, m = exact_amounts(read, truth[page])
            exact += e
            amounts += m
        seconds = time.perf_counter() - started
        figures += [
            Figure(
                "6 ocr",
                "corpus page images: pages per minute",
                60 * len(images) / seconds,
                "pages/min",
                "",
                f"{len(images)} pages of 1684 × 1191 px, mostly narrative",
            ),
            Figure("6 ocr", "corpus page images: characters read right", 100 * right / max(chars, 1), "%", "", f"of {chars}"),
            Figure(
                "6 ocr",
                "corpus page images: amounts read exactly",
                100 * exact / max(amounts, 1),
                "%",
                "",
                f"{exact} of {amounts} in pages_text.json",
            ),
        ]
    return figures


if __name__ == "__main__":
    print(table(measure()))
