"""Runs each suite's expectations on its check frame (expectations/engine.py) and collects the
failures; Data Docs (expectations/data_docs.py) are written from the same outcomes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from expectations import data_docs as docs
from expectations import engine
from expectations.findings import finding, most_severe

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


def run(frames: dict[str, pl.DataFrame], reports_dir: Path, data_docs: bool = True) -> Validation:
    """Evaluate each suite on its frame. Failing rows become findings."""
    raw: list[dict] = []
    results: list[SuiteResult] = []
    for suite in SUITES:
        frame = frames.get(suite)
        if frame is None or frame.height == 0:
            results.append(SuiteResult(suite, 0, 0))
            continue
        summary = SuiteResult(suite, frame.height, 0)
        for outcome in engine.evaluate(suite, frame):
            summary.evaluated += 1
            tally = docs.Tally(outcome.expectation)
            failing = frame[outcome.unexpected].to_dicts() if outcome.unexpected else []
            tally.add(outcome.element_count, outcome.evaluated, [_shown(outcome.expectation, r) for r in failing])
            summary.tallies.append(tally)
            if outcome.success:
                continue
            summary.failed.append(outcome.expectation["meta"].get("rule", outcome.expectation["type"]))
            raw += [{**finding(suite, outcome.expectation, row), "_item": i} for i, row in zip(outcome.unexpected, failing)]
        results.append(summary)
    validation = Validation(most_severe(raw), results, None)
    if data_docs:
        validation.data_docs = build_data_docs(results, reports_dir)
    return validation


def _shown(expectation: dict, row: dict):
    """The value Data Docs show for a failing row: its column's, or the pair's."""
    kwargs = expectation["kwargs"]
    if "column" in kwargs:
        return row.get(kwargs["column"])
    if "column_A" in kwargs:
        return [row.get(kwargs["column_A"]), row.get(kwargs["column_B"])]
    return [row.get(c) for c in kwargs.get("column_list", [])]


def build_data_docs(suites: list[SuiteResult], reports_dir: Path) -> Path:
    return docs.build({s.suite: s.tallies for s in suites}, reports_dir)


def combine(passes: list[Validation], reports_dir: Path, data_docs: bool = True) -> Validation:
    """The validations of several passes over different documents as one: findings (and issues)
    of all, per suite the rows checked summed, the expectations evaluated of a pass, the failed
    rules of any, each expectation's tally summed; Data Docs built once, at the end."""
    suites = []
    for name in SUITES:
        of_suite = [s for v in passes for s in v.suites if s.suite == name]
        tallies: dict[str, docs.Tally] = {}
        for s in of_suite:
            for t in s.tallies:
                tallies.setdefault(t.expectation["id"], docs.Tally(t.expectation)).merge(t)
        suites.append(
            SuiteResult(
                name,
                sum(s.rows for s in of_suite),
                max((s.evaluated for s in of_suite), default=0),
                [rule for s in of_suite for rule in s.failed],
                list(tallies.values()),
            )
        )
    findings = pl.concat([v.findings for v in passes], how="diagonal_relaxed") if passes else most_severe([])
    issues = [v.issues for v in passes if v.issues is not None]
    return Validation(
        findings,
        suites,
        build_data_docs(suites, reports_dir) if data_docs else None,
        pl.concat(issues, how="diagonal_relaxed") if len(issues) == len(passes) and issues else None,
    )
