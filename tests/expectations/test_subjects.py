"""A 基本支出表 printing its 经济科目 groups side by side (301 … | 决算数 | 302 … | 决算数): each
group nests on its own, in the roll-ups and in the frame form of the printed rows."""

from __future__ import annotations

import polars as pl

from expectations.checks.rollups import CODE_ROLLUP, rollup_comparisons
from expectations.checks.structure import fact_rows
from expectations.checks.subjects import nesting, subject_rows
from tests.expectations.handmade import _fact, frames

TITLE = "一般公共预算基本支出表"
# row: (left code, name, amount), (right code, name, amount) — 302 has only two rows under it
ROWS = [
    (2, ("301", "工资福利支出", "30.00"), ("302", "商品和服务支出", "7.00")),
    (3, ("30101", "基本工资", "10.00"), ("30201", "办公费", "3.00")),
    (4, ("30102", "津贴补贴", "15.00"), ("30202", "印刷费", "5.00")),
    (5, ("30103", "奖金", "5.00"), None),
]


def _table() -> pl.DataFrame:
    cells = []
    for row, left, right in ROWS:
        for col, printed in ((1, left), (3, right)):
            if printed is not None:
                code, name, amount = printed
                cells.append(
                    _fact(
                        "side.pdf",
                        0,
                        "general_budget_basic_expenditure",
                        TITLE,
                        row,
                        col,
                        "决算数",
                        amount,
                        economic_scheme="department",
                        economic_code=code,
                        economic_name=name,
                    )
                )
    facts, _ = frames(cells)
    return fact_rows(facts)


def test_each_side_by_side_group_is_a_sequence_of_its_own():
    subjects, cells = subject_rows(_table())
    by_group = subjects.sort("_seq", "_pos").group_by("_seq", maintain_order=True).agg("_lead")
    assert by_group.rows() == [(0, ["301", "30101", "30102", "30103"]), (1, ["302", "30201", "30202"])]
    assert cells["_sid"].null_count() == 0
    first = subjects.filter(pl.col("_lead") == "302").select("row_index", "_first", "_seq", "_pos").rows()
    assert first == [(2, 3, 1, 0)]  # row 2's second subject, starting in column 3


def test_each_group_rolls_up_under_its_own_parent():
    subjects, _ = subject_rows(_table())
    links = nesting(subjects).join(subjects.select("_sid", "_lead"), left_on="_parent", right_on="_sid")
    assert sorted(links.group_by("_lead").len().rows()) == [("301", 3), ("302", 2)]
    rollups = rollup_comparisons(_table())
    assert rollups.select("rule", "subject", "expected_mills", "observed_mills", "detail").rows() == [
        (CODE_ROLLUP, "301 工资福利支出", 30_000, 30_000, "sum of 3 rows printed under it (30101, 30102, 30103)"),
        (CODE_ROLLUP, "302 商品和服务支出", 8_000, 7_000, "sum of 2 rows printed under it (30201, 30202)"),
    ]
    assert rollups["cells"].to_list()[1] == ["0:2:3", "0:3:3", "0:4:3"]
