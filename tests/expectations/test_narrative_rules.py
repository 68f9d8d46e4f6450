"""The narrative against the tables it restates (narrative_restates_table, narrative_share): every
sample and corpus document's restated totals confirmed, and a planted contradiction caught in each
text layout (tab-separated county texts, a 决算 with its shares)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from common.paths import SAMPLES
from tests.conftest import planted, querier

LANSHAN, GUAN = "001_62df1c6f39ffdb6f.txt", "002_43a13e6a8c0a6925.txt"
FINAL = Path(__file__).resolve().parent.parent / "fixtures" / "pairs" / "社会工作部2024年部门决算.txt"
FAULTS = {  # copy -> (original, printed, misprinted)
    "lanshan_income.txt": (LANSHAN, "2024 年收入预算 11,316.59 万元", "2024 年收入预算 11,361.59 万元"),
    "guan_basic.txt": (GUAN, "其中基本支出719.25万元", "其中基本支出791.25万元"),
    "final_share.txt": ("final.txt", "基本支出 62.63 万元，占\n23.65%", "基本支出 62.63 万元，占\n25.65%"),
    "final_heading.txt": ("final.txt", "三、支出决算情况说明", "三、2023年度部门决算情况说明"),
    "lanshan_three_public.txt": (LANSHAN, "“三公”经费预算共 0.00 万元", "“三公”经费预算共 2.00 万元"),
}


@pytest.fixture(scope="module")
def query(tmp_path_factory):
    originals = {name: (SAMPLES / name).read_text(encoding="utf-8") for name in (LANSHAN, GUAN)}
    originals["final.txt"] = FINAL.read_text(encoding="utf-8")
    return querier(planted(tmp_path_factory.mktemp("narrative"), FAULTS, originals))


def findings(query, doc: str) -> set[tuple]:
    return {
        (r["rule"], r["severity"], r["subject"], r["expected_yuan"], r["observed_yuan"])
        for r in query("SELECT * FROM v_dq_findings WHERE source_file = ? AND rule LIKE 'narrative%'", [doc])
    }


@pytest.mark.parametrize("doc", [LANSHAN, GUAN, "final.txt"])
def test_originals_restate_their_tables(query, doc):
    assert findings(query, doc) == set()


def test_a_restated_total_that_differs_from_its_table(query):
    assert findings(query, "lanshan_income.txt") == {
        ("narrative_restates_table", "error", "收入预算", Decimal("113165900.00"), Decimal("113615900.00"))
    }


def test_a_restated_part_that_differs_from_its_table(query):
    assert findings(query, "guan_basic.txt") == {
        ("narrative_restates_table", "error", "基本支出", Decimal("7192500.00"), Decimal("7912500.00"))
    }


def test_a_share_that_is_not_its_part_of_the_whole(query):
    # 264.87 万元 × 25.65% = 67.94 万元, the sentence prints 62.63
    assert findings(query, "final_share.txt") == {
        ("narrative_share", "error", "基本支出", Decimal("679391.55"), Decimal("626300.00"))
    }


def test_a_heading_naming_another_year_is_a_table_year_warning(query):
    """The 2024 决算 copy calls a section '2023年度部门决算情况说明' (a passage from last year's document?);
    its cover heading '…2024年度部门决算' is its own year and says nothing."""
    got = query(
        "SELECT severity, subject, line FROM v_dq_findings WHERE rule = 'table_year' AND source_file = ?", ["final_heading.txt"]
    )
    assert [(r["severity"], r["subject"], r["line"]) for r in got] == [("warning", "三、2023年度部门决算情况说明", 13)]
    assert query("SELECT * FROM v_dq_findings WHERE rule = 'table_year' AND source_file = ?", ["final.txt"]) == []


def test_a_restated_three_public_total_that_differs_from_its_table(query):
    """兰山区 says its 三公 budget is 0.00 万元, as its 三公 table's 2024 合计 prints; the copy says 2.00."""
    assert findings(query, "lanshan_three_public.txt") == {
        ("narrative_restates_table", "error", "“三公”经费预算", Decimal("0.00"), Decimal("20000.00"))
    }
