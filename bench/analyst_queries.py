"""Analyst queries (sql/analyst/*.sql: v_budget_lines's class rows, summed in advance in
agg_budget_class) over a synthetic warehouse of 10 million facts: median latency of each on a
read-only connection, as an analyst opens it, with the rows fetched as Python tuples (fetchall)
and as Arrow (what DuckDB computes, without Python's objects: a Decimal costs ~3 µs).

The warehouse is the bundled samples' (5 documents, 1,020 facts) copied until it holds the
facts asked for (sql/bench/replicate.sql), made once and kept under bench/.work/.
"""

from __future__ import annotations

import math
import statistics
import tempfile
import time
from pathlib import Path

from bench.figures import Figure, ratio
from common.paths import SAMPLES
from flows import steps
from load import sql_files
from load.warehouse import Warehouse

YEAR = 2024
QUERIES = {"by_function_class": [YEAR], "by_department_year": [], "year_over_year": [YEAR]}
SCAN = "bench/plain_scan.sql"  # DuckDB's own scan of the fact table: what a query is judged against
SCAN_TARGET = "<= 2"  # issue 24, target 6: the slowest analyst query within twice the plain scan


def sample_warehouse(path: Path) -> Path:
    """The bundled samples loaded as the flow's steps load them."""
    with Warehouse(path) as wh:
        for doc in steps.discover([SAMPLES]).files:
            steps.store(wh, steps.prepare(doc, steps.fingerprint(doc)), steps.RunSummary(), previously_loaded=False)
    return path


def build(path: Path, facts: int) -> tuple[int, float]:
    """(facts, seconds): a warehouse at `path` with at least `facts` facts."""
    path.unlink(missing_ok=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        base = sample_warehouse(Path(tmp) / "base.duckdb")
        with Warehouse(path) as wh:
            wh.con.execute("SET enable_progress_bar = false")
            wh.con.execute(f"ATTACH '{base}' AS base (READ_ONLY)")
            per_copy = wh.con.execute("SELECT count(*) FROM base.fact_budget_amount").fetchone()[0]
            copies = math.ceil(facts / per_copy)
            for statement in sql_files.statements("bench/replicate.sql"):
                wh.con.execute(statement, [copies])
            wh.con.execute("DETACH base")
            wh.refresh_dimensions(force=True)
            wh.con.execute("CHECKPOINT")
            total = wh.con.execute("SELECT count(*) FROM fact_budget_amount").fetchone()[0]
    return total, time.perf_counter() - started


def latencies(path: Path, repeat: int = 7) -> dict[str, tuple[float, float, int]]:
    """Per query (and the plain scan, "scan"): (median ms with the rows fetched as Python tuples,
    median ms with them fetched as Arrow, rows returned), each after one warm-up run."""
    out = {}
    with Warehouse(path, read_only=True) as wh:
        for name, params in {**QUERIES, "scan": []}.items():
            sql = sql_files.read(SCAN if name == "scan" else f"analyst/{name}.sql")
            rows = len(wh.con.execute(sql, params).fetchall())
            medians = []
            for arrow in (False, True):
                _fetch(wh, sql, params, arrow)
                runs = []
                for _ in range(repeat):
                    started = time.perf_counter()
                    _fetch(wh, sql, params, arrow)
                    runs.append(time.perf_counter() - started)
                medians.append(1000 * statistics.median(runs))
            out[name] = (*medians, rows)
    return out


def _fetch(wh: Warehouse, sql: str, params: list, arrow: bool) -> None:
    if arrow:
        wh.con.sql(sql, params=params).to_arrow_table()
    else:
        wh.con.execute(sql, params).fetchall()


def figures(path: Path, facts: int) -> list[Figure]:
    built = None
    if path.exists():
        with Warehouse(path) as wh:  # as a writer: a warehouse kept from older code gets today's tables, filled
            wh.con.execute("SET enable_progress_bar = false")
            have = wh.con.execute("SELECT count(*) FROM fact_budget_amount").fetchone()[0]
    if not path.exists() or have < facts:
        have, seconds = build(path, facts)
        built = f"built in {seconds:.0f} s"
    out = [Figure("4 queries", "warehouse: facts in v_budget_lines", have, "facts", note=built or "reused")]
    measured = latencies(path)
    scan = measured.pop("scan")[0]
    for name, (ms, arrow_ms, rows) in measured.items():
        out.append(Figure("4 queries", f"{name}.sql: median", ms, "ms", "<= 200", f"{rows:,} rows returned"))
        out.append(Figure("4 queries", f"{name}.sql: median, rows as Arrow", arrow_ms, "ms"))
    out.append(Figure("4 queries", "plain scan, sum(amount_yuan) of fact_budget_amount: median", scan, "ms"))
    for i, how in ((0, ""), (1, ", rows as Arrow")):
        slowest = max(measured, key=lambda n: measured[n][i])
        slowest_ms = measured[slowest][i]
        out.append(ratio("4 queries", f"slowest query / plain scan{how}", slowest_ms, scan, SCAN_TARGET, f"{slowest}.sql"))
    return out
