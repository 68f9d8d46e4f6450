"""What a run compares files with: the fingerprints of the loaded and of the failed documents.
DuckDB alone (no polars), so the nothing-changed path stays light (flows/plan.py); and a copy of
them beside the warehouse, valid while the warehouse file is the one they were read from (same
inode, size and modification time: a run publishes a new file, load/single_writer.py), so a
run with nothing to do need not even import DuckDB (~0.3 s of its ~1 s; issue 24, target 4)."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from load import sql_files

SIDECAR_SUFFIX = ".fingerprints.json"


def read(con) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """(loaded, failed): file name -> (sha256, parser_version) of the copy loaded, and of the copy
    that last failed; one query each however many documents a run compares."""
    return tuple(
        {r[0]: (r[1], r[2]) for r in con.execute(sql_files.read(f"load/{name}.sql")).fetchall()}
        for name in ("loaded_fingerprints", "failed_fingerprints")
    )


def of_warehouse(path) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    return _on(path, read)


def with_last_written(path):
    """(loaded, failed, when the warehouse's content last changed: a naive UTC datetime, None when
    it holds nothing): from the copy beside the warehouse when it is current, else on one
    connection (and the copy written again)."""
    return _remembered(Path(path)) or remember(path)


def remember(path):
    """with_last_written read from the warehouse, and kept beside it for the next run."""
    path = Path(path)
    stamp = _stamp(path)
    loaded, failed, changed = _on(path, _with_last_written)
    if stamp == _stamp(path):  # not replaced while it was read
        record = {"warehouse": stamp, "loaded": loaded, "failed": failed, "changed": changed.isoformat() if changed else None}
        try:
            partial = _sidecar(path).with_suffix(".partial")
            partial.write_text(json.dumps(record), encoding="utf-8")
            partial.replace(_sidecar(path))
        except OSError:  # a read-only folder: every run asks the warehouse
            pass
    return loaded, failed, changed


def _with_last_written(con):
    return (*read(con), con.execute(sql_files.read("load/last_written.sql")).fetchone()[0])


def _remembered(path: Path):
    try:
        record = json.loads(_sidecar(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if record.get("warehouse") != _stamp(path):
        return None
    as_pairs = lambda d: {name: tuple(v) for name, v in d.items()}  # noqa: E731
    changed = datetime.fromisoformat(record["changed"]) if record["changed"] else None
    return as_pairs(record["loaded"]), as_pairs(record["failed"]), changed


def _stamp(path: Path) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_ino, st.st_size, st.st_mtime_ns]


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR_SUFFIX)


def _on(path, query):
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        return query(con)
    finally:
        con.close()
