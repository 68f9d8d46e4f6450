"""Data Docs over nightly runs: each run draws its own pages, and only the newest RUNS_KEPT runs
stay in the store and on the site (the whole site redrawn each night grew without end)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from expectations import data_docs
from expectations.runner import SUITES


def _tallies(failing: int) -> dict[str, list[data_docs.Tally]]:
    """Every suite's expectations, each over 100 rows of which `failing` failed."""
    out = {}
    for suite in SUITES:
        spec = json.loads((data_docs.GX_DIR / "expectations" / f"{suite}.json").read_text(encoding="utf-8"))
        out[suite] = [data_docs.Tally(e, 100, 100, failing, ["x"] * failing) for e in spec["expectations"]]
    return out


def _pages(site: Path) -> set[str]:
    return {str(p.relative_to(site)) for p in site.rglob("*.html")}


def _run_times(folder: Path) -> set[str]:
    return {p.name for p in folder.glob("*/__none__/*")}


def test_a_run_draws_the_same_site_as_gx_full_build(tmp_path):
    index = data_docs.build(_tallies(1), tmp_path)
    site = tmp_path / "data_docs"
    drawn = _pages(site)
    assert {f"expectations/{s}.html" for s in SUITES} <= drawn
    assert len([p for p in drawn if p.startswith("validations/")]) == len(SUITES)
    data_docs.context(tmp_path).build_data_docs()  # GX's own whole-site build over the same store
    assert _pages(site) == drawn
    assert index == site / "index.html"


def test_only_the_newest_runs_stay_in_the_store_on_the_site_and_in_the_index(tmp_path, monkeypatch):
    monkeypatch.setattr(data_docs, "RUNS_KEPT", 2)
    for failing in (0, 1, 2):
        data_docs.build(_tallies(failing), tmp_path)
    stored = _run_times(tmp_path / "gx_results")
    drawn = _run_times(tmp_path / "data_docs" / "validations")
    assert len(stored) == 2 and drawn == stored
    index = (tmp_path / "data_docs" / "index.html").read_text(encoding="utf-8")
    listed = set(re.findall(r"validations/\w+/__none__/(\d{8}T\d{6}\.\d{6}Z)/", index))
    assert listed == stored
    # the oldest run's results (no failures) are gone: every kept run failed some expectation
    kept = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "gx_results").rglob("*.json")]
    assert kept and all(not r["success"] for r in kept)
