"""The README's schema section cannot drift from the DDL: every table sql/schema/ creates is named
there, and every table it names in sql/schema/'s and sql/refresh/'s bullets exists."""

from __future__ import annotations

import re

from common.paths import ROOT

SCHEMA = ROOT / "sql" / "schema"
CREATED = re.compile(r"CREATE TABLE IF NOT EXISTS (\w+)")


def schema_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## Schema (`sql/`)\n", 1)[1].split("\n## ", 1)[0]


def tables() -> set[str]:
    return {name for path in SCHEMA.glob("*.sql") for name in CREATED.findall(path.read_text(encoding="utf-8"))}


def test_every_table_of_the_ddl_is_named_in_the_schema_section():
    text = schema_section()
    assert sorted(t for t in tables() if f"`{t}`" not in text) == []


def test_every_table_the_schema_section_names_exists():
    named = set(re.findall(r"`((?:source|fact|dim|dq|agg|ref)_\w+)`", schema_section()))
    assert sorted(named - tables()) == []
