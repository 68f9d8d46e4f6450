"""The whole nightly flow over the synthetic corpus: `budget-etl ingest` as an operator runs it,
against a running Prefect server, twice (everything new, then nothing changed).

Each run is a subprocess; its wall time includes Python start-up and imports. Peak memory is
the largest sum of resident memory over the run's process tree (the flow and its workers),
sampled every 50 ms. After the first run the warehouse is checked against the corpus manifest:
each document's department, year, number of facts and their total in 元.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import psutil

from bench.figures import Figure
from load.warehouse import Warehouse


def run_measured(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(wall seconds, peak MiB of the process tree, output)."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        started = time.perf_counter()
        proc = subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
        root = psutil.Process(proc.pid)
        peak = 0
        while proc.poll() is None:
            try:
                peak = max(peak, sum(_rss(p) for p in [root, *root.children(recursive=True)]))
            except psutil.NoSuchProcess:
                pass
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        log.seek(0)
        output = log.read()
    if proc.returncode:
        raise RuntimeError(f"{' '.join(args)} exited {proc.returncode}:\n{output[-3000:]}")
    return seconds, peak / 2**20, output


def _rss(p: psutil.Process) -> int:
    try:
        return p.memory_info().rss
    except psutil.Error:
        return 0


def check(warehouse: Path, rows: list[dict]) -> int:
    """Documents whose department, year, fact count and total match the manifest."""
    with Warehouse(warehouse, read_only=True) as wh:
        loaded = wh.rows("bench/document_yields.sql")
    found = {r["source_file"]: (r["department"], r["fiscal_year"], r["facts"], Decimal(r["total_yuan"])) for r in loaded}
    return sum(found.get(r["file_name"]) == (r["department"], r["fiscal_year"], r["facts"], Decimal(r["total_yuan"]))
               for r in rows)


def measure(corpus: Path, rows: list[dict], work: Path, workers: int = 2) -> list[Figure]:
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    work.mkdir(parents=True, exist_ok=True)
    warehouse = work / "nightly.duckdb"
    for old in (warehouse, warehouse.with_suffix(".duckdb.wal")):
        old.unlink(missing_ok=True)
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"  # no telemetry from the local server
    with prefect_test_harness():
        env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "BUDGET_ETL_WAREHOUSE": str(warehouse),
               "BUDGET_ETL_REPORTS": str(work / "reports"), "BUDGET_ETL_QUARANTINE": str(work / "quarantine"),
               "BUDGET_ETL_STAGING": str(work / "staging"), "BUDGET_ETL_WORKERS": str(workers),
               "BUDGET_ETL_CONFIG": str(work / "none.toml"), "COLUMNS": "200"}
        command = [str(Path(sys.executable).with_name("budget-etl")), "ingest", str(corpus)]
        first, first_mb, _ = run_measured(command, env)
        matching = check(warehouse, rows)
        second, second_mb, _ = run_measured(command, env)
    n = len(rows)
    return [
        Figure("3 nightly", f"full run, {n:,} documents, {workers} workers: wall", first, "s", "<= 180",
               f"{matching:,}/{n:,} documents match the manifest"),
        Figure("3 nightly", "full run: documents per minute", 60 * n / first, "docs/min"),
        Figure("3 nightly", "full run: peak memory (process tree)", first_mb, "MiB"),
        Figure("3 nightly", "run with nothing changed: wall", second, "s", "<= 10"),
        Figure("3 nightly", "run with nothing changed: peak memory", second_mb, "MiB"),
    ]
