"""A run killed in the middle of loading a document, a second run started meanwhile, and an
analyst querying all along: the warehouse stays whole and the next run completes the load."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from prefect.settings import PREFECT_API_URL

from common.paths import SAMPLES
from load.warehouse import Warehouse
from tests.conftest import ingest
from tests.prefect_harness import harness

HERE = Path(__file__).resolve().parent
CLI = Path(sys.executable).parent / "budget-etl"
FIRST = ["000_5cfcfeb062623b8f.txt", "001_62df1c6f39ffdb6f.txt"]
LATER = ["002_43a13e6a8c0a6925.txt", "004_7a705042fb416c6b.txt"]


@pytest.fixture(scope="module")
def api_url():
    with harness():
        yield PREFECT_API_URL.value()


@pytest.fixture()
def env(api_url, tmp_path) -> dict[str, str]:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in FIRST:
        shutil.copy(SAMPLES / name, inbox / name)
    return {
        **os.environ,
        "PREFECT_API_URL": api_url,
        "PYTHONUNBUFFERED": "1",
        "COLUMNS": "250",
        "BUDGET_ETL_CONFIG": str(tmp_path / "none.toml"),
        "BUDGET_ETL_INBOX": str(inbox),
        "BUDGET_ETL_WAREHOUSE": str(tmp_path / "w.duckdb"),
        "BUDGET_ETL_REPORTS": str(tmp_path / "reports"),
        "BUDGET_ETL_QUARANTINE": str(tmp_path / "quarantine"),
        "BUDGET_ETL_STAGING": str(tmp_path / "staging"),
    }


def _wait_for_file(path: Path, proc: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if proc.poll() is not None:
            raise AssertionError(f"the run ended ({proc.returncode}) before pausing:\n{proc.stdout.read()}")
        if time.monotonic() > deadline:
            raise AssertionError("the run never reached the paused document")
        time.sleep(0.2)


def _documents(warehouse: Path) -> dict[str, int]:
    with Warehouse(warehouse, read_only=True) as wh:
        return dict(wh.query("SELECT source_file, count(*) FROM fact_budget_amount GROUP BY 1")[1])


def test_sigkill_mid_load_leaves_the_warehouse_whole_and_a_second_run_waits_its_turn(env, tmp_path):
    warehouse, inbox = Path(env["BUDGET_ETL_WAREHOUSE"]), Path(env["BUDGET_ETL_INBOX"])
    first = subprocess.run([str(CLI), "ingest"], env=env, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stdout + first.stderr
    before = _documents(warehouse)
    assert before == {FIRST[0]: 231, FIRST[1]: 292}
    for name in LATER:
        shutil.copy(SAMPLES / name, inbox / name)

    marker = tmp_path / "paused"
    run = subprocess.Popen(
        [sys.executable, str(HERE / "paused_ingest.py"), LATER[1], str(marker)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _wait_for_file(marker, run, 240)  # 002 is loaded, 004's rows are inserted, not committed

        query = subprocess.run(
            [str(CLI), "query", "SELECT count(*) AS documents FROM source_document"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert query.returncode == 0 and "│ 2 " in query.stdout, query.stdout + query.stderr

        second = subprocess.run([str(CLI), "ingest"], env=env, capture_output=True, text=True, timeout=300)
        assert second.returncode == 3, second.stdout + second.stderr
        assert f"another run is writing to {warehouse} (pid {run.pid}, since" in " ".join(second.stdout.split())
    finally:
        run.send_signal(signal.SIGKILL)
        run.wait(30)
    assert run.returncode == -signal.SIGKILL

    assert _documents(warehouse) == before  # none of 002's or 004's rows: the run never published
    third = subprocess.run([str(CLI), "ingest"], env=env, capture_output=True, text=True, timeout=300)
    assert third.returncode == 0, third.stdout + third.stderr
    assert "2 new, 0 changed, 2 unchanged" in third.stdout
    assert _documents(warehouse) == {**before, LATER[0]: 246, LATER[1]: 59}
    assert not warehouse.with_name("w.duckdb.working").exists()


def test_sigkill_inside_a_document_transaction_keeps_none_of_its_rows(tmp_path):
    """Beneath the working copy, DuckDB's own transaction: a writer killed between inserting a
    document's rows and committing them leaves a file that opens without any of them."""
    path = tmp_path / "w.duckdb"
    ingest([SAMPLES / FIRST[0]], path)
    marker = tmp_path / "paused"
    script = f"""
import os, time, sys
from pathlib import Path
from load.warehouse import Warehouse
from flows import steps
sha = steps.fingerprint(Path({str(SAMPLES / LATER[1])!r}))
prepared = steps.prepare(Path({str(SAMPLES / LATER[1])!r}), sha)
wh = Warehouse({str(path)!r})
append = wh._append
def pause(table, frame):
    append(table, frame)
    if table == "fact_budget_amount":
        Path({str(marker)!r}).write_text("x")
        time.sleep(600)
wh._append = pause
n = prepared.normalized
wh.load_document(prepared.record, n.tables, n.facts, n.unplaced, n.pages)
"""
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        _wait_for_file(marker, proc, 120)
    finally:
        proc.kill()
        proc.wait(30)
    assert _documents(path) == {FIRST[0]: 231}
    ingest([SAMPLES / LATER[1]], path)
    assert _documents(path) == {FIRST[0]: 231, LATER[1]: 59}


def test_a_second_writer_may_wait_for_the_first(tmp_path):
    from load.single_writer import WarehouseBusy, exclusive

    warehouse = tmp_path / "w.duckdb"
    with exclusive(warehouse):
        with pytest.raises(WarehouseBusy, match=r"another run is writing to .* after waiting 0.5 s"):
            with exclusive(warehouse, wait=0.5):
                pass
    with exclusive(warehouse, wait=0.5):
        assert warehouse.with_name("w.duckdb.writer").read_text(encoding="utf-8").startswith(f"pid {os.getpid()}")
