"""Runs the project's checkpoints (one per suite) on check frames and collects the failures."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from expectations.findings import finding, most_severe

PROJECT_DIR = Path(__file__).resolve().parent
SUITES = ("documents", "structure", "tables", "pages", "rollups", "reconciliation", "reference")


@dataclass
class SuiteResult:
    suite: str
    rows: int
    evaluated: int
    failed: list[str] = field(default_factory=list)  # rules with a failed expectation


@dataclass
class Validation:
    findings: pl.DataFrame
    suites: list[SuiteResult]
    data_docs: Path | None
    issues: pl.DataFrame | None = None  # expectations/issues.py: the mistakes that explain the findings


def context(reports_dir: Path):
    """The file-based context; results and Data Docs go under reports_dir, not into the project."""
    os.environ["BUDGET_ETL_GX_RESULTS"] = str((reports_dir / "gx_results").resolve())
    os.environ["BUDGET_ETL_DATA_DOCS"] = str((reports_dir / "data_docs").resolve())
    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    import great_expectations as gx

    return gx.get_context(mode="file", project_root_dir=PROJECT_DIR)


def run(frames: dict[str, pl.DataFrame], reports_dir: Path, data_docs: bool = True) -> Validation:
    """Validate each suite's frame through its checkpoint. Failing rows become findings."""
    ctx = context(reports_dir)
    raw: list[dict] = []
    results: list[SuiteResult] = []
    for suite in SUITES:
        frame = frames.get(suite)
        if frame is None or frame.height == 0:
            results.append(SuiteResult(suite, 0, 0))
            continue
        checkpoint = ctx.checkpoints.get(suite)
        outcome = checkpoint.run(batch_parameters={"dataframe": frame.to_pandas()})
        summary = SuiteResult(suite, frame.height, 0)
        rows = frame.to_dicts()
        for validation in outcome.run_results.values():
            for result in validation.results:
                summary.evaluated += 1
                if result.success:
                    continue
                if result.exception_info and result.exception_info.get("raised_exception"):
                    raise RuntimeError(
                        f"expectation {result.expectation_config.type} of suite {suite} could not run: "
                        f"{result.exception_info.get('exception_message')}"
                    )
                config = result.expectation_config.to_json_dict()
                summary.failed.append(config["meta"].get("rule", config["type"]))
                for index in result.result.get("unexpected_index_list") or []:
                    raw.append({**finding(suite, config, rows[index]), "_item": index})
        results.append(summary)
    return Validation(most_severe(raw), results, build_data_docs(reports_dir) if data_docs else None)


def build_data_docs(reports_dir: Path) -> Path:
    context(reports_dir).build_data_docs()
    return reports_dir / "data_docs" / "index.html"


def combine(passes: list[Validation], reports_dir: Path, data_docs: bool = True) -> Validation:
    """The validations of several passes over different documents as one: findings (and issues)
    of all, per suite the rows checked summed, the expectations evaluated of a pass, the failed
    rules of any; Data Docs built once, at the end."""
    suites = []
    for name in SUITES:
        of_suite = [s for v in passes for s in v.suites if s.suite == name]
        suites.append(
            SuiteResult(
                name,
                sum(s.rows for s in of_suite),
                max((s.evaluated for s in of_suite), default=0),
                [rule for s in of_suite for rule in s.failed],
            )
        )
    findings = pl.concat([v.findings for v in passes], how="diagonal_relaxed") if passes else most_severe([])
    issues = [v.issues for v in passes if v.issues is not None]
    return Validation(
        findings,
        suites,
        build_data_docs(reports_dir) if data_docs else None,
        pl.concat(issues, how="diagonal_relaxed") if len(issues) == len(passes) and issues else None,
    )
