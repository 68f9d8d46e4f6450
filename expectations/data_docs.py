"""Great Expectations Data Docs of a validation run: the engine's outcomes stored as GX
validation results (one per suite a run), then GX's own site builder renders them.

GX is imported here only, once a run, for the documentation: the checks themselves run in
expectations/engine.py, which tests/expectations/test_engine_matches_gx.py holds to GX's results.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

GX_DIR = Path(__file__).resolve().parent / "gx"
PARTIAL_VALUES = 20  # GX's partial_unexpected_list holds the first 20 failing values (its SUMMARY format)


@dataclass
class Tally:
    """One expectation's outcome over a run's passes, kept small (counts and a few values)."""

    expectation: dict
    element_count: int = 0
    evaluated: int = 0
    unexpected_count: int = 0
    partial: list = field(default_factory=list)

    def add(self, element_count: int, evaluated: int, unexpected_values: list) -> None:
        self.element_count += element_count
        self.evaluated += evaluated
        self.unexpected_count += len(unexpected_values)
        self.partial += unexpected_values[: PARTIAL_VALUES - len(self.partial)]

    def merge(self, other: Tally) -> None:
        self.element_count += other.element_count
        self.evaluated += other.evaluated
        self.unexpected_count += other.unexpected_count
        self.partial += other.partial[: PARTIAL_VALUES - len(self.partial)]

    def result(self) -> dict:
        percent = 100.0 * self.unexpected_count / self.evaluated if self.evaluated else 0.0
        return {
            "element_count": self.element_count,
            "unexpected_count": self.unexpected_count,
            "unexpected_percent": percent,
            "partial_unexpected_list": self.partial,
        }


def context(reports_dir: Path):
    """The file-based context; results and Data Docs go under reports_dir, not into the project."""
    os.environ["BUDGET_ETL_GX_RESULTS"] = str((reports_dir / "gx_results").resolve())
    os.environ["BUDGET_ETL_DATA_DOCS"] = str((reports_dir / "data_docs").resolve())
    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    import great_expectations as gx

    return gx.get_context(mode="file", project_root_dir=GX_DIR.parent)


@cache
def asset(suite: str) -> str:
    """The data asset a suite's validation definition names (the frame it checks)."""
    definition = json.loads((GX_DIR / "validation_definitions" / f"{suite}.json").read_text(encoding="utf-8"))
    return definition["data"]["asset"]["name"]


def build(tallies: dict[str, list[Tally]], reports_dir: Path) -> Path:
    """Store each suite's outcome of this run as a GX validation result and rebuild the site."""
    from great_expectations.core.expectation_validation_result import (
        ExpectationSuiteValidationResult,
        ExpectationValidationResult,
    )
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    ctx = context(reports_dir)
    run_id = RunIdentifier(run_time=datetime.now(UTC))
    for suite, outcomes in tallies.items():
        if not outcomes:
            continue
        results = [
            ExpectationValidationResult(
                success=t.unexpected_count == 0,
                expectation_config=ExpectationConfiguration(
                    type=t.expectation["type"],
                    kwargs=t.expectation["kwargs"],
                    meta=t.expectation.get("meta"),
                    severity=t.expectation.get("severity", "critical"),
                    id=t.expectation.get("id"),
                ),
                result=t.result(),
            )
            for t in outcomes
        ]
        passed = sum(r.success for r in results)
        batch = f"check_frames-{asset(suite)}"
        validation = ExpectationSuiteValidationResult(
            success=passed == len(results),
            results=results,
            suite_name=suite,
            statistics={
                "evaluated_expectations": len(results),
                "successful_expectations": passed,
                "unsuccessful_expectations": len(results) - passed,
                "success_percent": 100.0 * passed / len(results),
            },
            meta={
                "run_id": run_id.to_json_dict(),
                "validation_time": run_id.run_time.isoformat(),
                "active_batch_definition": {"datasource_name": "check_frames", "data_asset_name": asset(suite)},
                "engine": "expectations/engine.py (polars)",
            },
            batch_id=batch,
        )
        key = ValidationResultIdentifier(ExpectationSuiteIdentifier(name=suite), run_id, batch)
        ctx.validation_results_store.set(key, validation)
    ctx.build_data_docs()
    return reports_dir / "data_docs" / "index.html"
