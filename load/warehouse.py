"""The DuckDB warehouse's writer: schema, one transaction per document, dimension refresh (its reads: load/reads.py).

Loading never parses: it receives normalized polars frames and writes them.
"""

from __future__ import annotations

import hashlib
import logging
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl
import pyarrow as pa

from load import sql_files, staged
from load.reads import Reads, files_param
from transform import codes, department_identity

# DuckDB threads while loading batches: one took 5.1-6.6 ms of CPU a document to load 200 staged
# synthetic documents against 8.8-9.5 ms on DuckDB's default (one per core, 2 here), and no longer.
LOAD_THREADS = 1
# DuckDB's buffer pool while the run loads and validates, statements over a batch or a pass of
# documents. With its default (80 % of RAM) it kept the blocks it had written: 181 MiB of 20,000
# synthetic documents when loaded, 217 MiB through validation, the flow's process growing with
# the warehouse. At 128 MB (DuckDB's stated minimum for a thread; measured with the cap on for the
# whole run) it held 20-90 MiB, the process 465 MiB at most while loading (718 before) and ~700
# through validation (930); with it on for these two only, the bench's peak at 20,000 was 1,254 MiB.
# Not for the whole-warehouse statements: at 128 MB the dimensions' rebuild over 10M facts ran out
# of memory (bench/analyst_queries.py); it gets REFRESH_MEMORY_LIMIT, the report the default.
WRITER_MEMORY_LIMIT = "128MB"
# DuckDB's memory while the dimensions and aggregates are rebuilt. At the default (80 % of RAM) the
# rebuild grew the writer's process to 522 MiB over the 20,000-document synthetic warehouse (4.08 M
# facts) and to 886 over the 10M-fact one of bench/analyst_queries.py; capped at 256 MB, 439 and 458
# MiB in the same time (2.2 s; 4.6 vs 3.8 s at 10 M); at 512 MB 697 at 10 M; at 128 MB it ran out of
# memory (issue 24, /work/tools/refresh_cap.py). A warehouse that needs more is rebuilt again at the
# default: the cap saves memory, it never fails a run.
REFRESH_MEMORY_LIMIT = "256MB"
_log = logging.getLogger(__name__)
# WAL size at which a commit checkpoints, while the run loads. DuckDB's default (16 MiB) made
# every third batch of 50 synthetic documents (~5.4 MB of WAL each) a checkpoint, and their cost
# grows with the tables: commits were 4.9 s of the writer's CPU over 2,000 documents and 30.6 s
# over 10,000 (re-appending them). At 64 MiB: 2.2 s and 20.4 s (at 128 MB 17.3 s, at 256 MB none
# until the final one, which then falls in the run's serial tail), the process's memory the same.
LOAD_CHECKPOINT_THRESHOLD = "64MiB"
_VALIDATION_TABLES = ("dq_finding", "dq_issue", "dq_document_score")  # what validation replaces per document
_DIMENSIONS = ["dim_department", "dim_fiscal_year", "dim_statement", "dim_function", "dim_economic"]
# Figures summed in advance, rebuilt after the dimensions (v_budget_lines, which they sum, joins them).
_AGGREGATES = ["agg_budget_class"]


@dataclass(frozen=True)
class DocumentRecord:
    source_file: str
    path: str
    sha256: str
    format: str
    encoding: str | None
    n_lines: int | None
    n_pages: int | None
    department: str | None
    fiscal_year: int | None
    parser_version: str
    document_kind: str | None = None
    scope: str | None = None
    government_level: str | None = None
    region: str | None = None
    unit_code: str | None = None
    department_sources: str | None = None
    department_variants: str | None = None
    department_placeholder: str | None = None


