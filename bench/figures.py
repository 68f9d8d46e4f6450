"""One line of the benchmark's table: what was measured, the figure, and the target it answers."""
from __future__ import annotations

import os
import platform
from dataclasses import dataclass
from importlib.metadata import version


@dataclass(frozen=True)
class Figure:
    section: str
    measure: str
    value: float
    unit: str
    target: str = ""  # e.g. '>= 50'; empty when the figure has none
    note: str = ""

    def shown(self) -> str:
        return f"{self.value:,.0f}" if abs(self.value) >= 1000 else f"{self.value:,.3g}" if self.value < 10 else f"{self.value:,.1f}"

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
    return (f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}, duckdb {version('duckdb')}, polars {version('polars')}, "
            f"prefect {version('prefect')}")


def table(figures: list[Figure]) -> str:
    """Plain text, aligned, one figure per line (Markdown-compatible pipes for the README)."""
    head = ("section", "measure", "value", "unit", "target", "met", "note")
    rows = [head, *((f.section, f.measure, f.shown(), f.unit, f.target, f.met(), f.note) for f in figures)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |" for r in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)
