"""One writer at a time, and readers never wait for it.

DuckDB lets one process write a file, and while it does no other process may open it, not
even to read. So a run that writes takes an exclusive lock beside the warehouse, copies the
warehouse to a working file, loads into that, and publishes it with an atomic rename: an
analyst's query opens the published file read-only at any time and sees the last complete
run. A run killed half-way leaves the published warehouse as it was; its working file is
removed by the next run, which loads those documents again.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb
from filelock import FileLock, Timeout


class WarehouseBusy(RuntimeError):
    pass


def _owner_file(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".writer")


@contextmanager
def exclusive(warehouse: Path, wait: float = 0) -> Iterator[None]:
    """Hold the warehouse's writer lock; another holder makes this wait `wait` seconds, then
    raise WarehouseBusy naming it. The lock is the OS's (flock): a killed holder releases it."""
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(warehouse.with_name(warehouse.name + ".lock")))
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        owner = _owner_file(warehouse)
        holder = owner.read_text(encoding="utf-8").strip() if owner.exists() else "another process"
        waited = f" after waiting {wait:g} s" if wait else ""
        raise WarehouseBusy(
            f"another run is writing to {warehouse} ({holder}){waited}; "
            "try again when it has finished (queries keep working meanwhile)"
        ) from None
    try:
        _owner_file(warehouse).write_text(
            f"pid {os.getpid()}, since {datetime.now().isoformat(timespec='seconds')}", encoding="utf-8"
        )
        yield
    finally:
        _owner_file(warehouse).unlink(missing_ok=True)
        lock.release()


@contextmanager
def working_copy(warehouse: Path) -> Iterator[Path]:
    """A copy of the warehouse to write to (new if there is none), published over it when the
    block ends without an error and discarded otherwise. Call inside `exclusive`."""
    work = warehouse.with_name(warehouse.name + ".working")
    _remove(work)
    if warehouse.with_name(warehouse.name + ".wal").exists():
        duckdb.connect(str(warehouse)).close()  # written in place by an older version: fold its log in first
    if warehouse.exists():
        shutil.copyfile(warehouse, work)
    try:
        yield work
    except BaseException:
        _remove(work)
        raise
    wal = work.with_name(work.name + ".wal")
    if wal.exists():
        raise RuntimeError(f"{work} was not closed before publishing")
    os.replace(work, warehouse)


def _remove(work: Path) -> None:
    for leftover in (work, work.with_name(work.name + ".wal")):
        leftover.unlink(missing_ok=True)
