"""The corpus's narratives against their tables: every restated total the narrative states confirmed."""

from decimal import Decimal

import polars as pl

from expectations.checks.frames import check_frames
from load.warehouse import Warehouse


def test_every_document_has_its_restated_totals_confirmed(corpus_warehouse):
    with Warehouse(corpus_warehouse, read_only=True) as wh:
        files = wh.documents()
        facts, tables, uncertain = wh.check_inputs(files)
        frame = check_frames(facts, tables, uncertain, None, wh.check_items(files))["reconciliation"]
    confirmed = (
        frame.filter(pl.col("rule") == "narrative_restates_table", pl.col("abs_difference_mills") == 0)
        .group_by("source_file")
        .len()
    )
    counts = dict(confirmed.iter_rows())
    assert min(counts.values()) >= 3 and len(counts) == 6  # the 5 budgets and the 决算 (the template prints none)
    assert counts["中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"] == 7


def _subject_rows(corpus_warehouse, doc: str) -> list[dict]:
    with Warehouse(corpus_warehouse, read_only=True) as wh:
        columns, rows = wh.query(
            "SELECT rule, severity, kind, subject, expected_yuan, observed_yuan FROM v_dq_findings "
            "WHERE source_file = ? AND rule = 'narrative_restates_table' AND subject LIKE '%（项）' "
            "ORDER BY subject",
            [doc],
        )
    return [dict(zip(columns, r)) for r in rows]


def test_the_subjects_the_narrative_restates_are_compared_with_their_lines(corpus_warehouse):
    """万里 2024 restates 33 项 of its tables, every one as printed; 福利院 2024 says 738.66 万元 for
    2081005, whose line prints 6,964,796 元; 普陀区财政局 2025 says 887.36 万元 for 2080506 (87.36 in
    its table) and cuts four figures instead of rounding them (204.91 万元 for 2,049,197 元); its pages
    7 and 8 print the passage twice, so each finding is there twice."""
    with Warehouse(corpus_warehouse, read_only=True) as wh:
        _, rows = wh.query(
            "SELECT source_file, count(*) FROM narrative_fact WHERE restates = 'function_subject' "
            "AND function_code IS NOT NULL GROUP BY 1 ORDER BY 1"
        )
    assert dict(rows)["上海市普陀区人民政府万里街道办事处24年预算.pdf"] == 33
    assert _subject_rows(corpus_warehouse, "上海市普陀区人民政府万里街道办事处24年预算.pdf") == []
    [welfare] = _subject_rows(corpus_warehouse, "上海市普陀区社会福利院24年单位预算.pdf")
    assert (welfare["severity"], welfare["expected_yuan"], welfare["observed_yuan"]) == (
        "error",
        Decimal("6964796.00"),
        Decimal("7386600.00"),
    )
    finance = _subject_rows(corpus_warehouse, "上海市普陀区财政局部门25年预算.pdf")  # its pages 7 and 8 print the passage twice
    assert len({f["subject"] for f in finance if (f["severity"], f["kind"]) == ("warning", "rounding")}) == 4
    [pension] = list({f["subject"]: f for f in finance if f["severity"] == "error"}.values())
    assert (
        pension["subject"].endswith("机关事业单位职业年金缴费支出（项）"),
        pension["expected_yuan"],
        pension["observed_yuan"],
    ) == (True, Decimal("873617.00"), Decimal("8873600.00"))


def test_the_three_public_total_the_narrative_states_is_its_tables(corpus_warehouse):
    """'2024年“三公”经费预算数为47.91万元' (万里 2024) and the other budgets' 三公 totals: each the 合计 of
    the 三公 table for the document's year, to the 万元 the sentence prints."""
    with Warehouse(corpus_warehouse, read_only=True) as wh:
        files = wh.documents()
        facts, tables, uncertain = wh.check_inputs(files)
        frame = check_frames(facts, tables, uncertain, None, wh.check_items(files))["reconciliation"]
    said = frame.filter(pl.col("rule") == "narrative_restates_table", pl.col("subject").str.contains("三公"))
    assert said.height == 5 and said["abs_difference_mills"].to_list() == [0] * 5
    assert 479100000 in said["expected_mills"].to_list()  # 万里 2024: 479,100 元
