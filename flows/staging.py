"""Prepared documents handed from the workers to the single writer as Arrow IPC stream files.

A worker (a thread, a process or a Dask worker on another machine with the same shared
folder) writes its document's frames under the staging folder and returns only their
location; the writer reads them back, loads them in one transaction and removes them.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

import polars as pl

from flows.steps import Prepared, document_stats
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
# ~1.6 ms; loading either costs the writer the same (200 synthetic documents; issue 24).
SUFFIX = ".arrows"
# The declared schema of each frame, for a document's empty ones (never written nor sent back).
SCHEMAS = {"tables": TABLE_SCHEMA, "facts": FACT_SCHEMA, "unplaced": UNPLACED_SCHEMA, "pages": PAGE_SCHEMA, **ITEM_SCHEMAS}


@dataclass(frozen=True)
class Staged:
    record: DocumentRecord
    folder: Path
    stats: dict | None = None  # flows/steps.py: document_stats, and "files": warehouse table -> its non-empty file

    def files(self) -> dict[str, Path]:
        """The staged file of each warehouse table the document has rows for."""
        return {table: self.folder / name for table, name in (self.stats or {}).get("files", {}).items()}


def stage(prepared: Prepared, root: Path) -> Staged:
    record = prepared.record
    root.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f"{record.sha256[:16]}-", dir=root))  # never the file's name: it is not ours
    (folder / "record.json").write_text(json.dumps(asdict(record), ensure_ascii=False), encoding="utf-8")
    frames = {
        **{WAREHOUSE_TABLES[name]: (f"{name}{SUFFIX}", getattr(prepared.normalized, name)) for name in FRAMES},
        **{name: (f"{name}{SUFFIX}", prepared.normalized.items[name]) for name in ITEM_TABLES},
    }
    for file, frame in frames.values():
        if frame.height:
            frame.write_ipc_stream(folder / file, compression="uncompressed")
    stats = {
        **document_stats(prepared),
        "files": {table: file for table, (file, frame) in frames.items() if frame.height},
    }
    return Staged(record, folder, stats)


def restore(staged: Staged) -> Prepared:
    frames = {name: _read(staged, name) for name in FRAMES}
    items = {name: _read(staged, name) for name in ITEM_TABLES}
    return Prepared(staged.record, NormalizedDocument(document=None, **frames, items=items))


def _read(staged: Staged, name: str) -> pl.DataFrame:
    if staged.stats is not None and f"{name}{SUFFIX}" not in staged.stats["files"].values():
        return empty(name)
    return pl.read_ipc_stream(staged.folder / f"{name}{SUFFIX}")


@cache
def empty(name: str) -> pl.DataFrame:
    """A frame with no rows, of the declared schema (a worker's may have a derived column more, such
    as `phase`: with no rows, nothing of it is loaded). Not sent back from the workers: unpickled, an
    empty frame costs the writer ~11 KiB of native memory, kept with the run's results, ~60 MiB at
    2,000 documents (issue 24, target 2)."""
    return pl.DataFrame(schema=SCHEMAS[name])


def discard(staged: Staged) -> None:
    shutil.rmtree(staged.folder, ignore_errors=True)


class Discarder:
    """Removes loaded documents' staged folders on a thread of its own: a dozen unlinks a document
    were a tenth of the writer's time, and the writer need not wait for them. `wait()` (or the
    end of the `with` block) returns when all are gone. Only the removals not yet done are held
    (all of them were ~2 KiB a document to the end of the run)."""

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
