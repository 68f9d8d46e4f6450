"""Configuration in one place: defaults, then a TOML settings file, then environment variables.

The file is ``budget-etl.toml`` in the working directory, or the one ``BUDGET_ETL_CONFIG``
names; each setting also reads ``BUDGET_ETL_<NAME>`` (e.g. ``BUDGET_ETL_INBOX``). Command-line
options override both. ``budget-etl config`` prints the result and where each value came from.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from common import paths

RUNNERS = ("threads", "processes", "dask")


@dataclass(frozen=True)
class Settings:
    inbox: Path = paths.SAMPLES  # where new disclosures arrive (searched recursively)
    warehouse: Path = paths.WAREHOUSE  # the DuckDB file
    reports: Path = paths.REPORTS  # quality report and Data Docs
    quarantine: Path = paths.ROOT / "data" / "quarantine"  # copies of files that failed, with their error
    staging: Path = paths.ROOT / "data" / "staging"  # Parquet frames workers hand to the writer
    prefect_home: Path = paths.ROOT / "data" / "prefect"  # PREFECT_HOME of the temporary Prefect server (common/prefect_home.py)
    schedule: str = "0 2 * * *"  # cron of the nightly run
    timezone: str = "Asia/Shanghai"
    runner: str = "threads"  # threads | processes | dask
    workers: int = 0  # parallel extractions; 0 = one per CPU
    dask_address: str = ""  # tcp://host:8786 of a Dask scheduler; sets runner = dask
    retries: int = 3  # for transient I/O errors, with exponential back-off
    file_timeout: int = 300  # seconds to prepare one file before its worker is stopped
    ocr_page_timeout: int = 60  # more seconds for each page of a PDF or image, which OCR may have to read
    memory_mb: int = 2048  # memory (heap) of the worker preparing one file
    max_file_mb: int = 200  # larger files are refused unread
    lock_wait: int = 0  # seconds a run waits for another run writing the warehouse before giving up
    deployment: str = "nightly"  # name of the served deployment

    @property
    def parallelism(self) -> int:
        return self.workers or os.cpu_count() or 1


SOURCE_DEFAULT, SOURCE_FILE, SOURCE_ENV = "default", "file", "env"


def config_file(env: dict[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    return Path(env.get("BUDGET_ETL_CONFIG", "budget-etl.toml"))


def load(env: dict[str, str] | None = None) -> tuple[Settings, dict[str, str]]:
    """The settings and, per setting, where its value came from."""
    env = os.environ if env is None else env
    path = config_file(env)
    from_file: dict = {}
    if path.exists():
        try:
            from_file = tomllib.loads(path.read_text(encoding="utf-8")).get("budget-etl", {})
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"{path}: not valid TOML: {exc}") from None
    values, sources = {}, {}
    for f in fields(Settings):
        key = f"BUDGET_ETL_{f.name.upper()}"
        if key in env:
            values[f.name], sources[f.name] = env[key], SOURCE_ENV
        elif f.name in from_file:
            values[f.name], sources[f.name] = from_file[f.name], f"{SOURCE_FILE} {path}"
        else:
            sources[f.name] = SOURCE_DEFAULT
    unknown = sorted(set(from_file) - {f.name for f in fields(Settings)})
    if unknown:
        raise SettingsError(f"{path}: unknown setting(s) {', '.join(unknown)}")
    return settle(Settings(**{k: _typed(k, v) for k, v in values.items()})), sources


def settle(settings: Settings) -> Settings:
    """The settings made whole and checked, wherever they came from (file, environment, the
    command line's options): a Dask scheduler's address means the Dask runner."""
    if settings.dask_address and settings.runner != "dask":
        settings = replace(settings, runner="dask")
    if settings.runner not in RUNNERS:
        raise SettingsError(f"runner must be one of {', '.join(RUNNERS)}, not {settings.runner!r}")
    return settings


def _typed(name: str, value):
    kind = {f.name: f.type for f in fields(Settings)}[name]
    try:
        if kind == "Path":
            return Path(value).expanduser()
        if kind == "int":
            return int(value)
    except (TypeError, ValueError):
        raise SettingsError(f"setting {name}: expected a number, got {value!r}") from None
    return str(value)


class SettingsError(ValueError):
    pass
