"""`budget-etl serve` registers the nightly deployment with its schedule and stops cleanly."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from prefect.client.orchestration import get_client
from prefect.settings import PREFECT_API_URL

from common.settings import Settings
from flows.deployment import next_run
from tests.prefect_harness import harness

CLI = Path(sys.executable).parent / "budget-etl"


@pytest.fixture(scope="module")
def api_url():
    with harness():
        yield PREFECT_API_URL.value()


def _deployment(name: str):
    async def read():
        async with get_client() as client:
            return await client.read_deployment_by_name(f"nightly-ingestion/{name}")

    return asyncio.run(read())


def _wait_for(proc: subprocess.Popen, text: str, seconds: float) -> list[str]:
    """Lines printed until one contains `text` (or the time is up, or the process ends)."""
    lines: list[str] = []
    found = threading.Event()

    def read():
        for line in proc.stdout:
            lines.append(line)
            if text in line:
                found.set()
                return

    threading.Thread(target=read, daemon=True).start()
    found.wait(seconds)
    return lines


def test_serve_registers_the_cron_schedule_and_stops_on_sigterm(api_url, tmp_path):
    env = {
        **os.environ,
        "PREFECT_API_URL": api_url,
        "PYTHONUNBUFFERED": "1",
        "BUDGET_ETL_CONFIG": str(tmp_path / "none.toml"),
        "BUDGET_ETL_WAREHOUSE": str(tmp_path / "w.duckdb"),
        "COLUMNS": "250",
    }
    proc = subprocess.Popen(
        [str(CLI), "serve", "--cron", "30 3 * * *", "--name", "test-nightly"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        lines = _wait_for(proc, "serving deployment", 120)
        assert any(
            "serving deployment nightly-ingestion/test-nightly: cron '30 3 * * *' (Asia/Shanghai)" in ln for ln in lines
        ), "".join(lines)
        dep = _deployment("test-nightly")
        [schedule] = dep.schedules
        assert (schedule.schedule.cron, schedule.schedule.timezone, schedule.active, dep.paused) == (
            "30 3 * * *",
            "Asia/Shanghai",
            True,
            False,
        )
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=90)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, out
    assert "stopped serving; the schedule is paused" in out
    assert _deployment("test-nightly").paused is True  # no run piles up while nothing serves it


def test_next_run_is_0200_in_shanghai_by_default():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    after = datetime(2026, 11, 23, 2, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert next_run(Settings(), after).isoformat() == "2026-11-24T02:00:00+08:00"


def test_a_bad_cron_or_time_zone_is_a_clear_error():
    with pytest.raises(ValueError, match="bad cron '61 \\* \\* \\* \\*'"):
        next_run(Settings(schedule="61 * * * *"))
    with pytest.raises(ValueError, match="unknown time zone 'Mars/Olympus'"):
        next_run(Settings(timezone="Mars/Olympus"))


def test_prefect_yaml_declares_the_same_nightly_deployment():
    import importlib

    import yaml

    spec = yaml.safe_load((Path(__file__).resolve().parents[2] / "prefect.yaml").read_text(encoding="utf-8"))
    [dep] = spec["deployments"]
    [schedule] = dep["schedules"]
    defaults = Settings()
    assert (dep["name"], schedule["cron"], schedule["timezone"]) == (defaults.deployment, defaults.schedule, defaults.timezone)
    path, name = dep["entrypoint"].split(":")
    module = path.removesuffix(".py").replace("/", ".")
    assert getattr(importlib.import_module(module), name).name == "nightly-ingestion"
