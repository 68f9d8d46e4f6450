"""The nightly flow under Prefect's test harness: incremental, isolated, observable, and the
same warehouse on a Dask cluster as on local threads."""

from __future__ import annotations

import asyncio
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from prefect.client.orchestration import get_client

from common.paths import SAMPLES
from common.settings import Settings
from flows.ingest import ingest_flow, run_ingest
from load.warehouse import Warehouse
from tests.prefect_harness import harness


@pytest.fixture(scope="module", autouse=True)
def prefect_harness():
    with harness():
        yield


@pytest.fixture()
def settings(tmp_path) -> Settings:
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES, inbox)
    return Settings(
        inbox=inbox,
        warehouse=tmp_path / "w.duckdb",
        reports=tmp_path / "reports",
        quarantine=tmp_path / "quarantine",
        staging=tmp_path / "staging",
        workers=2,
    )


def _latest_summary_artifact() -> str:
    async def read():
        async with get_client() as client:
            from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

            found = await client.read_artifacts(
                artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["ingest-summary"])), sort="CREATED_DESC", limit=1
            )
            return found[0].data

    return asyncio.run(read())


def _content(path: Path) -> list[tuple]:
    """Facts and findings, without timestamps: what a run's result is."""
    with Warehouse(path, read_only=True) as wh:
        facts = wh.query("SELECT * EXCLUDE (placement) FROM fact_budget_amount ORDER BY ALL")[1]
        findings = wh.query("SELECT * EXCLUDE (validated_at) FROM dq_finding ORDER BY ALL")[1]
    return facts + findings


def test_first_run_loads_the_inbox_second_loads_nothing_and_says_so(settings):
    first = run_ingest(settings, validate_and_report=False)
    assert sorted(first.new) == sorted(p.name for p in SAMPLES.iterdir()) and first.failed == []
    assert first.facts == 1020
    assert "| new | 5 |" in _latest_summary_artifact()
    second = run_ingest(settings, validate_and_report=False)
    assert len(second.unchanged) == 5 and second.new == second.changed == [] and second.facts == 0
    assert "Nothing new or changed" in _latest_summary_artifact()
    assert not any(settings.staging.iterdir())  # the writer removed what it loaded


def test_changing_one_file_reloads_that_file_alone(settings):
    run_ingest(settings, validate_and_report=False)
    changed = next(settings.inbox.glob("004_*.txt"))
    changed.write_text(changed.read_text(encoding="utf-8").replace("609.69", "609.68", 1), encoding="utf-8")
    again = run_ingest(settings, validate_and_report=False)
    assert again.changed == [changed.name] and again.new == [] and len(again.unchanged) == 4
    with Warehouse(settings.warehouse, read_only=True) as wh:
        rows = wh.query("SELECT count(*) FROM source_document")[1]
    assert rows == [(5,)]


def test_a_broken_file_is_quarantined_while_the_rest_loads(settings):
    broken = settings.inbox / "005_broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    run = run_ingest(settings, validate_and_report=False)
    assert len(run.new) == 5 and [f.source_file for f in run.failed] == ["005_broken.pdf"]
    assert (settings.quarantine / "005_broken.pdf").read_bytes() == broken.read_bytes()
    error = (settings.quarantine / "005_broken.pdf.error.txt").read_text(encoding="utf-8")
    assert "stage: extract" in error and "corrupt or truncated" in error
    with Warehouse(settings.warehouse, read_only=True) as wh:
        [(stage, message, sha)] = wh.query("SELECT stage, message, sha256 FROM ingest_error")[1]
    assert stage == "extract" and "corrupt or truncated" in message and len(sha) == 64
    rerun = run_ingest(settings, validate_and_report=False)
    assert rerun.still_failing == ["005_broken.pdf"] and rerun.failed == [] and len(rerun.unchanged) == 5


def test_transient_read_errors_are_retried_and_then_recorded(settings, monkeypatch):
    from flows import isolation

    calls = []

    def flaky(path, sha256, *args):
        calls.append(path.name)
        raise TimeoutError(f"network share did not answer for {path.name}")

    monkeypatch.setattr(isolation, "run", flaky)
    one = settings.inbox / "lone.txt"
    one.write_text("x", encoding="utf-8")
    run = ingest_flow([one], settings.warehouse, staging_dir=settings.staging, quarantine_dir=settings.quarantine, retries=2)
    assert calls == ["lone.txt"] * 3
    [failure] = run.failed
    assert failure.stage == "read" and "after retries" in failure.message and "did not answer" in failure.message


def test_a_parser_error_is_not_retried(settings, monkeypatch):
    from flows import isolation

    calls = []

    def buggy(path, sha256, *args):
        calls.append(path.name)
        raise KeyError("a parser bug")

    monkeypatch.setattr(isolation, "run", buggy)
    one = settings.inbox / "lone.txt"
    one.write_text("x", encoding="utf-8")
    run = ingest_flow([one], settings.warehouse, staging_dir=settings.staging, retries=3)
    assert calls == ["lone.txt"]
    assert (run.failed[0].stage, run.failed[0].message) == ("extract", "internal error (KeyError: 'a parser bug')")


def test_a_local_dask_cluster_gives_the_same_warehouse_as_threads(settings, tmp_path):
    threads = run_ingest(settings)
    dask_settings = replace(settings, runner="dask", warehouse=tmp_path / "dask.duckdb", reports=tmp_path / "dask-reports")
    on_dask = run_ingest(dask_settings)
    assert sorted(on_dask.new) == sorted(threads.new) and on_dask.facts == threads.facts == 1020
    assert _content(dask_settings.warehouse) == _content(settings.warehouse)


def test_documents_are_prepared_in_batches_that_keep_every_worker_busy():
    from flows.ingest import batches

    assert [len(b) for b in batches(list(range(2000)), workers=2)] == [50] * 40
    assert [len(b) for b in batches(list(range(20)), workers=2)] == [2] * 10
    assert batches(list(range(3)), workers=2) == [[0], [1], [2]]
    assert sum(batches(list(range(2001)), workers=2), []) == list(range(2001))


def test_the_run_summary_says_where_the_time_went_phase_by_phase(settings):
    run = run_ingest(settings)
    assert [p.name for p in run.phases] == ["plan", "load", "refresh", "validation", "report", "Data Docs"]
    assert all(p.wall > 0 and p.cpu >= 0 for p in run.phases)
    assert "Time (wall, and the flow's CPU): plan " in _latest_summary_artifact()
    again = run_ingest(settings)  # nothing new: the report again, nothing loaded or validated
    assert [p.name for p in again.phases] == ["plan", "report"]


def test_validation_and_the_report_get_new_workers_not_the_parsers(settings, monkeypatch):
    """The parsers' workers keep their parses' high-water mark; they are stopped once loaded."""
    from flows import isolation

    pools = []
    real = isolation.pool

    def recording(workers, memory_mb):
        pools.append(real(workers, memory_mb))
        return pools[-1]

    monkeypatch.setattr(isolation, "pool", recording)
    run = run_ingest(settings)
    assert run.facts == 1020
    parsers, checkers = dict.fromkeys(pools)  # one pool for the parsers, one from loaded on
    assert not parsers.active and pools.index(checkers) == pools.count(parsers)
