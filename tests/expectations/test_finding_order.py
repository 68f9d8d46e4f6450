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
