"""Findings and issues do not depend on the order the checks' rows come in: a validation pass's
documents are checked in shares by the worker processes and put together again."""

from __future__ import annotations

import polars as pl

from expectations import issues, runner
from expectations.checks.frames import check_frames
from load.warehouse import Warehouse


def _issues(frames: dict[str, pl.DataFrame | None], tmp_path) -> tuple[pl.DataFrame, pl.DataFrame]:
    found = runner.run(frames, tmp_path, data_docs=False).findings
    return issues.group(found)


def test_the_rows_of_the_checks_in_any_order_give_the_same_numbered_issues(sample_warehouse, tmp_path):
    with Warehouse(sample_warehouse, read_only=True) as wh:
        files = wh.documents()
        facts, tables, uncertain = wh.check_inputs(files)
        frames = check_frames(facts, tables, uncertain, wh.check_pages(files), wh.check_items(files), wh.check_documents(files))
    reversed_frames = {k: None if f is None else f.reverse() for k, f in frames.items()}
    findings, numbered = _issues(frames, tmp_path)
    again, renumbered = _issues(reversed_frames, tmp_path)
    assert numbered.height > 20  # the samples' documents do have issues to number
    assert findings.drop("validated_at").equals(again.drop("validated_at"))
    assert numbered.equals(renumbered)


def test_a_sum_beyond_its_rounding_is_written_once_as_an_error_and_a_sum_within_it_as_a_warning():
    from expectations.findings import most_severe_rows

    rounding = {"severity": "warning", "meta": {"rule": "rounding"}}  # fails every sum that is not exact
    exact = {"severity": "critical", "meta": {"rule": "exact"}}  # fails the sums beyond their rounding
    # rows 3 and 5 of the comparisons are off; 5 beyond its rounding (both fail it), 3 within it
    kept = most_severe_rows("rollups", [(rounding, [3, 5], ["code_rollup", "code_rollup"]), (exact, [5], ["code_rollup"])])
    assert kept == [[3], [5]]
    # outside the comparison suites each expectation's own rule tells the items apart
    assert most_severe_rows("reference", [(rounding, [1], None), (exact, [1], None)]) == [[1], [1]]
