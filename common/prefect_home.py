"""Where Prefect keeps its state when budget-etl runs its own temporary Prefect server.

With no ``PREFECT_API_URL``, a flow run starts a temporary local Prefect server whose SQLite
database is ``$PREFECT_HOME/prefect.db``, and Prefect reads its profiles
(``$PREFECT_HOME/profiles.toml``), logging config and memo store from ``PREFECT_HOME``, which
defaults to ``~/.prefect``. That folder belongs to whatever other Prefect the machine has
used: a database migrated by a newer Prefect cannot be opened by ours (alembic "Can't locate
revision"), and a profile may point ``PREFECT_API_URL`` at a server that is long gone. So,
unless the user chose (``PREFECT_API_URL``: a server; ``PREFECT_HOME``: a home), budget-etl
gives Prefect a home of its own: the ``prefect_home`` setting (default ``data/prefect``).

Prefect reads its settings when it is imported (``prefect.context`` builds the global
settings context at import time), so ``isolate`` must run before anything imports prefect.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping
from pathlib import Path

# Either one means the user has told Prefect where to go; budget-etl then leaves Prefect alone.
USER_CHOICES = ("PREFECT_API_URL", "PREFECT_HOME")
# Seconds the temporary server may take to start (Prefect's default is 20): on a busy 2-core machine
# (other jobs running beside the nightly) it took longer, and the run failed before reading a file.
SERVER_STARTUP_TIMEOUT_S = 120


def user_choice(env: MutableMapping[str, str] | None = None) -> str | None:
    """The Prefect variable the user set that points Prefect somewhere, if any."""
    env = os.environ if env is None else env
    return next((name for name in USER_CHOICES if env.get(name)), None)


def isolate(home: Path, env: MutableMapping[str, str] | None = None) -> Path | None:
    """Point Prefect at `home` (its database, profiles, logging config, memo store) unless the
    user set PREFECT_API_URL or PREFECT_HOME; returns the home set, or None if left alone.

    PREFECT_PROFILES_PATH is set too (unless the user set it), so no ``~/.prefect/profiles.toml``
    is read. Call it before prefect is imported: Prefect reads its settings at import time."""
    env = os.environ if env is None else env
    if user_choice(env):
        return None
    home = Path(home).expanduser().resolve()  # absolute: the temporary server is another process
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    env["PREFECT_HOME"] = str(home)
    env.setdefault("PREFECT_PROFILES_PATH", str(home / "profiles.toml"))
    env.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", str(SERVER_STARTUP_TIMEOUT_S))
    return home


def describe(home: Path, env: MutableMapping[str, str] | None = None) -> str:
    """One line for `budget-etl config`: where Prefect's state goes, and why."""
    env = os.environ if env is None else env
    choice = user_choice(env)
    if choice == "PREFECT_API_URL":
        return "Prefect: PREFECT_API_URL is set, so flow runs use that server; prefect_home is not used"
    if choice == "PREFECT_HOME":
        return f"Prefect: PREFECT_HOME ({env['PREFECT_HOME']}) is set; prefect_home is not used"
    return (
        f"Prefect: no PREFECT_API_URL, so a flow run starts a temporary Prefect server whose state "
        f"(database, profiles) is kept in prefect_home ({Path(home).expanduser().resolve()}), never ~/.prefect"
    )
