"""Prepared documents handed from the workers to the single writer as Arrow IPC streams.

A worker (a thread, a process or a Dask worker on another machine with the same shared
folder) writes its document's frames into one file under the staging folder and returns only
where each is (load/staged.py); the writer reads them back, loads them in one transaction and
removes the file.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polars as pl

from flows.steps import Prepared, document_stats
from load import staged as staged_streams
from load.staged import StagedStream
from load.warehouse import DocumentRecord
from transform.disclosure.frames import SCHEMAS as ITEM_SCHEMAS
from transform.disclosure.frames import TABLES as ITEM_TABLES
from transform.normalize import FACT_SCHEMA, PAGE_SCHEMA, TABLE_SCHEMA, UNPLACED_SCHEMA, NormalizedDocument

FRAMES = ("tables", "facts", "unplaced", "pages")
WAREHOUSE_TABLES = {
    "tables": "source_table",
    "facts": "fact_budget_amount",
    "unplaced": "unplaced_cell",
    "pages": "source_page",
}  # and each of ITEM_TABLES under its own name
# Staged files live for seconds and are read once, whole: Arrow's own layout, uncompressed, is
# what the writer hands DuckDB with no decoding. Parquet cost a worker ~13-22 ms of CPU a document
# (polars writes it through its streaming engine, whose threads did most of that), the IPC stream
# ~1.6 ms; loading either costs the writer the same (200 synthetic documents; issue 24). A
# document's streams share one file (load/staged.py says why).
SUFFIX = ".arrows"
# The declared schema of each frame, for a document's empty ones (never written nor sent back).
SCHEMAS = {"tables": TABLE_SCHEMA, "facts": FACT_SCHEMA, "unplaced": UNPLACED_SCHEMA, "pages": PAGE_SCHEMA, **ITEM_SCHEMAS}


@dataclass(frozen=True)
class Staged:
    record: DocumentRecord
    file: Path
    stats: dict | None = None  # flows/steps.py: document_stats, and "streams": warehouse table -> (offset, length) in `file`

    def streams(self) -> dict[str, StagedStream]:
        """Where in the file each warehouse table the document has rows for is staged."""
        return {table: StagedStream(self.file, *at) for table, at in (self.stats or {}).get("streams", {}).items()}


def stage(prepared: Prepared, root: Path) -> Staged:
    record = prepared.record
    root.mkdir(parents=True, exist_ok=True)
    frames = {
        **{WAREHOUSE_TABLES[name]: getattr(prepared.normalized, name) for name in FRAMES},
        **{name: prepared.normalized.items[name] for name in ITEM_TABLES},
    }
    written = io.BytesIO()
    streams: dict[str, tuple[int, int]] = {}
    for table, frame in frames.items():
        if frame.height:
            start = written.tell()
            frame.write_ipc_stream(written, compression="uncompressed")
            streams[table] = (start, written.tell() - start)
            written.write(bytes(staged_streams.padding(written.tell())))
    # named by its content's hash, never by the file's name: that is not ours
    handle, name = tempfile.mkstemp(prefix=f"{record.sha256[:16]}-", suffix=SUFFIX, dir=root)
    with os.fdopen(handle, "wb") as file:
        file.write(written.getbuffer())
    return Staged(record, Path(name), {**document_stats(prepared), "streams": streams})


def restore(staged: Staged) -> Prepared:
    at = staged.streams()
    frames = {name: _read(at.get(WAREHOUSE_TABLES[name]), name) for name in FRAMES}
    items = {name: _read(at.get(name), name) for name in ITEM_TABLES}
    return Prepared(staged.record, NormalizedDocument(document=None, **frames, items=items))


def _read(stream: StagedStream | None, name: str) -> pl.DataFrame:
    if stream is None:
        return empty(name)
    with stream.path.open("rb") as file:
        file.seek(stream.offset)
        return pl.read_ipc_stream(io.BytesIO(file.read(stream.length)))


@cache
def empty(name: str) -> pl.DataFrame:
    """A frame with no rows, of the declared schema (a worker's may have a derived column more, such
    as `phase`: with no rows, nothing of it is loaded). Not sent back from the workers: unpickled, an
    empty frame costs the writer ~11 KiB of native memory, kept with the run's results, ~60 MiB at
    2,000 documents (issue 24, target 2)."""
    return pl.DataFrame(schema=SCHEMAS[name])


def discard(staged: Staged) -> None:
    staged.file.unlink(missing_ok=True)


class Discarder:
    """Removes loaded documents' staged files on a thread of its own: a dozen unlinks a document
    (a file a table, before load/staged.py) were a tenth of the writer's time, and the writer need
    not wait for them. `wait()` (or the end of the `with` block) returns when all are gone. Only
    the removals not yet done are held (all of them were ~2 KiB a document to the end of the run)."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="discard")
        self._pending: deque[Future] = deque()

    def __call__(self, staged: Staged) -> None:
        while self._pending and self._pending[0].done():
            self._pending.popleft().result()
        self._pending.append(self._pool.submit(discard, staged))

    def wait(self) -> None:
        while self._pending:
            self._pending.popleft().result()

    def __enter__(self) -> Discarder:
        return self

    def __exit__(self, *exc) -> None:
        self.wait()
        self._pool.shutdown()
