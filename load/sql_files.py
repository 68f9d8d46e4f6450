"""Reads the SQL that lives in sql/ (one object per file)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"


@cache
def read(relative: str) -> str:
    return (SQL_DIR / relative).read_text(encoding="utf-8")


@cache
def statements(relative: str) -> tuple[str, ...]:
    """The statements of a script file, comments dropped."""
    body = "\n".join(ln for ln in read(relative).splitlines() if not ln.lstrip().startswith("--"))
    return tuple(s.strip() for s in body.split(";") if s.strip())


def files(folder: str) -> list[str]:
    return [f"{folder}/{p.name}" for p in sorted((SQL_DIR / folder).glob("*.sql"))]
