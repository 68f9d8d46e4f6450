"""One line of the benchmark's table: what was measured, the figure, and the target it answers."""

from __future__ import annotations

import json
import os
import platform
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

# The figures of the code before issue 24's work, measured by this suite on the unchanged code
# (bench/baseline.json, by "section / measure"): the table shows them beside today's.
BASELINE = Path(__file__).resolve().parent / "baseline.json"


@dataclass(frozen=True)
class Figure:
    section: str
    measure: str
    value: float
    unit: str
    target: str = ""  # e.g. '>= 50'; empty when the figure has none
    note: str = ""

    def shown(self) -> str:
        return (
            f"{self.value:,.0f}" if abs(self.value) >= 1000 else f"{self.value:,.3g}" if self.value < 10 else f"{self.value:,.1f}"
        )

    @property
    def key(self) -> str:
        return f"{self.section} / {self.measure}"

    def met(self) -> str:
        if not self.target:
            return ""
        op, limit = self.target.split()
        limit = float(limit)
        return "yes" if (self.value >= limit if op == ">=" else self.value <= limit) else "NO"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as fh:
            cpu = next(line.split(":", 1)[1].strip() for line in fh if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, duckdb {version('duckdb')}, polars {version('polars')}, "
        f"prefect {version('prefect')}"
    )


def ratio(section: str, measure: str, numerator: float, denominator: float, target: str = "", note: str = "") -> Figure:
    """A figure judged as a ratio of two measured in the same run (absolute seconds move by a
    third between runs and machines; their ratios much less)."""
    return Figure(section, measure, numerator / denominator if denominator else float("inf"), "ratio", target, note)


def baseline() -> dict[str, float]:
    return json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}


def record_baseline(figures: list[Figure]) -> None:
    BASELINE.write_text(json.dumps({f.key: f.value for f in figures}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def table(figures: list[Figure], before: dict[str, float] | None = None) -> str:
    """Plain text, aligned, one figure per line (Markdown-compatible pipes for the README); with
    `before`, the baseline's figure beside each."""
    before = baseline() if before is None else before
    head = ("section", "measure", "before", "value", "unit", "target", "met", "note")
    rows = [
        head,
        *((f.section, f.measure, _shown(before.get(f.key)), f.shown(), f.unit, f.target, f.met(), f.note) for f in figures),
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |" for r in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def _shown(value: float | None) -> str:
    return "" if value is None else Figure("", "", value, "").shown()
