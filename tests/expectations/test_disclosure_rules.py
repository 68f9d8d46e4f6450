"""project_sum, project_table_total and three_public_sum on the samples (quiet: they add up)
and on copies with one planted fault each, through the warehouse and the reconciliation suite."""

from __future__ import annotations

from decimal import Decimal

import polars as pl
import pytest

from common.paths import SAMPLES
from load.warehouse import Warehouse
from tests.conftest import planted

GUAN, LANSHAN = "002_43a13e6a8c0a6925.txt", "001_62df1c6f39ffdb6f.txt"
FAULTS = {
    "reception.txt": (GUAN, "9\t三、公务接待费\t0.32\t0.32", "9\t三、公务接待费\t0.42\t0.42"),
    "project.txt": (GUAN, "预算数\t250.00\t其中：财政资金\t250.00", "预算数\t251.00\t其中：财政资金\t251.00"),
    "line.txt": (LANSHAN, "城乡医疗救助\t特定目标类\t400.00", "城乡医疗救助\t特定目标类\t410.00"),
    "target.txt": (LANSHAN, "年度预算资金总额:\t3268", "年度预算资金总额:\t3286"),
}
RULES = ("project_sum", "project_table_total", "project_amounts_agree", "three_public_sum")


@pytest.fixture(scope="module")
def findings(tmp_path_factory) -> pl.DataFrame:
    originals = {name: (SAMPLES / name).read_text(encoding="utf-8") for name in (GUAN, LANSHAN)}
    path = planted(tmp_path_factory.mktemp("docs"), FAULTS, originals)
    with Warehouse(path, read_only=True) as wh:
        return wh.con.sql("SELECT * FROM dq_finding").pl().filter(pl.col("rule").is_in(RULES))


def test_the_samples_add_up(findings):
    assert findings.filter(pl.col("source_file").is_in([GUAN, LANSHAN])).height == 0


def test_a_three_public_part_that_breaks_its_total(findings):
    got = {
        (f["rule"], f["severity"], f["subject"], f["expected_yuan"], f["observed_yuan"], f["line"])
        for f in findings.filter(pl.col("source_file") == "reception.txt").to_dicts()
    }
    assert ("three_public_sum", "error", "“三公”经费小计", Decimal("24200.00"), Decimal("23200.00"), 373) in got


def test_projects_that_do_not_add_up_to_the_statement(findings):
    [f] = findings.filter(pl.col("source_file") == "project.txt").to_dicts()
    assert (f["rule"], f["severity"], f["expected_yuan"], f["observed_yuan"]) == (
        "project_sum",
        "error",
        Decimal("52922700.00"),
        Decimal("52912700.00"),
    )


def test_a_project_line_that_breaks_the_table_total(findings):
    got = {
        (f["rule"], f["fund_source"], f["expected_yuan"], f["observed_yuan"])
        for f in findings.filter(pl.col("source_file") == "line.txt").to_dicts()
    }
    assert ("project_table_total", "all", Decimal("106610000.00"), Decimal("106510000.00")) in got
    assert ("project_sum", "all", Decimal("106610000.00"), Decimal("106510000.00")) in got


def test_a_project_whose_performance_table_says_another_amount(findings):
    [f] = findings.filter(pl.col("source_file") == "target.txt").to_dicts()
    assert (f["rule"], f["severity"], f["subject"], f["expected_yuan"], f["observed_yuan"], f["line"]) == (
        "project_amounts_agree",
        "error",
        "特殊群体参保缴费财政补助",
        Decimal("32680000.00"),
        Decimal("32860000.00"),
        441,
    )
