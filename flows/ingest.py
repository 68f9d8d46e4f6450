"""The ingestion flow: discover -> fingerprint -> prepare in parallel batches (staged as Arrow IPC files)
-> one writer loads -> validation -> quality report -> run summary (terminal and Prefect artifact).

`run_ingest(settings)` picks the task runner (threads, processes or a Dask cluster) from the
settings; `nightly` is the flow a deployment schedules: it reads the settings and runs it.
"""

from __future__ import annotations

from collections import deque
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.tasks import exponential_backoff
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from common import settings as config
from expectations import report, runner
from flows import isolation, staging, steps
from flows.phases import timed
from flows.plan import plan
from flows.quarantine import quarantine
from flows.runners import task_runner
from flows.summary import summary_markdown
from flows.validate import validate, warm_up
from load import fingerprints, single_writer
from load.staged import StagedStream
from load.warehouse import Warehouse


def _transient(task, task_run, state) -> bool:
    """Retry only I/O that may pass; a parser's error or bug fails at once."""
    return steps.is_transient(state.result(raise_on_failure=False))


@task(
    name="prepare-document", retries=3, retry_delay_seconds=exponential_backoff(backoff_factor=1), retry_condition_fn=_transient
)
def prepare_task(
    path: Path, sha256: str, staging_dir: Path, limits: isolation.Limits, workers: int
) -> staging.Staged | steps.Failure:
    """One document again, with Prefect's retries: for a file whose first attempt (in its
    batch) met a transient I/O error."""
    return isolation.run(path, sha256, staging_dir, limits, workers)


@task(name="prepare-documents")
def prepare_batch(
    batch: list[tuple[Path, str]], staging_dir: Path, limits: isolation.Limits, workers: int
) -> list[staging.Staged | steps.Failure | Exception]:
    """A batch of documents, `workers` at a time: a Prefect task costs ~15 ms of the flow's
    CPU, more than a text document takes to prepare. An exception is returned with its
    document (a transient one is retried alone by `prepare_task`), never raised for the batch."""

    def attempt(item: tuple[Path, str]) -> staging.Staged | steps.Failure | Exception:
        try:
            return isolation.run(*item, staging_dir, limits, workers)
        except Exception as exc:
            return exc

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="prepare") as pool:
        return list(pool.map(attempt, batch))


