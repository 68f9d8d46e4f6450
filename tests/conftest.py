from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# The tests' Prefect (the harness's servers, results, profiles, memo store) lives in a folder of
# their own, never in ~/.prefect nor the project's prefect_home; set before any test module
# imports prefect, which reads its settings at import time. Subprocesses inherit it.
_PREFECT_HOME = tempfile.mkdtemp(prefix="budget-etl-tests-prefect-")
atexit.register(shutil.rmtree, _PREFECT_HOME, ignore_errors=True)
for _name in ("PREFECT_API_URL", "PREFECT_PROFILE"):
    os.environ.pop(_name, None)
os.environ.update(PREFECT_HOME=_PREFECT_HOME, PREFECT_PROFILES_PATH=os.path.join(_PREFECT_HOME, "profiles.toml"))
from common.prefect_home import SERVER_STARTUP_TIMEOUT_S  # noqa: E402  (imports no prefect)

os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", str(SERVER_STARTUP_TIMEOUT_S))

from common.paths import SAMPLES
from flows import steps
from flows.plan import plan
from load.warehouse import Warehouse

TAB_SAMPLES = ["000_5cfcfeb062623b8f.txt", "001_62df1c6f39ffdb6f.txt", "002_43a13e6a8c0a6925.txt", "004_7a705042fb416c6b.txt"]


def ingest(paths: list[Path], warehouse: Path) -> steps.RunSummary:
    """The flow's steps without Prefect: what `budget-etl ingest` does for each file."""
    summary = steps.RunSummary()
    todo = plan(Path(warehouse), steps.discover(paths).files, False, summary)  # the flow's skip-unchanged rule
    with Warehouse(warehouse) as wh:
        for path, sha, previously in todo:
            steps.store(wh, steps.prepare(path, sha), summary, previously)
    return summary


def querier(warehouse: Path):
    """query(sql, params) -> rows as dicts, read-only on the warehouse at `warehouse`."""

    def run(sql: str, params: list | None = None) -> list[dict]:
        with Warehouse(warehouse, read_only=True) as wh:
            cols, rows = wh.query(sql, params or [])
        return [dict(zip(cols, r)) for r in rows]

    return run


def planted(folder: Path, copies: dict[str, tuple[str, str, str]], originals: dict[str, str]) -> Path:
    """Write `originals` (name -> text) and `copies` (name -> (original, printed, misprinted)) into
    `folder`, each copy with its one fault; ingest and validate them all; the warehouse path."""
    from flows.validate import validate

    for name, text in originals.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name, (original, old, new) in copies.items():
        assert old in originals[original], (name, old)
        (folder / name).write_text(originals[original].replace(old, new), encoding="utf-8")
    path = folder / "wh.duckdb"
    ingest([folder], path)
    with Warehouse(path) as wh:
        validate(wh, None, folder / "reports", data_docs=False)
    return path


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("wh") / "samples.duckdb"
    ingest([SAMPLES], path)
    return path


@pytest.fixture()
def lines(sample_warehouse):
    """Query v_budget_lines: lines(where_sql, params) -> list of dict rows."""

    def run(where: str, params: list) -> list[dict]:
        with Warehouse(sample_warehouse, read_only=True) as wh:
            cols, rows = wh.query(f"SELECT * FROM v_budget_lines WHERE {where} ORDER BY source_file, line, col_index", params)
        return [dict(zip(cols, r)) for r in rows]

    return run
