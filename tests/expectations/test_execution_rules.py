"""execution_rate, execution_final_matches_table and execution_parts_sum through the warehouse and
the reconciliation suite: quiet on a 决算 whose narrative agrees with itself and its table, and
catching the one fault planted in each copy."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest

from tests.conftest import planted, querier

CLEAN = Path(__file__).resolve().parent.parent / "fixtures" / "pairs" / "社会工作部2024年部门决算.txt"
FAULTS = {  # copy -> (printed, misprinted)
    "rate.txt": ("完成全年预算数的 98.69%", "完成全年预算数的 96.69%"),
    "final.txt": ("支出决算为 51.32 万元，完成全年预算数", "支出决算为 51.23 万元，完成全年预算数"),
    "parts.txt": ("全年预算为 17.68 万元", "全年预算为 17.86 万元"),
}


@pytest.fixture(scope="module")
def findings(tmp_path_factory) -> pl.DataFrame:
    copies = {name: ("clean.txt", old, new) for name, (old, new) in FAULTS.items()}
    path = planted(tmp_path_factory.mktemp("finals"), copies, {"clean.txt": CLEAN.read_text(encoding="utf-8")})
    return pl.DataFrame(querier(path)("SELECT * FROM v_dq_findings WHERE rule LIKE 'execution%'"), infer_schema_length=None)


def of(findings: pl.DataFrame, doc: str) -> set[tuple]:
    return {
        (f["rule"], f["severity"], f["subject"], f["expected_yuan"], f["observed_yuan"])
        for f in findings.filter(pl.col("source_file") == doc).to_dicts()
    }


def test_a_narrative_that_agrees_with_itself_and_its_table_has_no_execution_finding(findings):
    assert of(findings, "clean.txt") == set()


def test_execution_rate_catches_a_rate_that_does_not_give_the_stated_final(findings):
    # 52.00 万元 × 96.69% = 50.2788 万元, printed 51.32
    assert of(findings, "rate.txt") == {
        (
            "execution_rate",
            "error",
            "一般公共服务支出（类）社会工作事务（款）行政运行（项）",
            Decimal("502788.00"),
            Decimal("513200.00"),
        )
    }


def test_execution_final_matches_table_catches_a_restated_figure_that_differs(findings):
    got = of(findings, "final.txt")
    subject = "一般公共服务支出（类）社会工作事务（款）行政运行（项）"
    assert ("execution_final_matches_table", "error", subject, Decimal("513200.00"), Decimal("512300.00")) in got
    assert ("execution_rate", "error", subject, Decimal("513188.00"), Decimal("512300.00")) in got  # 52.00 × 98.69%
    assert ("execution_parts_sum", "error", "一般公共预算财政拨款支出", Decimal("2647800.00"), Decimal("2648700.00")) in got


def test_execution_parts_sum_catches_items_that_do_not_add_up_to_the_whole(findings):
    assert of(findings, "parts.txt") == {
        ("execution_parts_sum", "error", "一般公共预算财政拨款支出", Decimal("2721000.00"), Decimal("2719200.00"))
    }
