"""Every rule has its parts: an expectation with severity and description in its suite, the check
that computes its rows (expectations/checks/ or sql/quality/), and a test that plants its fault
and names it. A rule added without one of them fails here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from common.paths import ROOT

SUITES = ROOT / "expectations" / "gx" / "expectations"
COMPUTATION = [*(ROOT / "expectations" / "checks").glob("*.py"), *(ROOT / "sql" / "quality").glob("*.sql")]
TESTS = [p for p in (ROOT / "tests").rglob("*.py") if p.name.startswith("test_") and p.name != Path(__file__).name]
COMPARISON_SUITES = {"rollups", "reconciliation"}  # their rows carry the rule's name (expectations/findings.py)


def expectations() -> list[tuple[str, dict]]:
    return [
        (path.stem, e)
        for path in sorted(SUITES.glob("*.json"))
        for e in json.loads(path.read_text(encoding="utf-8"))["expectations"]
    ]


def rules() -> list[tuple[str, str]]:
    return sorted({(suite, e["meta"]["rule"]) for suite, e in expectations()})


def _text(paths: list[Path]) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in paths)


def _columns(expectation: dict) -> list[str]:
    kwargs = expectation["kwargs"]
    return [c for key in ("column", "column_A", "column_B") if (c := kwargs.get(key))] + kwargs.get("column_list", [])


@pytest.mark.parametrize("suite,expectation", expectations(), ids=lambda v: v if isinstance(v, str) else v["meta"]["rule"])
def test_each_expectation_says_what_it_checks_and_how_bad(suite, expectation):
    meta = expectation["meta"]
    assert (
        meta.get("description", "").strip()
        and meta.get("kind")
        and expectation.get("severity") in {"critical", "warning", "info"}
    )


@pytest.mark.parametrize("suite,rule", rules())
def test_each_rule_is_computed(suite, rule):
    """A comparison rule is named by the check that makes its rows; another rule's columns are."""
    source = _text(COMPUTATION)
    if suite in COMPARISON_SUITES:
        assert f'"{rule}"' in source or f"'{rule}'" in source
    else:
        for _, e in expectations():
            if e["meta"]["rule"] == rule:
                assert all(re.search(rf"\b{re.escape(c)}\b", source) for c in _columns(e)), _columns(e)


@pytest.mark.parametrize("suite,rule", rules())
def test_each_rule_has_a_test_that_plants_its_fault(suite, rule):
    source = _text(TESTS)
    assert f'"{rule}"' in source or f"'{rule}'" in source, f"no test names rule {rule}"
