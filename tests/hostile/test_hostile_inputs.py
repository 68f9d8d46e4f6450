"""The bad-input corpus through the nightly flow, in one run: every file gets its specific
error or a correct load, and the rest of the run goes on."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from common.settings import Settings
from flows import isolation
from flows.ingest import run_ingest
from load.warehouse import Warehouse
from tests.hostile import corpus
from tests.prefect_harness import harness

FACT_KEY = "table_index, row_index, col_index, function_code, economic_code, measure, fund_source, amount_yuan"
NAME_WITH_MARKUP = "<img src=x onerror=alert(1)>[red].txt"


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    inbox = root / "inbox"
    cases = corpus.write_corpus(
        inbox, [*corpus.CASES, corpus.Case(NAME_WITH_MARKUP, lambda: corpus.sample_text("标记局").encode(), "loaded", "2101101")]
    )
    shutil.copy(corpus.SAMPLE, inbox / corpus.SAMPLE.name)
    outside = root / "secret.txt"
    outside.write_text(corpus.sample_text("秘密局"), encoding="utf-8")
    (inbox / "outside-link.txt").symlink_to(outside)
    (inbox / "sub").mkdir()
    shutil.copy(inbox / "bom.txt", inbox / "sub" / "bom.txt")
    (inbox / ".hidden.txt").write_text("x", encoding="utf-8")
    (inbox / "notes.docx").write_bytes(b"PK\x03\x04")
    with open(inbox / "huge.txt", "wb") as fh:  # sparse: 3 GB on paper, nothing on disk
        fh.truncate(3 << 30)
    settings = Settings(
        inbox=inbox,
        warehouse=root / "w.duckdb",
        reports=root / "reports",
        quarantine=root / "quarantine",
        staging=root / "staging",
        workers=2,
        memory_mb=1024,
    )
    with harness():
        summary = run_ingest(settings)
    return summary, settings, cases


def _documents(settings) -> dict[str, dict]:
    with Warehouse(settings.warehouse, read_only=True) as wh:
        return {d["source_file"]: d for d in wh.rows("report/documents.sql")}


def _query(settings, sql: str, params: list | None = None) -> list[tuple]:
    with Warehouse(settings.warehouse, read_only=True) as wh:
        return wh.query(sql, params)[1]


@pytest.mark.parametrize("case", corpus.CASES, ids=lambda c: c.name)
def test_each_case_gets_its_specific_error_or_a_correct_load(run, case):
    summary, settings, _ = run
    failures = {f.source_file: f for f in summary.failed}
    if case.outcome == "loaded":
        assert case.name in summary.new, failures.get(case.name)
        codes = _query(settings, "SELECT DISTINCT function_code FROM fact_budget_amount WHERE source_file = ?", [case.name])
        pages = _query(settings, "SELECT status FROM source_page WHERE source_file = ?", [case.name])
        rows = _query(settings, "SELECT count(DISTINCT row_index) FROM fact_budget_amount WHERE source_file = ?", [case.name])
        assert (case.says,) in codes or (case.says,) in pages or rows == [(int(case.says),)]
    else:
        failure = failures[case.name]
        assert (failure.stage, case.says in failure.message) == (case.outcome, True), failure.message
        stored = _query(settings, "SELECT stage, message FROM ingest_error WHERE source_file = ?", [case.name])
        assert stored == [(failure.stage, failure.message)]
        assert (settings.quarantine / f"{case.name}.error.txt").exists()


@pytest.mark.parametrize(
    "name",
    [
        "gb18030.txt",
        "utf16.txt",
        "utf16le-no-bom.txt",
        "bom.txt",
        "mixed-eol.txt",
        "预算 公开 2024.txt",
        "$(touch pwned);`id`|&>x.txt",
        f"{corpus.INJECTION}.txt",
        "encrypted-owner-only.pdf",
        "300-pages.pdf",
    ],
)
def test_re_encoded_renamed_and_re_wrapped_copies_load_the_same_facts_as_the_original(run, name):
    _, settings, _ = run
    sql = f"SELECT {FACT_KEY} FROM fact_budget_amount WHERE source_file = ? ORDER BY ALL"
    original = _query(settings, sql, [corpus.SAMPLE.name])
    assert len(original) == 231
    assert _query(settings, sql, [name]) == original


def test_the_long_table_loads_every_row(run):
    _, settings, _ = run
    [(rows, facts, total)] = _query(
        settings,
        "SELECT count(DISTINCT row_index), count(*), sum(amount_yuan) "
        "FROM fact_budget_amount WHERE source_file = '20000-rows.txt'",
    )
    basic = sum(1000 + n for n in range(20_000))
    project = sum(n % 7 * 100 for n in range(20_000))
    assert (rows, facts, total) == (20_000, 60_000, 2 * (basic + project))


def test_the_scan_loads_as_a_page_that_needs_ocr(run):
    _, settings, _ = run
    assert _query(settings, "SELECT page, status, n_images FROM source_page WHERE source_file = 'image-only.pdf'") == [
        (1, "needs_ocr", 1)
    ]


def test_the_decompression_bomb_is_stopped_by_the_memory_limit_without_hurting_the_run(run):
    summary, _, _ = run
    [bomb] = [f for f in summary.failed if f.source_file == "bomb.pdf"]
    assert "1024 MB memory limit" in bomb.message and "setting memory_mb" in bomb.message


def test_a_huge_file_is_refused_before_it_is_read(run):
    summary, _, _ = run
    [huge] = [f for f in summary.failed if f.source_file == "huge.txt"]
    assert huge.message == "the file is 3,072 MB, over the 200 MB limit for one disclosure (setting max_file_mb)"


def test_a_link_out_of_the_inbox_is_refused_unread_and_not_copied(run):
    summary, settings, _ = run
    [link] = [f for f in summary.failed if f.source_file == "outside-link.txt"]
    assert link.stage == "discover" and "leads outside" in link.message and "secret.txt" in link.message
    assert "outside-link.txt" not in _documents(settings)
    assert not (settings.quarantine / "outside-link.txt").exists()
    assert (settings.quarantine / "outside-link.txt.error.txt").exists()


def test_a_second_file_of_the_same_name_is_refused_and_hidden_or_foreign_files_are_named(run):
    summary, settings, _ = run
    [dup] = summary.duplicates
    assert dup.path == str(settings.inbox / "sub" / "bom.txt") and "same file name" in dup.message
    assert _query(settings, "SELECT department FROM source_document WHERE source_file = 'bom.txt'") == [("BOM局",)]
    assert sorted(summary.ignored) == [".hidden.txt", "notes.docx"]


def test_strings_from_documents_are_data_not_sql_shell_or_html(run):
    summary, settings, _ = run
    assert f"{corpus.INJECTION}.txt" in summary.new
    assert _query(settings, "SELECT count(*) FROM fact_budget_amount WHERE source_file = ?", [f"{corpus.INJECTION}.txt"]) == [
        (231,)
    ]
    assert not (settings.inbox / "pwned").exists() and not Path("pwned").exists()
    [(label,)] = _query(
        settings,
        "SELECT DISTINCT row_label FROM fact_budget_amount "
        "WHERE source_file = 'hostile-cells.txt' AND row_label LIKE '事业运行%'",
    )
    assert label.startswith("事业运行\x00\x07\x1b[31m\x08")  # stored as printed; tags were stripped as HTML remnants
    html = (settings.reports / "quality_report.html").read_text(encoding="utf-8")
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;[red].txt" in html
    markdown = (settings.reports / "quality_report.md").read_text(encoding="utf-8")
    assert not any(ch in html + markdown for ch in "\x00\x07\x1b\x08")
    assert "\\x00\\x07\\x1b[31m\\x08" in html + markdown or "\\x00" in html + markdown


def test_a_file_over_the_time_limit_is_stopped_and_named(tmp_path):
    slow = tmp_path / "slow.txt"
    slow.write_text(corpus.long_table(20_000), encoding="utf-8")
    limits = isolation.Limits(seconds=0.3)
    isolation.run(Path(corpus.SAMPLE), "warm-up", tmp_path / "staging", limits, 1)  # workers started
    failure = isolation.run(slow, "sha", tmp_path / "staging", limits, 1)
    assert failure.stage == "extract"
    assert failure.message == "stopped after 0.3 s: over the time limit for one file (setting file_timeout)"
    again = isolation.run(Path(corpus.SAMPLE), "sha", tmp_path / "staging", isolation.Limits(), 1)
    assert again.record.source_file == corpus.SAMPLE.name  # the pool replaced the stopped worker


def test_the_run_goes_on_and_says_what_happened(run):
    summary, settings, cases = run
    loaded = {n for n, c in cases.items() if c.outcome == "loaded"} | {corpus.SAMPLE.name}
    assert set(summary.new) == loaded
    failed = {n for n, c in cases.items() if c.outcome != "loaded"} | {"huge.txt", "outside-link.txt"}
    assert {f.source_file for f in summary.failed} == failed
    assert set(_documents(settings)) == loaded
    assert not any(settings.staging.iterdir())
    assert os.listdir(settings.warehouse.parent).count("w.duckdb.working") == 0
