"""The README's command reference cannot drift from the command line: every command is
documented in "Command line" with exactly the options it takes, and nothing else is."""

from __future__ import annotations

import re

import typer

from budget_etl.cli import app
from common.paths import ROOT


def documented() -> dict[str, set[str]]:
    """Each `budget-etl NAME …` bullet of the README's "Command line" section: the options it names."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Command line", 1)[1].split("\n## ", 1)[0]
    bullets = re.split(r"\n- ", section)
    out = {}
    for bullet in bullets:
        if m := re.match(r"`budget-etl ([a-z-]+)", bullet.strip()):
            out[m.group(1)] = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", bullet))
    return out


def commands() -> dict[str, set[str]]:
    group = typer.main.get_command(app)
    return {
        name: {opt for p in cmd.params for opt in (*p.opts, *p.secondary_opts) if opt.startswith("--")} - {"--help"}
        for name, cmd in group.commands.items()
    }


def test_every_command_is_documented_and_every_documented_command_exists():
    assert set(documented()) == set(commands())


def test_each_command_is_documented_with_the_options_it_takes():
    docs, real = documented(), commands()
    assert {name: docs[name] for name in real} == real
