"""Text documents: extract + transform time per document, in one process (one core)."""

from __future__ import annotations

import statistics
import time
from collections import defaultdict
from pathlib import Path

from bench.figures import Figure, baseline, ratio
from extract.documents import read_document
from transform.normalize import normalize_document

SPACE_ALIGNED = "003"  # the template whose text aligns its columns with spaces; the others use tabs
SPACE_TARGET = "<= 2"  # issue 24: the space-aligned style within twice the mean of the tab styles
TAB_SPEEDUP_TARGET = ">= 1.5"  # issue 24: the tab styles 1.5 x faster than before its work


def time_document(path: Path) -> float:
    started = time.perf_counter()
    normalize_document(read_document(path), path.name)
    return time.perf_counter() - started


def measure(corpus: Path, rows: list[dict], documents: int = 250, repeat: int = 3) -> list[Figure]:
    """The first `documents` text documents of the corpus (its templates in turn), each timed
    `repeat` times (median kept), after one warm-up pass over one document per template."""
    texts = [r for r in rows if r["style"] == "text"][:documents]
    warm = {r["template"]: r for r in texts}
    for r in warm.values():
        time_document(corpus / r["file_name"])
    per_template: dict[str, list[float]] = defaultdict(list)
    for r in texts:
        per_template[r["template"]].append(statistics.median(time_document(corpus / r["file_name"]) for _ in range(repeat)))
    every = [s for times in per_template.values() for s in times]
    mean = statistics.mean(every)
    figures = [
        Figure("1 text", f"template {t}: ms per document", 1000 * statistics.mean(s), "ms", note=f"{len(s)} documents")
        for t, s in sorted(per_template.items())
    ]
    figures.append(Figure("1 text", "mean ms per document", 1000 * mean, "ms", note=f"{len(every)} documents"))
    figures.append(Figure("1 text", "documents per second per core", 1 / mean, "docs/s", ">= 50"))
    if SPACE_ALIGNED in per_template and len(per_template) > 1:
        tabs = statistics.mean(statistics.mean(s) for t, s in per_template.items() if t != SPACE_ALIGNED)
        space = statistics.mean(per_template[SPACE_ALIGNED])
        figures.append(Figure("1 text", "mean ms per document, tab styles", 1000 * tabs, "ms"))
        figures.append(ratio("1 text", "space-aligned ms / mean of tab styles", space, tabs, SPACE_TARGET))
        before = baseline().get("1 text / mean ms per document, tab styles")
        if before:
            figures.append(
                ratio(
                    "1 text",
                    "tab styles: baseline ms / today's ms",
                    before / 1000,
                    tabs,
                    TAB_SPEEDUP_TARGET,
                    "baseline: bench/baseline.json",
                )
            )
    return figures
