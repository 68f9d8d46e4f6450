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
# Runs whose results the Data Docs keep (a month of nightly runs; the warehouse keeps every
# document's findings, the quality report is each run's own). Kept without end, and the whole
# site rebuilt each run, the build grew ~85 ms a stored run (7 suites: 0.54 s over one run's
# results, 2.99 s over 30) and the store without bound; only this run's pages drawn, 0.37 s over
# one, 0.72 over 30 (its index lists every run kept; issue 24).
RUNS_KEPT = 30


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
    stored = []
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
        stored.append(key)
    _forget_old_runs(ctx.validation_results_store, reports_dir)
    # this run's pages and the suites' (the earlier runs' pages are drawn already), and the index
    ctx.build_data_docs(resource_identifiers=[*stored, *(ExpectationSuiteIdentifier(name=s) for s in tallies)])
    return reports_dir / "data_docs" / "index.html"


def _forget_old_runs(results, reports_dir: Path) -> None:
    """All but the newest RUNS_KEPT runs' validation results removed from the store and their pages
    from the site (laid out as GX's HtmlSiteStore lays them: validations/<key>.html), and the
    folders that held them (GX 1.24's own removal leaves them: its empty-folder test never holds)."""
    from great_expectations.data_context.store.tuple_store_backend import TupleFilesystemStoreBackend

    keys = results.list_keys()
    runs = sorted({key.to_tuple()[2] for key in keys}, reverse=True)  # run times, as sortable text
    old = set(runs[RUNS_KEPT:])
    if not old:
        return
    site = reports_dir / "data_docs"
    pages = TupleFilesystemStoreBackend(
        base_directory=str(site), filepath_prefix="validations", filepath_suffix=".html", suppress_store_backend_id=True
    )
    for key in keys:
        where = key.to_tuple()
        if where[2] in old:
            results.remove_key(key)
            pages.remove_key(where)
            for root in (reports_dir / "gx_results", site / "validations"):
                _remove_empty(root.joinpath(*where[:3]), root)


def _remove_empty(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
