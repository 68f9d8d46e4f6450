"""Validation after loading: check frames from the warehouse -> the suites' expectations ->
findings back into the warehouse, replaced per document. Findings about documents never fail
the run. The check frames and their evaluation (~4 ms a synthetic document) run in worker
processes (isolation's pool, new ones after loading: flows/ingest.py), a share of the pass's
documents each; the writer reads their inputs and stores what they found."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from expectations import issues, runner
from expectations.checks.frames import check_frames
from expectations.findings import in_order
from expectations.scores import document_scores
from flows import isolation
from load.warehouse import Warehouse

# Documents validated together. Every check is within one document (its sums, its codes, its
# cells), so the findings do not depend on this; it bounds what one pass holds (its inputs and the
# workers' check frames), two passes in flight. 100: a run of 200 documents peaked
# at 1,310 MiB (with its Prefect server) validating 200 at a time and at 1,200 MiB 100 at a time
# (issue 24). Over 2,000 documents, 100 a pass peaked at 1,022-1,032 MiB (the flow ~500, each
# worker 150 -> 250 MiB: a share's check frames were 13 MiB pickled back); 50 at 850 MiB,
# validation 16.2-17.5 s -> 18.3 s. Since the workers evaluate the suites and send back only
# what they found, 100 a pass: validation 9.0 -> 6.4 s (the writer's CPU 4.6 -> 2.9: seven
# queries a pass, ~4 ms each whatever their size), the run's peak 855 -> 881-908 MiB (in the
# validation: the writer ~440, each worker ~215).
DOCUMENTS_PER_PASS = 100
SUMMARY_COLUMNS = ("source_file", "severity", "kind")  # what the run's summary keeps of each finding
PROOF_COLUMNS = ("source_file", "table_index", "row_index", "col_index", "ocr_proof")  # what mark_verified reads
# Fewer documents than this a worker are checked in-process: sending them to the workers (and
# starting the pool when `budget-etl validate` runs alone, ~2 s) costs more than their ~9 ms each
# (measured before the checks ran in polars; ~3-4 ms a document now, the threshold not measured again).
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
            for validation in _finish(warehouse, *running.popleft(), several):
                done.add(validation)
    while running:
        for validation in _finish(warehouse, *running.popleft(), several):
            done.add(validation)
    return done.result(reports_dir, data_docs)


def warm_up(workers: int, limits: isolation.Limits) -> None:
    """The workers' pool started, each worker given the checks' imports to do, so that they are
    under way before the first pass's inputs arrive."""
    pool = isolation.pool(workers, limits.memory_mb)
    for _ in range(workers):
        pool.schedule(_imported)


def _imported() -> None:
    """Nothing: unpickled in a worker, it imports this module, the checks with it."""


def _start(warehouse: Warehouse, files: list[str], workers: int, limits: isolation.Limits) -> Callable[[], list[Checked]]:
    """The pass's documents checked: here for a few documents, else by the workers (a share
    each); returns what gives the shares' results when they are needed."""
    shares = max(1, min(workers, len(files) // DOCUMENTS_PER_WORKER_MIN))
    if shares == 1:
        checked = [check(*_inputs(warehouse, files))]
        return lambda: checked
    pool = isolation.pool(workers, limits.memory_mb)  # started once a run (warm_up)
    inputs = _inputs(warehouse, files)
    futures = [pool.schedule(check, args=_share(inputs, files[i::shares])) for i in range(shares)]
    return lambda: [f.result() for f in futures]


@dataclass
class Checked:
    """Some documents checked: their validation (findings numbered into issues), scores, and the
    OCR'd cells their sums prove (structure's ocr_proof)."""

    validation: runner.Validation
    scores: pl.DataFrame
    proofs: pl.DataFrame | None


def check(*inputs) -> Checked:
    """Check frames -> the suites' expectations -> findings and their issues, for the documents of
    `inputs` (_inputs). Pure, and every check within one document: a worker checks a share of a
    pass. What it returns is a few rows a document; the check frames it came from were ~13 MiB
    pickled a share of 25 synthetic documents, and their evaluation ~40 % of the writer's
    validation time (issue 24)."""
    frames = check_frames(*inputs)
    validation = runner.run(frames, None, data_docs=False)
    validation.findings, validation.issues = issues.group(validation.findings)
    structure = frames["structure"]
    proofs = (
        structure.filter(pl.col("ocr_proof").is_not_null()).select(*PROOF_COLUMNS) if "ocr_proof" in structure.columns else None
    )
    return Checked(validation, document_scores(frames), proofs)


def _finish(
    warehouse: Warehouse, files: list[str], checked_of: Callable[[], list[Checked]], several: bool
) -> list[runner.Validation]:
    """The pass's findings, issues, scores and proofs stored (its shares' together)."""
    shares = checked_of()
    validations = [c.validation for c in shares]
    findings = in_order(pl.concat([v.findings for v in validations])) if len(shares) > 1 else validations[0].findings
    warehouse.replace_findings(files, findings, pl.concat([v.issues for v in validations]), pl.concat([c.scores for c in shares]))
    proofs = [c.proofs for c in shares if c.proofs is not None and c.proofs.height]
    if proofs:
        warehouse.mark_verified(files, pl.concat(proofs))
    if several:
        for v in validations:
            v.findings, v.issues = v.findings.select(SUMMARY_COLUMNS), None
    elif len(shares) > 1:  # one pass: its findings in their order, as checked together
        for i, v in enumerate(validations):
            v.findings = findings if i == 0 else findings.clear()
    return validations


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
