"""The report holds the rows of each document's part (its tables, top findings, issues and their
cells) for DOCUMENTS_PER_CHUNK documents at a time, read in the documents' order, and the pages
are the same whatever the chunk."""

from __future__ import annotations

from concurrent.futures import Future

import pytest

from expectations import report
from flows.validate import validate
from load.warehouse import Warehouse

SAMPLES = ["000_5cfcfeb062623b8f.txt", "001_62df1c6f39ffdb6f.txt", "002_43a13e6a8c0a6925.txt"]
SAMPLES += ["003_d15ab5ced7e0f0d4.txt", "004_7a705042fb416c6b.txt"]
PER_DOCUMENT = ("report/tables.sql", "report/top_findings.sql", "report/issues.sql", "report/issue_cells.sql")


@pytest.fixture(scope="module")
def warehouse(sample_warehouse, tmp_path_factory):
    work = tmp_path_factory.mktemp("chunks")
    copy = work / "w.duckdb"
    copy.write_bytes(sample_warehouse.read_bytes())
    with Warehouse(copy) as wh:
        validate(wh, None, work / "reports", data_docs=False)
        yield wh


def _pages(wh, folder, monkeypatch, per_chunk: int) -> tuple[report.Report, str, str]:
    monkeypatch.setattr(report, "DOCUMENTS_PER_CHUNK", per_chunk)
    gathered = report.gather(wh)
    gathered.generated_at = "fixed"
    html, md = report.write(gathered, folder)
    return gathered, html.read_text(encoding="utf-8"), md.read_text(encoding="utf-8")


def test_chunks_of_two_documents_make_the_same_pages_as_one_chunk(warehouse, tmp_path, monkeypatch):
    whole, html, md = _pages(warehouse, tmp_path / "whole", monkeypatch, 200)
    chunked, chunked_html, chunked_md = _pages(warehouse, tmp_path / "two", monkeypatch, 2)
    assert [d["source_file"] for d in chunked.documents] == SAMPLES
    assert chunked_html == html and chunked_md == md
    assert chunked_html == report.render_html(chunked) and chunked_md == report.render_markdown(chunked)
    # the same kept parts: each document's inputs are the same read in a chunk of two
    assert sorted(p.name for p in (tmp_path / "two" / report.SECTIONS_DIR).iterdir()) == sorted(
        p.name for p in (tmp_path / "whole" / report.SECTIONS_DIR).iterdir()
    )
    # rows of the last chunk (004 alone) and of the first, read again, with their verdicts
    tables = chunked.tables["004_7a705042fb416c6b.txt"]
    assert len(tables) == 8 and tables[0]["title"] == "部门收支总表" and tables[0]["verdict"] == "adds up (cent rounding only)"
    assert [t["title"] for t in chunked.tables["000_5cfcfeb062623b8f.txt"]][0] == "会议费培训费明细"
    assert len(chunked.top["003_d15ab5ced7e0f0d4.txt"]) == report.TOP_FINDINGS
    assert len(chunked.issues["003_d15ab5ced7e0f0d4.txt"]) == 10 and len(chunked.issues.cells["003_d15ab5ced7e0f0d4.txt"]) == 10
    assert "部门收支总表" in chunked_html and "会议费培训费明细" in chunked_html


def test_the_report_reads_its_documents_rows_a_chunk_at_a_time_in_order(warehouse, tmp_path, monkeypatch):
    read: dict[str, list[list]] = {sql: [] for sql in PER_DOCUMENT}
    real = warehouse.rows

    def rows(sql, params=None):
        if sql in read:
            read[sql].append(list(params or []))
        return real(sql, params)

    monkeypatch.setattr(warehouse, "rows", rows)
    gathered, html, _ = _pages(warehouse, tmp_path, monkeypatch, 2)
    chunks = [[SAMPLES[0:2]], [SAMPLES[2:4]], [SAMPLES[4:]]]  # the files: the queries' last parameter
    top = [[report.TOP_FINDINGS, *files] for files in chunks]
    # the parts' inputs are read once (the page takes the kept parts); the Markdown reads the top
    # findings and issues again, in order, without their cells
    assert read == {
        "report/tables.sql": chunks,
        "report/top_findings.sql": top + top,
        "report/issues.sql": chunks + chunks,
        "report/issue_cells.sql": chunks,
    }
    # held: the last chunk only
    for held in (gathered.tables, gathered.top, gathered.issues.rows, gathered.issues.cells):
        assert set(held.held) <= {"004_7a705042fb416c6b.txt"} and held.chunk == 2
    assert "004_7a705042fb416c6b.txt" in html


def test_new_parts_go_to_the_workers_a_task_at_a_time_across_chunks(warehouse, tmp_path, monkeypatch):
    class Pool:  # runs each task at once, as a worker would
        tasks: list[list[str]] = []

        def schedule(self, fn, args):
            self.tasks.append([inputs["d"]["source_file"] for inputs, _ in args[0]])
            future = Future()
            future.set_result(fn(*args))
            return future

    monkeypatch.setattr(report, "SECTIONS_PER_WORKER_MIN", 1)
    monkeypatch.setattr(report, "SECTIONS_PER_TASK", 3)
    monkeypatch.setattr(report, "DOCUMENTS_PER_CHUNK", 2)
    gathered = report.gather(warehouse)
    gathered.generated_at = "fixed"
    pool = Pool()
    html, _ = report.write(gathered, tmp_path, pool, workers=2)
    assert pool.tasks == [SAMPLES[:3], SAMPLES[3:]]  # a task takes parts of two chunks
    assert html.read_text(encoding="utf-8") == report.render_html(gathered)


def test_new_parts_drawn_here_are_drawn_a_chunk_at_a_time(warehouse, tmp_path, monkeypatch):
    drawn: list[list[str]] = []
    real = report.write_sections
    monkeypatch.setattr(
        report, "write_sections", lambda work: drawn.append([i["d"]["source_file"] for i, _ in work]) or real(work)
    )
    monkeypatch.setattr(report, "DOCUMENTS_PER_CHUNK", 2)
    gathered = report.gather(warehouse)
    gathered.generated_at = "fixed"
    html, _ = report.write(gathered, tmp_path)
    assert drawn == [SAMPLES[0:2], SAMPLES[2:4], SAMPLES[4:]]  # not the run's five new parts held at once
    assert len(list((tmp_path / report.SECTIONS_DIR).iterdir())) == 5
    assert html.read_text(encoding="utf-8") == report.render_html(gathered)
