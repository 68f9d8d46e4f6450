"""budget-etl on a machine where another Prefect has been used: its temporary Prefect server
keeps its state under prefect_home and never reads or writes ~/.prefect, unless the user
pointed Prefect somewhere (PREFECT_API_URL or PREFECT_HOME)."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from common import paths, prefect_home
from common.paths import SAMPLES
from common.settings import Settings
from load.warehouse import Warehouse

CLI = Path(sys.executable).parent / "budget-etl"
SAMPLE = SAMPLES / "000_5cfcfeb062623b8f.txt"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _newer_database(prefect: Path) -> None:
    """What a newer Prefect leaves in ~/.prefect: a database at an alembic revision ours does
    not know (its temporary server fails to migrate it: "Can't locate revision")."""
    with sqlite3.connect(prefect / "prefect.db") as db:
        db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
        db.execute("INSERT INTO alembic_version VALUES ('9f9f9f9f9f9f')")
    (prefect / "memo_store.toml").write_text('block_auto_registration = "0123456789abcdef"\n', encoding="utf-8")


def _profile_with_a_dead_server(prefect: Path) -> None:
    """An active profile naming a server that is gone and a database of its own."""
    (prefect / "profiles.toml").write_text(
        f'active = "elsewhere"\n\n[profiles.elsewhere]\nPREFECT_API_URL = "http://127.0.0.1:{_closed_port()}/api"\n'
        f'PREFECT_SERVER_DATABASE_CONNECTION_URL = "sqlite+aiosqlite:///{prefect}/other.db"\n',
        encoding="utf-8",
    )


def _another_prefect(prefect: Path) -> None:
    _newer_database(prefect)
    _profile_with_a_dead_server(prefect)


@pytest.fixture()
def machine(tmp_path) -> tuple[dict[str, str], Path]:
    """The environment of a user who set no PREFECT_* variable, with HOME at tmp_path/home
    (its ~/.prefect empty, for a test to put another installation's files in)."""
    home = tmp_path / "home"
    (home / ".prefect").mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        {
            "HOME": str(home),
            "COLUMNS": "250",
            "BUDGET_ETL_CONFIG": str(tmp_path / "none.toml"),
            "BUDGET_ETL_WAREHOUSE": str(tmp_path / "w.duckdb"),
            "BUDGET_ETL_REPORTS": str(tmp_path / "reports"),
            "BUDGET_ETL_QUARANTINE": str(tmp_path / "quarantine"),
            "BUDGET_ETL_STAGING": str(tmp_path / "staging"),
            "BUDGET_ETL_PREFECT_HOME": str(tmp_path / "project-prefect"),
        }
    )
    return env, home / ".prefect"


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_ingest_keeps_prefect_state_under_prefect_home_not_in_another_installations(machine, tmp_path):
    """The reported bug: `make run` failed (the temporary server could not migrate ~/.prefect's
    database). The profile is left to the next tests: with it, an unfixed run fails sooner, on
    the dead server, and never reaches the database."""
    env, foreign = machine
    _newer_database(foreign)
    before = _files(foreign)
    run = subprocess.run([str(CLI), "ingest", str(SAMPLE)], env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-4000:]
    with Warehouse(tmp_path / "w.duckdb", read_only=True) as wh:
        assert wh.query("SELECT count(*) FROM fact_budget_amount")[1] == [(231,)]
    assert _files(foreign) == before  # not read into a failure, not written, nothing added
    assert (tmp_path / "project-prefect" / "prefect.db").is_file()  # the temporary server's state is ours


# What Prefect resolves in a process that went through the CLI's set-up (Prefect reads its
# settings when imported, so this has to be a fresh process).
PROBE = """
import json, sys
from budget_etl import cli
assert "prefect" not in sys.modules, "importing the CLI imported prefect"
cli._prefect_env(cli._settings())
from prefect.settings import get_current_settings
s = get_current_settings()
print(json.dumps({"home": str(s.home), "profiles": str(s.profiles_path), "api": s.api.url,
                  "database": s.server.database.connection_url.get_secret_value()}))
"""


