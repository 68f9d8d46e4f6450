from pathlib import Path

import pytest
from typer.testing import CliRunner

from budget_etl.cli import app
from common import settings


def test_environment_beats_the_file_which_beats_the_defaults(tmp_path):
    toml = tmp_path / "etl.toml"
    toml.write_text('[budget-etl]\ninbox = "/srv/inbox"\nworkers = 8\nschedule = "0 3 * * *"\n', encoding="utf-8")
    loaded, sources = settings.load({"BUDGET_ETL_CONFIG": str(toml), "BUDGET_ETL_WORKERS": "4"})
    assert (loaded.inbox, loaded.workers, loaded.schedule, loaded.timezone) == (
        Path("/srv/inbox"),
        4,
        "0 3 * * *",
        "Asia/Shanghai",
    )
    assert (sources["inbox"], sources["workers"], sources["timezone"]) == (f"file {toml}", "env", "default")


def test_a_dask_address_means_the_dask_runner():
    loaded, _ = settings.load({"BUDGET_ETL_CONFIG": "/nonexistent.toml", "BUDGET_ETL_DASK_ADDRESS": "tcp://10.0.0.5:8786"})
    assert (loaded.runner, loaded.dask_address) == ("dask", "tcp://10.0.0.5:8786")


@pytest.mark.parametrize(
    "content, env, message",
    [
        ('[budget-etl]\ninboxx = "/x"\n', {}, "unknown setting(s) inboxx"),
        ("[budget-etl\n", {}, "not valid TOML"),
        ("", {"BUDGET_ETL_WORKERS": "many"}, "setting workers: expected a number, got 'many'"),
        ("", {"BUDGET_ETL_RUNNER": "gpu"}, "runner must be one of threads, processes, dask, not 'gpu'"),
    ],
)
def test_bad_settings_are_clear_errors(tmp_path, content, env, message):
    toml = tmp_path / "etl.toml"
    toml.write_text(content, encoding="utf-8")
    with pytest.raises(settings.SettingsError) as err:
        settings.load({"BUDGET_ETL_CONFIG": str(toml), **env})
    assert message in str(err.value)


def test_config_command_prints_values_and_sources(monkeypatch, tmp_path):
    monkeypatch.setenv("BUDGET_ETL_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("BUDGET_ETL_TIMEZONE", "Asia/Urumqi")
    monkeypatch.setenv("COLUMNS", "200")
    result = CliRunner().invoke(app, ["config"])
    assert result.exit_code == 0, result.output
    line = next(ln for ln in result.output.splitlines() if "timezone" in ln)
    assert "Asia/Urumqi" in line and "env" in line and "BUDGET_ETL_TIMEZONE" in line
    assert "0 2 * * *" in result.output and "none: defaults and environment only" in result.output
