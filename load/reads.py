"""What is read from the warehouse: the loaded documents and their fingerprints, the inputs of
the quality checks, the content hash, ad-hoc and stored queries. Reading never writes; the
writer (load/warehouse.py) is a Reads with a connection it may write through."""

from __future__ import annotations

import hashlib

import duckdb
import polars as pl

from load import fingerprints, sql_files
from transform.sink import UNKNOWN_COLUMN


class Reads:
    con: duckdb.DuckDBPyConnection

    def fingerprints(self) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
        """(loaded, failed): file name -> (sha256, parser_version) of the copy loaded, and of
        the copy that last failed; one query each however many documents a run compares."""
        return fingerprints.read(self.con)

    def documents(self) -> list[str]:
        """Source files with rows in the warehouse."""
        return [r[0] for r in self.con.execute("SELECT source_file FROM source_document ORDER BY 1").fetchall()]

    def check_inputs(self, source_files: list[str]) -> tuple[pl.DataFrame, pl.DataFrame, set[tuple[str, int, int]]]:
        """(facts, tables, rows with a number of unknown column) of the given documents, for validation."""
        facts = self.con.sql(sql_files.read("quality/facts.sql"), params=files_param(source_files)).pl()
        tables = self.con.sql(sql_files.read("quality/tables.sql"), params=files_param(source_files)).pl()
        uncertain = self.con.execute(
            sql_files.read("quality/uncertain_rows.sql"), [*files_param(source_files), list(UNKNOWN_COLUMN)]
        ).fetchall()
        return facts, tables, {tuple(r) for r in uncertain}

    def check_items(self, source_files: list[str]) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
        """(project amounts, 三公 amounts, narrative execution figures) of the given documents, for the cross-checks."""
        return tuple(
            self.con.sql(sql_files.read(f"quality/{name}.sql"), params=files_param(source_files)).pl()
            for name in ("project_amounts", "three_public", "narrative")
        )

    def check_pages(self, source_files: list[str]) -> pl.DataFrame:
        """PDF pages of the given documents with their text-layer status, for validation."""
        return self.con.sql(sql_files.read("quality/pages.sql"), params=files_param(source_files)).pl()

    def check_documents(self, source_files: list[str]) -> pl.DataFrame:
        """Who the given documents say they are, and the other names they print, for validation."""
        return self.con.sql(sql_files.read("quality/documents.sql"), params=files_param(source_files)).pl()

    def content_hash(self) -> tuple[str, list[dict]]:
        """(one md5 over all tables, per table its rows and md5): equal for equal content,
        whenever and from wherever it was loaded (sql/audit/content_hash.sql)."""
        tables = self.rows("audit/content_hash.sql")
        whole = hashlib.md5("\n".join(f"{t['table_name']} {t['n_rows']} {t['content_md5']}" for t in tables).encode())
        return whole.hexdigest(), tables

    def rows(self, relative_sql: str, params: list | None = None) -> list[dict]:
        """The rows of a query kept in sql/ (e.g. 'report/documents.sql'), as dicts."""
        columns, rows = self.query(sql_files.read(relative_sql), params)
        return [dict(zip(columns, row)) for row in rows]

    def query(self, sql: str, params: list | None = None) -> tuple[list[str], list[tuple]]:
        cursor = self.con.execute(sql, params or [])
        columns = [d[0] for d in cursor.description] if cursor.description else []
        return columns, cursor.fetchall()


def files_param(source_files: list[str]) -> list:
    """The parameter of a query over some documents: `list_contains($n, source_file) AND
    source_file BETWEEN list_min($n) AND list_max($n)` in sql/. The range changes no row; DuckDB
    prunes the row groups outside it (a nightly loads its documents in name order, and a pass or
    a report chunk takes them in that order), where list_contains alone scanned every row:
    validation's facts query for 50 documents took 47 ms over a ten-times copy of the
    2,000-document synthetic warehouse (4.08 M facts), 17 with the range (issue 24).
    tests/load/test_reads.py holds every such query to it."""
    return [list(source_files)]