class Warehouse(Reads):
    """The writer: the schema and reference, one transaction per document, the dimensions
    rebuilt after a batch, findings replaced per document. What it reads is load/reads.py's."""

    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self._stale = False  # documents loaded or removed since the dimensions were rebuilt
        self._present: set[str] | None = None  # files with rows here, read when first needed
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(str(self.path), read_only=read_only)
        if not read_only:
            self._create_schema()

    def close(self) -> None:
        if not self.read_only:
            self.refresh_dimensions()
        self.con.close()

    def __enter__(self) -> Warehouse:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _create_schema(self) -> None:
        if self.con.execute(sql_files.read("load/legacy_dim_department.sql")).fetchall()[0][0]:
            self.con.execute("DROP TABLE dim_department")
            self._stale = True
        if self.con.execute(sql_files.read("load/missing_aggregate.sql")).fetchall()[0][0]:
            self._stale = True
        for name in sql_files.files("schema"):
            self.con.execute(sql_files.read(name))
        for name in sql_files.files("views"):
            self.con.execute(sql_files.read(name))
        rows = [(scheme, r["code"], r["name"]) for scheme in codes.REFERENCE_FILES for r in codes.reference_rows(scheme)]
        self.con.execute("DELETE FROM ref_classification")  # the shipped reference may have grown
        self.con.executemany("INSERT INTO ref_classification VALUES (?, ?, ?)", rows)
        applied = self.con.execute(sql_files.read("load/reference_applied.sql"), [_OVERRIDES_NAME]).fetchall()
        if not applied or applied[0][0] != _overrides_md5():
            self._stale = True  # an operator edited the override file: rebuild the departments

    def load_document(
        self,
        record: DocumentRecord,
        tables: pl.DataFrame,
        facts: pl.DataFrame,
        unplaced: pl.DataFrame,
        pages: pl.DataFrame | None = None,
        items: dict[str, pl.DataFrame] | None = None,
    ) -> None:
        """Replace everything the file contributed, in one transaction: all or nothing. `items`
        are the other fact tables (project, fact_three_public, …) by table name. The
        dimensions follow once, before validation or on close (refresh_dimensions)."""
        with self._transaction():
            self._delete(record.source_file)
            document = {
                **asdict(record),
                "n_tables": tables.height,
                "n_facts": facts.height,
                "n_unplaced": unplaced.height,
                "ingested_at": datetime.now(UTC).replace(tzinfo=None),
            }
            columns = ", ".join(document)
            self.con.execute(
                f"INSERT INTO source_document ({columns}) VALUES ({', '.join('?' * len(document))})", list(document.values())
            )
            for table, frame in (
                ("source_table", tables),
                ("fact_budget_amount", facts),
                ("unplaced_cell", unplaced),
                ("source_page", pages),
                *(items or {}).items(),
            ):
                if frame is not None and frame.height:
                    self._append(table, frame)
        self._stale = True

    def load_staged(
        self, documents: list[tuple[DocumentRecord, dict[str, int]]], streams: dict[str, list[staged.StagedStream]]
    ) -> None:
        """Several documents, staged as Arrow IPC streams (flows/staging.py), in one transaction:
        each table appended once for them all (per document, the appends of up to eleven tables
        were most of the writer's time). `documents`: each record with its n_tables, n_facts and
        n_unplaced; `streams`: table -> where the documents' rows of it are staged."""
        with self._transaction():
            now = datetime.now(UTC).replace(tzinfo=None)
            rows = [{**asdict(record), **counts, "ingested_at": now} for record, counts in documents]
            for row in rows:
                self._delete(row["source_file"])
            if rows:  # one statement: executemany ran one per row (~1.5 ms of the writer's CPU a document)
                columns, placeholders = ", ".join(rows[0]), f"({', '.join('?' * len(rows[0]))})"
                self.con.execute(
                    f"INSERT INTO source_document ({columns}) VALUES {', '.join([placeholders] * len(rows))}",
                    [value for row in rows for value in row.values()],
                )
            mapped: dict[Path, pa.Buffer] = {}  # each document's file mapped once for all its tables
            for table, where in streams.items():
                if where:
                    self._append_staged(table, where, mapped)
        self._stale = True

    @contextmanager
    def loading(self):
        """While the workers parse, DuckDB appends on LOAD_THREADS threads: its own parallelism
        only competes with theirs, and costs CPU to coordinate; and checkpoints less often
        (LOAD_CHECKPOINT_THRESHOLD). Queries after it get all cores."""
        self.con.execute(f"SET threads = {LOAD_THREADS}")
        self.con.execute(f"SET checkpoint_threshold = '{LOAD_CHECKPOINT_THRESHOLD}'")
        try:
            with self.small_buffer():
                yield self
        finally:
            self.con.execute("RESET threads")
            self.con.execute("RESET checkpoint_threshold")

    @contextmanager
    def small_buffer(self):
        """DuckDB keeps WRITER_MEMORY_LIMIT of blocks (written or read, on disk either way) for
        statements over a batch or a pass of documents; the default again after them."""
        with self._memory_limit(WRITER_MEMORY_LIMIT):
            yield self

    @contextmanager
    def _memory_limit(self, limit: str):
        """DuckDB's memory_limit at `limit` within, its default after (not nested: a limit read back
        as text comes rounded)."""
        self.con.execute(f"SET memory_limit = '{limit}'")
        try:
            yield
        finally:
            self.con.execute("RESET memory_limit")

    def _append_staged(self, table: str, streams: list[staged.StagedStream], mapped: dict | None = None) -> None:
        """The documents' staged rows of one table in one insert; columns matched by name, a column
        one document's frame lacks is NULL for its rows (as read_parquet's union_by_name did)."""
        self.con.register("incoming", pa.concat_tables(staged.read(streams, mapped), promote_options="permissive"))
        try:
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
        finally:
            self.con.unregister("incoming")

    def record_error(
        self, source_file: str, path: str, stage: str, message: str, sha256: str | None = None, parser_version: str | None = None
    ) -> None:
        """A failed file keeps no rows from an earlier load: its error replaces them."""
        with self._transaction():
            self._delete(source_file)
            self.con.execute(
                "INSERT INTO ingest_error BY NAME SELECT ? AS source_file, ? AS path, ? AS stage, ? AS message, "
                "? AS occurred_at, ? AS sha256, ? AS parser_version",
                [source_file, path, stage, message, datetime.now(UTC).replace(tzinfo=None), sha256, parser_version],
            )
        self._stale = True

    @contextmanager
    def _transaction(self):
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _append(self, table: str, frame: pl.DataFrame) -> None:
        """A whole frame in one insert (Arrow, no row-by-row copy)."""
        self.con.register("incoming", frame.to_arrow())
        try:
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
        finally:
            self.con.unregister("incoming")

    def _delete(self, source_file: str) -> None:
        """Remove what the file contributed before; a file never seen costs no statement (seven
        deletes, each scanning its table, were a third of loading a new document)."""
        if self._present is None:
            self._present = {r[0] for r in self.con.execute(sql_files.read("load/present_files.sql")).fetchall()}
        if source_file in self._present:
            for statement in sql_files.statements("load/delete_document.sql"):
                self.con.execute(statement, [source_file])
        self._present.add(source_file)

    def refresh_dimensions(self, force: bool = False) -> None:
        """Rebuild the dimensions and the aggregates from the facts, once after a batch of loads:
        per document it cost more than the load itself and grew with the warehouse."""
        if not (self._stale or force):
            return
        try:
            with self._memory_limit(REFRESH_MEMORY_LIMIT):
                self._rebuild()
        except duckdb.OutOfMemoryException:  # rolled back: a warehouse larger than the cap was measured on
            _log.warning("the dimensions' rebuild needs more than %s: rebuilt at DuckDB's default limit", REFRESH_MEMORY_LIMIT)
            self._rebuild()
        self._stale = False

    def _rebuild(self) -> None:
        try:  # the views unregistered after the transaction: in an aborted one, unregister fails and hides the cause
            with self._transaction():
                self._register_departments()
                for name in _DIMENSIONS + _AGGREGATES:
                    for statement in sql_files.statements(f"refresh/{name}.sql"):
                        self.con.execute(statement)
        finally:
            for name in ("identified_aliases", "identified_departments"):
                self.con.unregister(name)

    def _register_departments(self) -> None:
        """Match the printed names into departments (transform/department_identity.py, with the
        operator's overrides) and register the result for sql/refresh/dim_department.sql."""
        names, claims = self.rows("refresh/department_names.sql"), self.rows("refresh/department_parents.sql")
        members = self.rows("refresh/department_members.sql")
        aliases, departments = department_identity.identify(
            names, department_identity.read_overrides(department_identity.OVERRIDES), claims, members
        )
        self.con.execute(sql_files.read("load/record_reference_applied.sql"), [_OVERRIDES_NAME, _overrides_md5()])
        self.con.register("identified_aliases", _frame(aliases, _ALIAS_SCHEMA).to_arrow())
        self.con.register("identified_departments", _frame(departments, _DEPARTMENT_SCHEMA).to_arrow())

    def replace_findings(
        self,
        source_files: list[str],
        findings: pl.DataFrame,
        issues: pl.DataFrame | None = None,
        scores: pl.DataFrame | None = None,
    ) -> None:
        """The documents' findings (with the issues that explain them and what their checks found
        true) become these, in one transaction."""
        with self._transaction():
            for table in _VALIDATION_TABLES:
                self.con.execute(
                    f"DELETE FROM {table} WHERE list_contains($1, source_file)"
                    " AND source_file BETWEEN list_min($1) AND list_max($1)",
                    files_param(source_files),
                )
            for table, frame in zip(_VALIDATION_TABLES, (findings, issues, scores)):
                if frame is not None and frame.height:
                    self._append(table, frame)

    def mark_verified(self, source_files: list[str], structure: pl.DataFrame) -> None:
        """fact_budget_amount.verified of the documents' OCR'd facts, from the structure suite's
        rows (their ocr_proof); text-layer facts keep NULL."""
        if "ocr_proof" not in structure.columns:
            return
        proofs = structure.filter(pl.col("ocr_proof").is_not_null()).select(
            "source_file", "table_index", "row_index", "col_index", "ocr_proof"
        )
        if not proofs.height:
            return
        with self._transaction():
            self.con.register("ocr_proofs", proofs.to_arrow())
            try:
                self.con.execute(sql_files.read("load/ocr_verified.sql"))
            finally:
                self.con.unregister("ocr_proofs")


_ALIAS_SCHEMA = {c: pl.Utf8 for c in ("department_id", "name_printed", "source_file", "matched_by", "name_key")}
_DEPARTMENT_SCHEMA = {
    **{
        c: pl.Utf8
        for c in (
            "department_id",
            "department",
            "region",
            "unit_code",
            "province",
            "city",
            "county",
            "division_code",
            "place_note",
            "parent_department_id",
            "parent_name",
            "parent_evidence",
            "ambiguous_with",
        )
    },
    **{c: pl.Int32 for c in ("first_year", "last_year", "n_names", "n_documents")},
}


_OVERRIDES_NAME = "department_overrides"


def _overrides_md5() -> str:
    path = department_identity.OVERRIDES
    return hashlib.md5(path.read_bytes() if path.exists() else b"").hexdigest()


def _frame(rows: list[dict], schema: dict) -> pl.DataFrame:
    return pl.DataFrame([{c: r[c] for c in schema} for r in rows], schema=schema)
