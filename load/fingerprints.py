"""What a run compares files with: the fingerprints of the loaded and of the failed documents.
DuckDB alone (no polars), so the nothing-changed path stays light (flows/plan.py)."""

from __future__ import annotations

from load import sql_files


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
    it holds nothing), on one connection."""
    return _on(path, lambda con: (*read(con), con.execute(sql_files.read("load/last_written.sql")).fetchone()[0]))


def _on(path, query):
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        return query(con)
    finally:
        con.close()
