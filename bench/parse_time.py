"""The parser's share of the nightly: the documents' extract + transform time in one process,
the denominator of issue 24's flow overhead (nightly wall / (this sum / workers)).

Timed on an even sample of the corpus (every k-th document, PDFs and text alike) and scaled to
the whole: the sum over 2,000 documents would cost a minute of the benchmark by itself.
"""

from __future__ import annotations

from pathlib import Path

from bench.text_docs import time_document

SAMPLE = 200  # documents timed; the estimate's spread over reruns is a few percent at this size


def parse_seconds(corpus: Path, rows: list[dict], sample: int = SAMPLE) -> tuple[float, int]:
    """(estimated sum over all documents of extract + transform seconds, documents timed)."""
    step = max(1, len(rows) // sample)
    picked = rows[::step]
    for r in {r["style"]: r for r in picked}.values():  # warm-up: imports and caches, once per style
        time_document(corpus / r["file_name"])
    timed = sum(time_document(corpus / r["file_name"]) for r in picked)
    return timed * len(rows) / len(picked), len(picked)
