"""The corpus's narratives against their tables: every restated total the narrative states confirmed."""
import polars as pl

from flows.validate import check_frames
from load.warehouse import Warehouse


def test_every_document_has_its_restated_totals_confirmed(corpus_warehouse):
    with Warehouse(corpus_warehouse, read_only=True) as wh:
        files = wh.documents()
        facts, tables, uncertain = wh.check_inputs(files)
        frame = check_frames(facts, tables, uncertain, None, wh.check_items(files))["reconciliation"]
    confirmed = (frame.filter(pl.col("rule") == "narrative_restates_table", pl.col("abs_difference_mills") == 0)
                 .group_by("source_file").len())
    counts = dict(confirmed.iter_rows())
    assert min(counts.values()) >= 3 and len(counts) == 6  # the 5 budgets and the 决算 (the template prints none)
    assert counts["中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"] == 7
