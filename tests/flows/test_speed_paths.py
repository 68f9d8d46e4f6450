"""Issue 24's faster paths give the same warehouse as the plain ones (no timings here: the
benchmark measures them, `python -m bench --only outputs` checks the content hashes):
a batch of staged documents loaded in one transaction, validation in several passes, and the
nothing-changed run that starts no flow."""

from __future__ import annotations

import os
import time

import polars as pl

from common.paths import SAMPLES
from common.version import PARSER_VERSION
from flows import isolation, plan, staging, steps
from flows import validate as validation
from flows.ingest import _write_batch
from load import fingerprints
from load.warehouse import Warehouse


def _prepared():
    return [steps.prepare(p, steps.fingerprint(p)) for p in steps.discover([SAMPLES]).files]


def test_a_staged_batch_loads_what_one_document_at_a_time_loads(tmp_path):
    prepared = _prepared()
    with Warehouse(tmp_path / "one.duckdb") as wh:
        for p in prepared:
            steps.store(wh, p, steps.RunSummary(), previously_loaded=False)
        one_by_one = wh.content_hash()[0]
    summary = steps.RunSummary()
    done = [(p.record.path, p.record.sha256, False, staging.stage(p, tmp_path / "staging")) for p in prepared]
    with Warehouse(tmp_path / "batch.duckdb") as wh:
        _write_batch(wh, done, summary, None)
        batched = wh.content_hash()[0]
    assert batched == one_by_one
    assert sorted(summary.new) == sorted(p.record.source_file for p in prepared)
    assert summary.facts == sum(p.normalized.facts.height for p in prepared)
    assert not any((tmp_path / "staging").iterdir())  # the writer removed what it loaded


def test_a_batch_that_cannot_load_is_loaded_document_by_document(tmp_path, monkeypatch):
    prepared = _prepared()
    done = [(p.record.path, p.record.sha256, False, staging.stage(p, tmp_path / "staging")) for p in prepared]

    def broken(self, documents, files):
        raise RuntimeError("the batch breaks")

    monkeypatch.setattr(Warehouse, "load_staged", broken)
    summary = steps.RunSummary()
    with Warehouse(tmp_path / "w.duckdb") as wh:
        _write_batch(wh, done, summary, None)
        assert len(wh.documents()) == len(prepared) and not summary.failed


def test_validation_in_passes_stores_the_findings_of_one_pass(tmp_path, monkeypatch):
    tables = ("dq_finding", "dq_issue", "dq_document_score")
    hashes = []
    for per_pass in (1000, 2):
        monkeypatch.setattr(validation, "DOCUMENTS_PER_PASS", per_pass)
        with Warehouse(tmp_path / f"w{per_pass}.duckdb") as wh:
            for p in _prepared():
                steps.store(wh, p, steps.RunSummary(), previously_loaded=False)
            wh.refresh_dimensions()
            found = validation.validate(wh, None, tmp_path / f"reports{per_pass}", data_docs=False)
            hashes.append({t["table_name"]: t["content_md5"] for t in wh.content_hash()[1] if t["table_name"] in tables})
            hashes[-1]["findings"] = found.findings.height
    assert hashes[0] == hashes[1]


def test_validation_overlapping_passes_in_the_workers_stores_what_one_pass_here_stores(tmp_path, monkeypatch):
    tables = ("dq_finding", "dq_issue", "dq_document_score")
    with Warehouse(tmp_path / "w.duckdb") as wh:
        for p in _prepared():
            steps.store(wh, p, steps.RunSummary(), previously_loaded=False)
        wh.refresh_dimensions()
        alone = validation.validate(wh, None, tmp_path / "alone", data_docs=False)
        here = {t["table_name"]: t["content_md5"] for t in wh.content_hash()[1] if t["table_name"] in tables}
        monkeypatch.setattr(validation, "DOCUMENTS_PER_PASS", 4)  # nine samples: three passes, two in flight
        monkeypatch.setattr(validation, "DOCUMENTS_PER_WORKER_MIN", 1)  # each pass in two shares, one a worker
        try:
            overlapped = validation.validate(wh, None, tmp_path / "overlapped", data_docs=False, workers=2)
        finally:
            isolation.shutdown()
        there = {t["table_name"]: t["content_md5"] for t in wh.content_hash()[1] if t["table_name"] in tables}
    assert there == here
    assert overlapped.findings.height == alone.findings.height > 0
    assert sorted(overlapped.findings["source_file"]) == sorted(alone.findings["source_file"])


def test_one_pass_checked_in_two_shares_returns_its_findings_and_issues_as_checked_together(tmp_path, monkeypatch):
    with Warehouse(tmp_path / "w.duckdb") as wh:
        for p in _prepared():
            steps.store(wh, p, steps.RunSummary(), previously_loaded=False)
        wh.refresh_dimensions()
        alone = validation.validate(wh, None, tmp_path / "alone", data_docs=False)
        monkeypatch.setattr(validation, "DOCUMENTS_PER_WORKER_MIN", 1)  # the nine samples' one pass in two shares
        try:
            shared = validation.validate(wh, None, tmp_path / "shared", data_docs=False, workers=2)
        finally:
            isolation.shutdown()
    assert shared.findings.drop("validated_at").rows() == alone.findings.drop("validated_at").rows()
    assert sorted(shared.issues.rows()) == sorted(alone.issues.rows())
    assert shared.findings.filter(pl.col("severity") == "error").height > 0


