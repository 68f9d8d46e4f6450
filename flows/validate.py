"""Validation after loading: check frames from the warehouse -> the suites' expectations ->
findings back into the warehouse, replaced per document. Findings about documents never fail
the run. The check frames (pure Python arithmetic, ~7 ms a document) are computed in worker
processes (isolation's pool, new ones after loading: flows/ingest.py), a share of the pass's
documents each."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from pathlib import Path

import polars as pl

from expectations import issues, runner
from expectations.checks.frames import check_frames
from expectations.scores import document_scores
from flows import isolation
from load.warehouse import Warehouse

# Documents validated together. Every check is within one document (its sums, its codes, its
# cells), so the findings do not depend on this; it bounds what one pass holds (its inputs, check
# frames and the workers' share of them), two passes in flight. 100: a run of 200 documents peaked
# at 1,310 MiB (with its Prefect server) validating 200 at a time and at 1,200 MiB 100 at a time
# (issue 24). Over 2,000 documents, 100 a pass peaked at 1,022-1,032 MiB (the flow ~500, each
# worker 150 -> 250 MiB: a share's check frames are 13 MiB pickled); 50 at 850 MiB, validation
# 16.2-17.5 s -> 18.3 s.
DOCUMENTS_PER_PASS = 50
SUMMARY_COLUMNS = ("source_file", "severity", "kind")  # what the run's summary keeps of each finding
# Fewer documents than this a worker are checked in-process: sending them to the workers (and
# starting the pool when `budget-etl validate` runs alone, ~2 s) costs more than their ~9 ms each.
# 25: a pass of DOCUMENTS_PER_PASS in two shares (checked in-process, the 2,000-document
# validation took 28.5 s instead of 18.3).
DOCUMENTS_PER_WORKER_MIN = 25


def validate(
    warehouse: Warehouse,
    source_files: list[str] | None,
    reports_dir: Path,
    data_docs: bool = True,
    workers: int = 1,
    limits: isolation.Limits = isolation.Limits(),
) -> runner.Validation:
    """Validate the given documents (all loaded ones when None) and store their findings, a pass
    of up to DOCUMENTS_PER_PASS documents at a time. The Validation returned has the findings
    of every document (the columns of SUMMARY_COLUMNS when there was more than one pass).

    Passes overlap by one: the workers compute a pass's check frames while this process
    evaluates and stores the pass before (one after the other, the workers waited for it:
    validating 2,000 synthetic documents took 22.1 s, overlapped 13.4; issue 24). Every check is
    within one document and a pass writes only its own documents' findings and proofs, so the
    overlap changes no result."""
    files = warehouse.documents() if source_files is None else list(source_files)
    passes = [files[i : i + DOCUMENTS_PER_PASS] for i in range(0, len(files), DOCUMENTS_PER_PASS)] or [files]
    several = len(passes) > 1
    done = runner.Combined()  # each pass folded in as it finishes, not held to the end
    running: deque[tuple[list[str], Callable[[], dict]]] = deque()
    for part in passes:
        running.append((part, _start(warehouse, part, workers, limits)))
        if len(running) > 1:
            done.add(_finish(warehouse, *running.popleft(), reports_dir, several))
    while running:
        done.add(_finish(warehouse, *running.popleft(), reports_dir, several))
    return done.result(reports_dir, data_docs)


def warm_up(workers: int, limits: isolation.Limits) -> None:
    """The workers' pool started, each worker given the checks' imports to do, so that they are
    under way before the first pass's inputs arrive."""
    pool = isolation.pool(workers, limits.memory_mb)
    for _ in range(workers):
        pool.schedule(_imported)


def _imported() -> None:
    """Nothing: unpickled in a worker, it imports this module, the checks with it."""


def _start(warehouse: Warehouse, files: list[str], workers: int, limits: isolation.Limits) -> Callable[[], dict]:
    """The pass's check frames: computed here for a few documents, else handed to the workers
    (a share each); returns what gives them when they are needed."""
    shares = max(1, min(workers, len(files) // DOCUMENTS_PER_WORKER_MIN))
    if shares == 1:
        frames = check_frames(*_inputs(warehouse, files))
        return lambda: frames
    pool = isolation.pool(workers, limits.memory_mb)  # started once a run (warm_up)
    inputs = _inputs(warehouse, files)
    futures = [pool.schedule(check_frames, args=_share(inputs, files[i::shares])) for i in range(shares)]
    return lambda: _concat([f.result() for f in futures])


def _finish(
    warehouse: Warehouse, files: list[str], frames_of: Callable[[], dict], reports_dir: Path, several: bool
) -> runner.Validation:
    """The pass's expectations evaluated on its check frames, its findings and proofs stored."""
    frames = frames_of()
    validation = runner.run(frames, reports_dir, data_docs=False)
    validation.findings, validation.issues = issues.group(validation.findings)
    warehouse.replace_findings(files, validation.findings, validation.issues, document_scores(frames))
    warehouse.mark_verified(files, frames["structure"])
    if several:
        validation.findings = validation.findings.select(SUMMARY_COLUMNS)
        validation.issues = None
    return validation


def _inputs(warehouse: Warehouse, files: list[str]) -> tuple:
    facts, tables, uncertain = warehouse.check_inputs(files)
    pages = warehouse.check_pages(files)
    return facts, tables, uncertain, pages, warehouse.check_items(files), warehouse.check_documents(files)


def _share(inputs: tuple, files: list[str]) -> tuple:
    """The pass's check inputs (_inputs) of some of its documents: read once a pass and split
    here, seven queries a share cost the writer ~13 ms each at 2,000 documents, more as the
    warehouse grows (issue 24)."""
    facts, tables, uncertain, pages, items, documents = inputs
    keep = set(files)

    def of(frame: pl.DataFrame) -> pl.DataFrame:
        return frame.filter(pl.col("source_file").is_in(files))

    return of(facts), of(tables), {u for u in uncertain if u[0] in keep}, of(pages), tuple(of(f) for f in items), of(documents)


def _concat(shares: list[dict[str, pl.DataFrame | None]]) -> dict[str, pl.DataFrame | None]:
    """Each suite's frame of several shares of documents: every check is within one document."""
    return {
        suite: None if any(s[suite] is None for s in shares) else pl.concat([s[suite] for s in shares], how="vertical_relaxed")
        for suite in shares[0]
    }
