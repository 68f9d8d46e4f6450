"""Each document is parsed in a worker process with a time and a memory limit.

Files from the outside world can make a parser hang, inflate a small PDF into gigabytes, or
crash PDFium outright. A pebble process pool runs `prepare` + `stage` for one file per task:
a task over its time limit has its worker killed, a worker over its address-space limit dies
alone, and either way the file becomes a Failure with the cause while the run goes on.

Where the caller is itself a daemonic process (a Dask worker: it cannot have children) the
file is prepared in-process; the cluster's own worker memory limit and nanny stand in.
"""

from __future__ import annotations

import atexit
import multiprocessing
import re
import resource
import signal
import threading
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path

from pebble import ProcessExpired, ProcessPool

from extract import formats
from flows import staging, steps


@dataclass(frozen=True)
class Limits:
    seconds: float = 300.0  # wall time to prepare one file
    memory_mb: int = 2048  # data memory of the worker preparing it
    file_mb: int = 200  # larger files are refused before reading
    # more wall time per page a PDF or image may need to OCR (a scan: seconds a page, where a text
    # page takes milliseconds); 60 s is ~6× the slowest page measured on 2 busy cores (bench/ocr_accuracy.py)
    ocr_page_seconds: float = 60.0


_PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def pages_to_ocr(path: Path) -> int:
    """How many pages of the file may need OCR, told without parsing it (the parser runs only in
    the sandbox): an image is one page (a TIFF one per MB, at least one), a PDF as many as its
    page objects (counted in the raw bytes; compressed object streams hide some: then at least one
    per 2 MB). Text files need none."""
    suffix = path.suffix.lower()
    try:
        if suffix in formats.IMAGE_SUFFIXES:
            return max(1, path.stat().st_size >> 20) if suffix in (".tif", ".tiff") else 1
        if suffix in formats.PDF_SUFFIXES:
            data = path.read_bytes()
            return max(len(_PDF_PAGE.findall(data)), len(data) >> 21, 1)
    except OSError:
        return 0
    return 0


def time_limit(path: Path, limits: Limits) -> float:
    return limits.seconds + limits.ocr_page_seconds * pages_to_ocr(path)


def prepare_and_stage(path: Path, sha256: str, staging_dir: Path, file_mb: int) -> staging.Staged | steps.Failure:
    result = steps.prepare(path, sha256, max_bytes=file_mb << 20)
    return staging.stage(result, staging_dir) if isinstance(result, steps.Prepared) else result


def run(path: Path, sha256: str, staging_dir: Path, limits: Limits, workers: int) -> staging.Staged | steps.Failure:
    """`prepare_and_stage` within the limits. Transient I/O errors are raised for the caller to retry."""
    if multiprocessing.current_process().daemon:
        return prepare_and_stage(path, sha256, staging_dir, limits.file_mb)
    seconds = time_limit(path, limits)
    future = pool(workers, limits.memory_mb).schedule(
        prepare_and_stage, args=(path, sha256, staging_dir, limits.file_mb), timeout=seconds
    )
    try:
        return future.result()
    except FutureTimeout:
        message = f"stopped after {seconds:g} s: over the time limit for one file (setting file_timeout"
        message += ")" if seconds == limits.seconds else f", plus ocr_page_timeout for each of {pages_to_ocr(path)} pages)"
    except ProcessExpired as exc:
        message = (
            f"the parser's process died ({_cause(exc.exitcode)}), most likely over the "
            f"{limits.memory_mb} MB memory limit for one file (setting memory_mb)"
        )
    except MemoryError:
        message = f"over the {limits.memory_mb} MB memory limit for one file (setting memory_mb)"
    return steps.Failure(path.name, str(path), "extract", message, sha256)


def _cause(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return signal.Signals(-exitcode).name
        except ValueError:
            pass
    return f"exit code {exitcode}"


def _limit_memory(memory_mb: int) -> None:
    """RLIMIT_DATA (heap and private mappings), not RLIMIT_AS: polars reserves address space it
    never uses, and an address-space limit fails it on ordinary files."""
    limit = memory_mb << 20
    resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


_lock = threading.Lock()
_current: tuple[tuple[int, int], ProcessPool] | None = None


def pool(workers: int, memory_mb: int) -> ProcessPool:
    """One pool per process, kept across runs with the same shape (workers start once); the
    parsers run in it, and after loading the checks of validation (flows/validate.py)."""
    global _current
    with _lock:
        key = (workers, memory_mb)
        if _current is None or _current[0] != key or not _current[1].active:
            shutdown()
            pool = ProcessPool(
                max_workers=workers,
                initializer=_limit_memory,
                initargs=(memory_mb,),
                context=multiprocessing.get_context("spawn"),
            )
            _current = (key, pool)
        return _current[1]


def shutdown() -> None:
    global _current
    if _current is not None:
        _current[1].stop()
        _current[1].join()
        _current = None


atexit.register(shutdown)
