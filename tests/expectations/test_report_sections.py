"""Each document's part of the HTML report is kept between runs and drawn again only when what it
shows changed (its rows, its findings, its file), and the page is the same either way."""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import replace

import pytest

from expectations import report
from flows.validate import validate
from load.warehouse import Warehouse


@pytest.fixture(scope="module")
def gathered(sample_warehouse, tmp_path_factory):
    work = tmp_path_factory.mktemp("sections")
    copy = work / "w.duckdb"
    copy.write_bytes(sample_warehouse.read_bytes())
    with Warehouse(copy) as wh:  # open while the report is written: it reads its documents' rows a chunk at a time
        validate(wh, None, work / "reports", data_docs=False)
        found = report.gather(wh)
        found.generated_at = "fixed"
        yield found


def test_a_second_report_draws_nothing_and_is_the_same_page(gathered, tmp_path, monkeypatch):
    html, _ = report.write(gathered, tmp_path)
    first = html.read_text(encoding="utf-8")
    assert first == report.render_html(gathered)  # kept parts or drawn at once: one page
    assert len(list((tmp_path / report.SECTIONS_DIR).iterdir())) == len(gathered.documents)

    def drawn(_):
        raise AssertionError("a kept section was drawn again")

    monkeypatch.setattr(report, "render_section", drawn)
    report.write(gathered, tmp_path)
    assert html.read_text(encoding="utf-8") == first


def test_a_document_whose_findings_changed_is_drawn_again_and_its_old_part_removed(gathered, tmp_path, monkeypatch):
    report.write(gathered, tmp_path)
    before = set((tmp_path / report.SECTIONS_DIR).iterdir())
    first = gathered.documents[0]
    one_more = {**first, "errors": first["errors"] + 1, "verdict": "1 more error"}
    changed = replace(gathered, documents=[one_more, *gathered.documents[1:]])
    drawn = []
    real = report.render_section
    monkeypatch.setattr(report, "render_section", lambda inputs: drawn.append(inputs["d"]["source_file"]) or real(inputs))
    html, _ = report.write(changed, tmp_path)
    assert drawn == [first["source_file"]]
    after = set((tmp_path / report.SECTIONS_DIR).iterdir())
    assert len(after) == len(before) and len(after - before) == 1
    assert "1 more error" in html.read_text(encoding="utf-8")


def test_the_workers_get_the_new_parts_a_few_at_a_time_and_the_page_is_the_same(gathered, tmp_path, monkeypatch):
    class Pool:  # runs each task at once, as a worker would
        sizes: list[int] = []

        def schedule(self, fn, args):
            self.sizes.append(len(args[0]))
            future = Future()
            future.set_result(fn(*args))
            return future

    monkeypatch.setattr(report, "SECTIONS_PER_WORKER_MIN", 1)
    monkeypatch.setattr(report, "SECTIONS_PER_TASK", 2)
    pool = Pool()
    html, _ = report.write(gathered, tmp_path, pool, workers=2)
    assert len(gathered.documents) == 5 and pool.sizes == [2, 2, 1]  # not two shares of 3 and 2
    assert html.read_text(encoding="utf-8") == report.render_html(gathered)