def batches(todo: list, workers: int, largest: int = 50) -> list[list]:
    """Consecutive batches, small enough that loading starts early and every worker has some."""
    size = max(1, min(largest, len(todo) // (4 * max(workers, 1))))
    return [todo[i : i + size] for i in range(0, len(todo), size)]


@flow(name="ingest-disclosures", log_prints=True)
def ingest_flow(
    paths: list[Path],
    warehouse_path: Path,
    force: bool = False,
    show_progress: bool = False,
    reports_dir: Path | None = None,
    quarantine_dir: Path | None = None,
    staging_dir: Path | None = None,
    retries: int = 3,
    limits: isolation.Limits = isolation.Limits(),
    workers: int = 1,
    lock_wait: float = 0,
) -> steps.RunSummary:
    """Ingest every disclosure under `paths` (unchanged files, and unchanged files that failed
    before, are skipped), validate what was loaded and write the quality report to `reports_dir`.

    The run holds the warehouse's writer lock throughout and writes to a working copy that is
    published when the run completes (load/single_writer.py): readers are never blocked."""
    warehouse_path = Path(warehouse_path)
    staging_dir = Path(staging_dir or config.Settings().staging)
    summary = steps.RunSummary()
    with single_writer.exclusive(warehouse_path, lock_wait):
        with timed(summary.phases, "plan"):
            found = steps.discover([Path(p) for p in paths])
            summary.duplicates, summary.ignored = found.duplicates, found.ignored
            todo = plan(warehouse_path, found.files, force, summary)
        if todo or found.refused or not warehouse_path.exists():
            with single_writer.working_copy(warehouse_path) as work:
                with Warehouse(work) as wh:
                    with timed(summary.phases, "load"):
                        for refused in found.refused:
                            _write(wh, Path(refused.path), refused.sha256, refused, summary, False, quarantine_dir)
                        _load(wh, todo, summary, staging_dir, limits, workers, retries, quarantine_dir, show_progress)
                    # The parsers' workers are let go: each keeps the high-water mark of its parses
                    # (~220 MiB after 2,000 synthetic documents, ~275 once validating, against ~185 for
                    # a new one), held through the refresh, validation and report. New ones start
                    # now, their imports while the dimensions are rebuilt.
                    isolation.shutdown()
                    if reports_dir is not None and (summary.new or summary.changed) and workers > 1:
                        warm_up(workers, limits)
                    with timed(summary.phases, "refresh"):
                        wh.refresh_dimensions()
                    _validate_and_report(wh, summary, reports_dir, workers, limits)
            fingerprints.remember(warehouse_path)  # for the next run's nothing-changed check
        elif reports_dir is not None:
            with Warehouse(warehouse_path, read_only=True) as wh:
                _validate_and_report(wh, summary, reports_dir, workers, limits)
    create_markdown_artifact(
        summary_markdown(summary),
        key="ingest-summary",
        description="Documents new/changed/skipped/failed, facts and findings of this run",
    )
    return summary


def _load(
    wh: Warehouse,
    todo: list[tuple[Path, str, bool]],
    summary: steps.RunSummary,
    staging_dir: Path,
    limits: isolation.Limits,
    workers: int,
    retries: int,
    quarantine_dir: Path | None,
    show_progress: bool,
) -> None:
    """Prepare the files in parallel tasks; this one writer loads each as it is ready, in order.
    A batch's future is let go once loaded: holding them all kept every document's results (their
    stats, ~8 KiB a document unpickled) to the end of the run, 160 MiB at 20,000 (issue 24)."""
    futures = deque(
        (batch, prepare_batch.submit([(path, sha) for path, sha, _ in batch], staging_dir, limits, workers))
        for batch in batches(todo, workers)
    )
    with (
        Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            disable=not show_progress,
            transient=False,
        ) as progress,
        staging.Discarder() as discard,
        wh.loading(),
    ):
        bar = progress.add_task("loading documents", total=len(todo))
        while futures:
            batch, future = futures.popleft()
            results = future.result(raise_on_failure=False)
            if isinstance(results, BaseException):  # the batch itself broke: each document says so
                results = [results] * len(batch)
            done = []
            for (path, sha, previously), result in zip(batch, results):
                if retries and steps.is_transient(result):
                    result = (
                        prepare_task.with_options(retries=retries - 1)
                        .submit(path, sha, staging_dir, limits, workers)
                        .result(raise_on_failure=False)
                    )
                done.append((path, sha, previously, result))
            progress.update(bar, description=f"loading {escape(batch[0][0].name)} …")
            _write_batch(wh, done, summary, quarantine_dir, discard)
            progress.advance(bar, len(batch))
        progress.update(bar, description="loaded")


def _validate_and_report(
    wh: Warehouse, summary: steps.RunSummary, reports_dir: Path | None, workers: int, limits: isolation.Limits
) -> None:
    if reports_dir is None:
        return
    loaded = summary.new + summary.changed
    if loaded:
        # the single writer validates what it loaded (its checks in the new workers)
        with timed(summary.phases, "validation"), wh.small_buffer():
            summary.validation = validate(wh, loaded, reports_dir, data_docs=False, workers=workers, limits=limits)
    with timed(summary.phases, "report"):
        gathered = report.gather(wh, reports_dir / "data_docs" / "index.html")
        pool = isolation.pool(workers, limits.memory_mb) if loaded and workers > 1 else None  # draws new report parts
        summary.report = report.write(gathered, reports_dir, pool, workers)
        # The workers are done: their ~200 MiB each is not held through Data Docs (GX's import alone
        # is ~250 MiB), the run's memory peak before issue 24 (a run of `serve` starts them again, ~2 s).
        isolation.shutdown()
    if loaded:
        with timed(summary.phases, "Data Docs"):
            summary.validation.data_docs = runner.build_data_docs(summary.validation.suites, reports_dir)


def _write_batch(
    wh: Warehouse,
    done: list[tuple[Path, str, bool, object]],
    summary: steps.RunSummary,
    quarantine_dir: Path | None,
    discard=staging.discard,
) -> None:
    """A batch's staged documents in one transaction (each table appended once); failures are
    recorded one by one. Should the batch not load, its documents are loaded one at a time, so
    only the one that breaks fails."""
    staged = [
        (path, sha, previously, r) for path, sha, previously, r in done if isinstance(r, staging.Staged) and r.stats is not None
    ]
    for path, sha, previously, result in done:
        if not any(result is s[3] for s in staged):
            _write(wh, path, sha, result, summary, previously, quarantine_dir)
    if not staged:
        return
    streams: dict[str, list[StagedStream]] = {}
    for *_, result in staged:
        for table, stream in result.streams().items():
            streams.setdefault(table, []).append(stream)
    try:
        wh.load_staged([(r.record, {k: r.stats[k] for k in ("n_tables", "n_facts", "n_unplaced")}) for *_, r in staged], streams)
    except Exception:  # rolled back: one document at a time finds the one that breaks
        for path, sha, previously, result in staged:
            _write(wh, path, sha, result, summary, previously, quarantine_dir)
        return
    for _path, _sha, previously, result in staged:
        steps.count_loaded(summary, result.stats, previously)
        discard(result)


def _write(
    wh: Warehouse, path: Path, sha: str | None, result, summary: steps.RunSummary, previously: bool, quarantine_dir: Path | None
) -> None:
    """The single writer: a staged document is loaded; a failure is recorded and quarantined."""
    if isinstance(result, BaseException) and steps.is_transient(result):
        result = steps.Failure(path.name, str(path), "read", f"cannot read the file after retries: {result}", sha)
    elif isinstance(result, BaseException):
        result = steps.Failure.internal(path, "extract", result, sha)
    if isinstance(result, steps.Failure):
        if quarantine_dir is not None:
            quarantine(path, result.stage, result.message, quarantine_dir, copy=result.stage != "discover")
        steps.store(wh, result, summary, previously)
        return
    try:
        steps.store(wh, staging.restore(result), summary, previously)
    except Exception as exc:  # this document's transaction was rolled back; the others still load
        _write(wh, path, sha, steps.Failure.internal(path, "load", exc, sha), summary, previously, quarantine_dir)
    finally:
        staging.discard(result)


def run_ingest(
    settings: config.Settings,
    inputs: list[Path] | None = None,
    force: bool = False,
    show_progress: bool = False,
    validate_and_report: bool = True,
) -> steps.RunSummary:
    """The flow with the task runner the settings ask for."""
    runner = ingest_flow.with_options(task_runner=task_runner(settings))
    limits = isolation.Limits(settings.file_timeout, settings.memory_mb, settings.max_file_mb, settings.ocr_page_timeout)
    return runner(
        inputs or [settings.inbox],
        settings.warehouse,
        force=force,
        show_progress=show_progress,
        reports_dir=settings.reports if validate_and_report else None,
        quarantine_dir=settings.quarantine,
        staging_dir=settings.staging,
        retries=settings.retries,
        limits=limits,
        workers=settings.parallelism,
        lock_wait=settings.lock_wait,
    )


@flow(name="nightly-ingestion", log_prints=True)
def nightly() -> dict:
    """What the schedule runs: the inbox of the settings, through `ingest-disclosures`."""
    settings, _ = config.load()
    summary = run_ingest(settings)
    return {
        "new": summary.new,
        "changed": summary.changed,
        "unchanged": len(summary.unchanged),
        "failed": [f.source_file for f in summary.failed],
        "facts": summary.facts,
    }
