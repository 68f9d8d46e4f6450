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
