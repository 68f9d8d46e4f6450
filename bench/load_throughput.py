"""Load throughput: normalized documents written into a fresh DuckDB warehouse the way the
flow's single writer does it (one transaction per document), facts per second."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.figures import Figure
from flows import steps
from load.warehouse import Warehouse


def measure(corpus: Path, rows: list[dict], documents: int = 300) -> list[Figure]:
    texts = [r for r in rows if r["style"] == "text"][:documents]
    prepared = [steps.prepare(path, steps.fingerprint(path)) for path in (corpus / r["file_name"] for r in texts)]
    facts = sum(p.normalized.facts.height for p in prepared)
    with tempfile.TemporaryDirectory() as tmp:
        summary = steps.RunSummary()
        with Warehouse(Path(tmp) / "load.duckdb") as wh:
            started = time.perf_counter()
            for p in prepared:
                steps.store(wh, p, summary, previously_loaded=False)
            seconds = time.perf_counter() - started
    return [
        Figure(
            "5 load",
            "facts per second",
            facts / seconds,
            "facts/s",
            note=f"{facts:,} facts of {len(prepared)} documents in {seconds:.2f} s",
        ),
        Figure("5 load", "ms per document", 1000 * seconds / len(prepared), "ms"),
    ]