def test_nothing_changed_is_said_without_the_flow_only_when_nothing_is_to_do(tmp_path):
    warehouse, reports = tmp_path / "w.duckdb", tmp_path / "reports"
    assert plan.unchanged_run(warehouse, [SAMPLES], reports) is None  # no warehouse yet
    with Warehouse(warehouse) as wh:
        for p in _prepared():
            steps.store(wh, p, steps.RunSummary(), previously_loaded=False)
    assert plan.unchanged_run(warehouse, [SAMPLES], reports) is None  # no report yet
    reports.mkdir()
    for name in plan.REPORT_FILES:
        (reports / name).write_text("report", encoding="utf-8")
    summary = plan.unchanged_run(warehouse, [SAMPLES], reports)
    assert summary is not None and len(summary.unchanged) == len(_prepared()) and not summary.new
    stale = time.time() - 3600
    os.utime(reports / plan.REPORT_FILES[0], (stale, stale))
    assert plan.unchanged_run(warehouse, [SAMPLES], reports) is None  # the report is older than the warehouse's content
    os.utime(reports / plan.REPORT_FILES[0])
    assert plan.unchanged_run(warehouse, [SAMPLES], reports) is not None


def test_the_fingerprints_kept_beside_the_warehouse_are_used_only_while_it_is_the_same_file(tmp_path, monkeypatch):
    warehouse = tmp_path / "w.duckdb"
    with Warehouse(warehouse) as wh:
        for p in _prepared():
            steps.store(wh, p, steps.RunSummary(), previously_loaded=False)
    loaded, failed, changed = fingerprints.remember(warehouse)
    assert loaded["004_7a705042fb416c6b.txt"] == (steps.fingerprint(SAMPLES / "004_7a705042fb416c6b.txt"), PARSER_VERSION)

    def no_duckdb(*_):
        raise AssertionError("the warehouse was opened")

    monkeypatch.setattr(fingerprints, "_on", no_duckdb)
    assert fingerprints.with_last_written(warehouse) == (loaded, failed, changed)  # from the copy beside it
    monkeypatch.undo()
    copy = tmp_path / "copy_of_004.txt"
    copy.write_bytes((SAMPLES / "004_7a705042fb416c6b.txt").read_bytes() + b"\n")
    with Warehouse(warehouse) as wh:  # the warehouse changes: the copy beside it no longer counts
        steps.store(wh, steps.prepare(copy, steps.fingerprint(copy)), steps.RunSummary(), previously_loaded=False)
    again, _, _ = fingerprints.with_last_written(warehouse)
    assert "copy_of_004.txt" in again and "copy_of_004.txt" not in loaded


def test_a_staged_document_sends_back_no_frames_and_restores_its_empty_ones(tmp_path):

    prepared = _prepared()
    for p in prepared:
        staged = staging.stage(p, tmp_path / "staging")
        assert not _frames_in(staged.stats)  # what a worker sends back: empty frames neither
        restored = staging.restore(staged).normalized
        for name in staging.FRAMES:
            frame, before = getattr(restored, name), getattr(p.normalized, name)
            assert frame.height == before.height and set(staging.SCHEMAS[name]) <= set(frame.columns)
        for name, before in p.normalized.items.items():
            assert restored.items[name].height == before.height
            if not before.height:
                assert restored.items[name].schema == pl.Schema(staging.SCHEMAS[name])
    assert any(not f.height for p in prepared for f in p.normalized.items.values())  # the samples have empty frames


def _frames_in(value) -> list:
    if isinstance(value, dict):
        return [f for v in value.values() for f in _frames_in(v)]
    return [value] if type(value).__name__ == "DataFrame" else []


def test_a_staged_batch_takes_a_column_one_document_lacks_as_null(tmp_path):
    first, second = _prepared()[:2]
    facts = second.normalized.facts
    second.normalized.facts = facts.drop("row_label")  # as a frame made before the column existed
    done = [(p.record.path, p.record.sha256, False, staging.stage(p, tmp_path / "staging")) for p in (first, second)]
    with Warehouse(tmp_path / "w.duckdb") as wh:
        _write_batch(wh, done, steps.RunSummary(), None)
        labels = dict(
            wh.con.execute("SELECT source_file, count(row_label) FROM fact_budget_amount GROUP BY source_file").fetchall()
        )
    assert labels == {first.record.source_file: first.normalized.facts["row_label"].count(), second.record.source_file: 0}
    assert labels[first.record.source_file] > 0


def test_the_discarder_removes_every_staged_folder_and_holds_only_what_is_not_yet_removed(tmp_path):
    staged = [staging.stage(p, tmp_path / "staging") for p in _prepared()]
    with staging.Discarder() as discard:
        for s in staged[:-1]:
            discard(s)
        discard._pending[-1].result()  # one thread, in order: every removal so far is done
        discard(staged[-1])
        assert len(discard._pending) == 1  # the done ones are let go, not held to the end of the run
    assert not any((tmp_path / "staging").iterdir())
