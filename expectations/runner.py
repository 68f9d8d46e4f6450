"""Runs each suite's expectations on its check frame (expectations/engine.py) and collects the
failures; Data Docs (expectations/data_docs.py) are written from the same outcomes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from expectations import data_docs as docs
from expectations import engine
from expectations.findings import COMPARISON_SUITES, finding, most_severe, most_severe_rows

SUITES = ("documents", "structure", "tables", "pages", "rollups", "reconciliation", "reference")


@dataclass
class SuiteResult:
    suite: str
    rows: int
    evaluated: int
    failed: list[str] = field(default_factory=list)  # rules with a failed expectation
    tallies: list[docs.Tally] = field(default_factory=list)  # per expectation, for Data Docs


@dataclass
class Validation:
    findings: pl.DataFrame
    suites: list[SuiteResult]
    data_docs: Path | None
    issues: pl.DataFrame | None = None  # expectations/issues.py: the mistakes that explain the findings


def run(frames: dict[str, pl.DataFrame], reports_dir: Path | None, data_docs: bool = True) -> Validation:
    """Evaluate each suite on its frame. Failing rows become findings (and Data Docs in
    `reports_dir`, when `data_docs`)."""
    raw: list[dict] = []
    results: list[SuiteResult] = []
    for suite in SUITES:
        frame = frames.get(suite)
        if frame is None or frame.height == 0:
            results.append(SuiteResult(suite, 0, 0))
            continue
        summary = SuiteResult(suite, frame.height, 0)
        outcomes = engine.evaluate(suite, frame)
        failed = [o for o in outcomes if not o.success]
        rules = frame["rule"] if suite in COMPARISON_SUITES else None
        kept = iter(most_severe_rows(suite, [(o.expectation, o.unexpected, _gathered(rules, o.unexpected)) for o in failed]))
        for outcome in outcomes:
            summary.evaluated += 1
            tally = docs.Tally(outcome.expectation)
            tally.add(outcome.element_count, outcome.evaluated, _shown(outcome.expectation, frame, outcome.unexpected))
            summary.tallies.append(tally)
            if outcome.success:
                continue
            summary.failed.append(outcome.expectation["meta"].get("rule", outcome.expectation["type"]))
            rows = next(kept)  # the failing rows whose finding is the most severe of their item and rule
            raw += [
                {**finding(suite, outcome.expectation, row), "_item": i}
                for i, row in zip(rows, frame[rows].to_dicts() if rows else [])
            ]
        results.append(summary)
    validation = Validation(most_severe(raw), results, None)
    if data_docs:
        validation.data_docs = build_data_docs(results, reports_dir)
    return validation


def _gathered(column: pl.Series | None, rows: list[int]) -> list | None:
    return None if column is None else column.gather(rows).to_list()


def _shown(expectation: dict, frame: pl.DataFrame, rows: list[int]) -> list:
    """The values Data Docs show for the failing rows: their column's, or the pair's (a column the
    frame lacks shows None)."""
    if not rows:
        return []
    kwargs = expectation["kwargs"]

    def values(column: str) -> list:
        return _gathered(frame[column], rows) if column in frame.columns else [None] * len(rows)

    if "column" in kwargs:
        return values(kwargs["column"])
    if "column_A" in kwargs:
        return [list(pair) for pair in zip(values(kwargs["column_A"]), values(kwargs["column_B"]))]
    return [list(v) for v in zip(*(values(c) for c in kwargs.get("column_list", [])))] or [[] for _ in rows]


def build_data_docs(suites: list[SuiteResult], reports_dir: Path) -> Path:
    return docs.build({s.suite: s.tallies for s in suites}, reports_dir)


class Combined:
    """The validations of passes over different documents, folded in as each pass finishes: per
    suite the rows checked summed, the expectations evaluated of a pass, the failed rules of any,
    each expectation's tally summed (one a suite's expectation, its values capped); the findings
    (and issues) of all. Each pass's own results kept to the end grew with the run: ~4 MiB a
    2,000 synthetic documents in the writer, ~40 at 20,000 (issue 24)."""

    def __init__(self) -> None:
        self._suites = {name: SuiteResult(name, 0, 0) for name in SUITES}
        self._tallies: dict[str, dict[str, docs.Tally]] = {name: {} for name in SUITES}
        self._findings: list[pl.DataFrame] = []
        self._issues: list[pl.DataFrame] = []
        self._passes = 0

    def add(self, validation: Validation) -> None:
        for s in validation.suites:
            total = self._suites[s.suite]
            total.rows += s.rows
            total.evaluated = max(total.evaluated, s.evaluated)
            total.failed += s.failed
            tallies = self._tallies[s.suite]
            for t in s.tallies:
                tallies.setdefault(t.expectation["id"], docs.Tally(t.expectation)).merge(t)
        self._findings.append(validation.findings)
        if validation.issues is not None:
            self._issues.append(validation.issues)
        self._passes += 1

    def result(self, reports_dir: Path, data_docs: bool = True) -> Validation:
        suites = [
            SuiteResult(s.suite, s.rows, s.evaluated, list(s.failed), list(self._tallies[s.suite].values()))
            for s in self._suites.values()
        ]
        return Validation(
            pl.concat(self._findings, how="diagonal_relaxed") if self._findings else most_severe([]),
            suites,
            build_data_docs(suites, reports_dir) if data_docs else None,
            pl.concat(self._issues, how="diagonal_relaxed") if self._issues and len(self._issues) == self._passes else None,
        )
