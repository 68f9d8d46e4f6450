"""The import map: data flows one way, so imports do. A package may import the ones below it,
never one above: common ← extract ← transform ← load ← expectations ← flows ← budget_etl (CLI).

`common` (settings, paths, parser version, safe text) is what every layer may use; the quality
report lives with the rules in `expectations` because the nightly flow writes it."""

from __future__ import annotations

import ast

import pytest

from common.paths import ROOT

LAYERS = ["common", "extract", "transform", "load", "expectations", "flows", "budget_etl"]
RANK = {name: rank for rank, name in enumerate(LAYERS)}


def imported_packages(source: str) -> set[str]:
    """Top-level product packages a module imports, at module level or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found & set(LAYERS)


def upward_imports(package: str) -> list[str]:
    wrong = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for imported in imported_packages(path.read_text(encoding="utf-8")):
            if RANK[imported] > RANK[package]:
                wrong.append(f"{path.relative_to(ROOT)} imports {imported}")
    return wrong


@pytest.mark.parametrize("package", LAYERS)
def test_no_package_imports_one_above_it(package):
    assert upward_imports(package) == []


def test_the_map_sees_a_function_level_import():
    assert imported_packages("def f():\n    from flows.ingest import run_ingest\n") == {"flows"}
    assert imported_packages("import transform.codes as c\nimport polars\n") == {"transform"}


def test_every_product_package_is_on_the_map():
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")} - {"tests", "bench"}
    assert packages == set(LAYERS)
