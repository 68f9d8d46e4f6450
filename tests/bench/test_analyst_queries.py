"""The analysts' queries on a small synthetic warehouse: copies of the samples with known factors."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bench.analyst_queries import build
from load import sql_files
from load.warehouse import Warehouse

LANSHAN = "兰山区医疗保障局机关"
LANSHAN_2024_EXPENDITURE = Decimal("113165900.00")  # 001's 支出总表, 合计 over its three classes


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    path = tmp_path_factory.mktemp("analyst") / "a.duckdb"
    facts, _ = build(path, 20_000)
    assert facts == 20 * 1020  # 20 copies of the samples' 1,020 facts
    return path


def _rows(path, name: str, params: list) -> list[tuple]:
    with Warehouse(path, read_only=True) as wh:
        return wh.con.execute(sql_files.read(f"analyst/{name}.sql"), params).fetchall()


def test_by_department_year_sums_the_expenditure_statement_times_each_copys_factor(synthetic):
    totals = {(d, y): amount for d, y, amount, _ in _rows(synthetic, "by_department_year", [])}
    # copy 9 of 兰山区 (2024) is department '#0' in 2015 + 9, amounts x (1 + 9 % 7)
    assert totals[(f"{LANSHAN}#0", 2024)] == 3 * LANSHAN_2024_EXPENDITURE
    assert totals[(f"{LANSHAN}#0", 2023)] == 2 * LANSHAN_2024_EXPENDITURE
    assert totals[(f"{LANSHAN}#1", 2015)] == 4 * LANSHAN_2024_EXPENDITURE  # copy 10: x (1 + 10 % 7)


def test_year_over_year_compares_a_class_with_the_year_before(synthetic):
    rows = [r for r in _rows(synthetic, "year_over_year", [2024]) if r[0] == f"{LANSHAN}#0"]
    assert [r[1] for r in rows] == ["208", "210", "221"]
    for _, _, previous, current, change, pct in rows:
        assert current == previous * 3 / 2 and change == current - previous
        assert pct == 50.0


def test_by_function_class_counts_each_department_once(synthetic):
    rows = _rows(synthetic, "by_function_class", [2024])
    health = next(r for r in rows if r[0] == "210")
    assert health[1] == "卫生健康支出"
    assert health[2] == 4 * 2  # four samples print class 210 in 一般公共预算支出表; copies 9 and 19 are 2024
