"""Which files a run must prepare, and the run with nothing to prepare.

Without Prefect, polars or the parsers (nothing here imports them): `budget-etl ingest` asks
`unchanged_run` first and, when every file is loaded unchanged (or failed unchanged) and the
quality report was written after the warehouse's content last changed, prints its summary without starting the flow; the
flow's start-up alone (Prefect, the parsers, Great Expectations) was most of that run's time.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from common.version import PARSER_VERSION
from flows import steps
from load import fingerprints

REPORT_FILES = ("quality_report.html", "quality_report.md")  # what expectations/report.py writes


def plan(
    warehouse_path: Path, files: list[Path], force: bool, summary: steps.RunSummary, known: tuple[dict, dict] | None = None
) -> list[tuple[Path, str, bool]]:
    """(file, sha256, loaded before) of the files to prepare; the others are counted as skipped.
    `known`: the warehouse's (loaded, failed) fingerprints when already read."""
    todo: list[tuple[Path, str, bool]] = []
    loaded, failed = known or ({}, {})
    if known is None and warehouse_path.exists():
        loaded, failed = fingerprints.of_warehouse(warehouse_path)
    for path in files:
        sha = steps.fingerprint(path)
        if not force and loaded.get(path.name) == (sha, PARSER_VERSION):
            summary.unchanged.append(path.name)
        elif not force and failed.get(path.name) == (sha, PARSER_VERSION):
            summary.still_failing.append(path.name)
        else:
            todo.append((path, sha, path.name in loaded))
    return todo


def unchanged_run(warehouse_path: Path, paths: list[Path], reports_dir: Path | None) -> steps.RunSummary | None:
    """The summary of a run with nothing to do, or None when the flow has work (a file to
    prepare, one to refuse, no warehouse yet, a run writing it, or a quality report missing or
    older than the warehouse's content)."""
    warehouse_path = Path(warehouse_path)
    if not warehouse_path.exists() or warehouse_path.with_name(warehouse_path.name + ".working").exists():
        return None
    reports = [Path(reports_dir) / name for name in REPORT_FILES] if reports_dir is not None else []
    if any(not r.exists() for r in reports):
        return None
    loaded, failed, changed = fingerprints.with_last_written(warehouse_path)
    if changed is not None and any(_utc_mtime(r) < changed for r in reports):
        return None
    found = steps.discover([Path(p) for p in paths])
    if found.refused:
        return None
    summary = steps.RunSummary(duplicates=found.duplicates, ignored=found.ignored)
    if plan(warehouse_path, found.files, False, summary, (loaded, failed)):
        return None
    summary.report = tuple(reports) if reports else None
    return summary


def _utc_mtime(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, UTC).replace(tzinfo=None)
