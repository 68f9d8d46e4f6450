"""Where a run's time went: each phase's wall seconds and the flow process's CPU seconds (all
its threads: the writer, Prefect's client, DuckDB's and polars' own), in the run summary the
terminal prints and the Prefect artifact shows, and what `make bench` reads of a nightly run.

The parsers' workers are not counted in the CPU: while loading, the flow's CPU is the writer's
share, and a phase whose wall is far above its flow CPU waited for the workers (issue 24: the
loading, parse-bound, 39.5 s of a 2,000-document run against 7.3 s of the flow's CPU)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class Phase:
    name: str
    wall: float  # s
    cpu: float  # s of the flow's process


@contextmanager
def timed(phases: list[Phase], name: str) -> Iterator[None]:
    """Appends the phase to `phases` when the block ends (also when it raises)."""
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        yield
    finally:
        phases.append(Phase(name, time.perf_counter() - wall, time.process_time() - cpu))


PREFIX = "time:"


def line(phases: list[Phase]) -> str:
    """'time: load 69.1 s (flow CPU 20.3 s) · refresh 0.4 s (0.4 s) · …', a phase run twice summed."""
    merged: dict[str, list[float]] = {}
    for p in phases:
        wall_cpu = merged.setdefault(p.name, [0.0, 0.0])
        wall_cpu[0] += p.wall
        wall_cpu[1] += p.cpu
    parts = [
        f"{name} {wall:.1f} s ({'flow CPU ' if i == 0 else ''}{cpu:.1f} s)"
        for i, (name, (wall, cpu)) in enumerate(merged.items())
    ]
    return f"{PREFIX} " + " · ".join(parts)


_PART = re.compile(r"([\w ]+?) (\d+(?:\.\d+)?) s \((?:flow CPU )?(\d+(?:\.\d+)?) s\)")


def parse(text: str) -> dict[str, tuple[float, float]]:
    """The phases of a `line` found in a run's output: name -> (wall s, flow CPU s); {} if none."""
    found = next((row for row in text.splitlines() if row.startswith(PREFIX)), None)
    if found is None:
        return {}
    return {m[1].strip(): (float(m[2]), float(m[3])) for m in _PART.finditer(found[len(PREFIX) :])}