def _resolved(env: dict[str, str]) -> dict:
    run = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_prefect_resolves_prefect_home_and_reads_no_profile_of_another_installation(machine, tmp_path):
    env, foreign = machine
    _another_prefect(foreign)
    before = _files(foreign)
    ours = tmp_path / "project-prefect"
    assert _resolved(env) == {
        "home": str(ours),
        "profiles": str(ours / "profiles.toml"),
        "api": None,
        "database": f"sqlite+aiosqlite:///{ours}/prefect.db",
    }
    assert _files(foreign) == before


def test_a_prefect_home_the_user_sets_is_used(machine, tmp_path):
    env, foreign = machine
    _another_prefect(foreign)
    mine = tmp_path / "mine"
    resolved = _resolved({**env, "PREFECT_HOME": str(mine)})
    assert (resolved["home"], resolved["profiles"]) == (str(mine), str(mine / "profiles.toml"))
    assert resolved["database"] == f"sqlite+aiosqlite:///{mine}/prefect.db" and resolved["api"] is None
    assert not (tmp_path / "project-prefect").exists()


def test_a_prefect_api_url_the_user_sets_leaves_prefect_alone(machine, tmp_path):
    env, foreign = machine
    _another_prefect(foreign)
    resolved = _resolved({**env, "PREFECT_API_URL": "http://127.0.0.1:4200/api"})
    assert (resolved["home"], resolved["api"]) == (str(foreign), "http://127.0.0.1:4200/api")
    assert not (tmp_path / "project-prefect").exists()


def test_isolate_sets_the_home_and_profiles_only_when_the_user_chose_neither(tmp_path):
    env: dict[str, str] = {}
    assert prefect_home.isolate(tmp_path / "a" / "b", env) == tmp_path / "a" / "b"
    assert env == {
        "PREFECT_HOME": str(tmp_path / "a" / "b"),
        "PREFECT_PROFILES_PATH": str(tmp_path / "a" / "b" / "profiles.toml"),
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    }  # a busy machine's server may start slowly
    assert (tmp_path / "a" / "b").is_dir()
    own_profiles = {"PREFECT_PROFILES_PATH": "/etc/prefect/profiles.toml"}
    prefect_home.isolate(tmp_path / "c", own_profiles)
    assert own_profiles["PREFECT_PROFILES_PATH"] == "/etc/prefect/profiles.toml"
    for chosen in ({"PREFECT_API_URL": "http://prefect:4200/api"}, {"PREFECT_HOME": "/srv/prefect"}):
        env = dict(chosen)
        assert prefect_home.isolate(tmp_path / "d", env) is None and env == chosen
    assert not (tmp_path / "d").exists()


def test_the_default_prefect_home_is_under_the_project():
    assert Settings().prefect_home == paths.ROOT / "data" / "prefect"


def test_the_tests_do_not_use_the_users_prefect_home():
    from prefect.settings import get_current_settings

    settings = get_current_settings()
    user_home = Path("~/.prefect").expanduser()
    assert not settings.home.is_relative_to(user_home) and not settings.profiles_path.is_relative_to(user_home)


def test_config_says_where_prefects_state_goes(monkeypatch, tmp_path):
    from typer.testing import CliRunner

    from budget_etl.cli import app

    monkeypatch.setenv("BUDGET_ETL_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("BUDGET_ETL_PREFECT_HOME", str(tmp_path / "ph"))
    monkeypatch.setenv("COLUMNS", "250")
    for name in prefect_home.USER_CHOICES:
        monkeypatch.delenv(name, raising=False)
    result = CliRunner().invoke(app, ["config"])
    assert result.exit_code == 0, result.output
    assert any("prefect_home" in ln and "BUDGET_ETL_PREFECT_HOME" in ln for ln in result.output.splitlines())
    assert f"kept in prefect_home ({tmp_path / 'ph'}), never ~/.prefect" in " ".join(result.output.split())
    monkeypatch.setenv("PREFECT_API_URL", "http://prefect:4200/api")
    assert "PREFECT_API_URL is set" in CliRunner().invoke(app, ["config"]).output
    assert not (tmp_path / "ph").exists()  # config only says; it creates nothing
