"""A run's validation folded pass by pass (runner.Combined) says what one validation of all its
documents says, and holds one tally per expectation however many passes there were."""

from __future__ import annotations

from expectations import engine, runner
from expectations.checks.frames import check_frames
from expectations.data_docs import PARTIAL_VALUES
from load.warehouse import Warehouse


def _frames(wh: Warehouse, files: list[str]) -> dict:
    facts, tables, uncertain = wh.check_inputs(files)
    return check_frames(facts, tables, uncertain, wh.check_pages(files), wh.check_items(files), wh.check_documents(files))


def test_the_samples_validated_a_document_a_pass_add_up_to_one_validation_of_them_all(sample_warehouse, tmp_path):
    with Warehouse(sample_warehouse, read_only=True) as wh:
        files = wh.documents()
        whole = runner.run(_frames(wh, files), tmp_path, data_docs=False)
        combined = runner.Combined()
        for source_file in files:
            combined.add(runner.run(_frames(wh, [source_file]), tmp_path, data_docs=False))
    folded = combined.result(tmp_path, data_docs=False)

    assert len(files) >= 5 and folded.findings.height == whole.findings.height > 20
    for one, all_at_once in zip(folded.suites, whole.suites, strict=True):
        assert (one.suite, one.rows, set(one.failed)) == (all_at_once.suite, all_at_once.rows, set(all_at_once.failed))
        counts = {t.expectation["id"]: (t.element_count, t.evaluated, t.unexpected_count) for t in one.tallies}
        assert counts == {t.expectation["id"]: (t.element_count, t.evaluated, t.unexpected_count) for t in all_at_once.tallies}
        if one.rows:  # one tally an expectation of the suite, not one a pass
            assert len(one.tallies) == len(engine.suite(one.suite))
        assert all(len(t.partial) <= PARTIAL_VALUES for t in one.tallies)
    rollups = next(s for s in folded.suites if s.suite == "rollups")
    assert rollups.rows == next(s for s in whole.suites if s.suite == "rollups").rows > 100
