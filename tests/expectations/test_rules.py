"""Each rule, through its Great Expectations suite, on hand-made documents: quiet on the clean
one, catching the one fault planted in each copy."""

from __future__ import annotations

from decimal import Decimal

import polars as pl
import pytest

from expectations import runner
from expectations.checks.frames import check_frames
from tests.expectations.handmade import document, frames

FAULTS = ["child", "identity", "totals", "cross", "name", "negative", "vocabulary", "unknown"]


@pytest.fixture(scope="module")
def findings(tmp_path_factory) -> pl.DataFrame:
    docs = [document("clean.txt")] + [document(f"{fault}.txt", **{fault: True}) for fault in FAULTS]
    facts, tables = frames(*docs)
    reports = tmp_path_factory.mktemp("reports")
    return runner.run(check_frames(facts, tables, set()), reports, data_docs=False).findings


def of(findings: pl.DataFrame, doc: str) -> list[dict]:
    return findings.filter(pl.col("source_file") == doc).to_dicts()


def test_clean_document_has_no_findings(findings):
    assert of(findings, "clean.txt") == []


def test_code_rollup_catches_a_parent_that_is_not_the_sum_of_its_children(findings):
    got = {(f["rule"], f["severity"], f["subject"], f["expected_yuan"], f["observed_yuan"]) for f in of(findings, "child.txt")}
    assert ("code_rollup", "error", "21015 医疗保障管理事务", Decimal("1000.00"), Decimal("1100.00")) in got
    assert ("code_rollup", "error", "210 卫生健康支出", Decimal("1100.00"), Decimal("1000.00")) in got
    assert ("row_identity", "error", "21015 医疗保障管理事务", Decimal("1000.00"), Decimal("1100.00")) in got


def test_row_identity_catches_total_not_basic_plus_project(findings):
    rules = {(f["rule"], f["subject"], f["expected"], f["observed"]) for f in of(findings, "identity.txt")}
    assert ("row_identity", "2101501 行政运行", "600.00", "650.00") in rules


def test_summary_totals(findings):
    got = {(f["rule"], f["expected_yuan"], f["observed_yuan"]) for f in of(findings, "totals.txt")}
    assert ("income_equals_expenditure", Decimal("1200.00"), Decimal("1000.00")) in got
    assert not any(f["rule"] == "income_total_identity" for f in of(findings, "totals.txt"))  # 1,000 + 上年结转 200 = 1,200


def test_cross_statement_and_summary_class_lines(findings):
    got = {(f["rule"], f["subject"], f["expected_yuan"], f["observed_yuan"]) for f in of(findings, "cross.txt")}
    assert ("cross_statement", "210 卫生健康支出", Decimal("990.00"), Decimal("1000.00")) in got


def test_reference_name_mismatch_is_an_error(findings):
    [f] = [f for f in of(findings, "name.txt") if f["rule"] == "reference_name"]
    assert (f["severity"], f["subject"], f["expected"], f["observed"]) == (
        "error",
        "2101502 公立医院",
        "一般行政管理事务",
        "公立医院",
    )


def test_unknown_codes_are_one_warning_per_document(findings):
    """Two rows (four cells) print codes the reference lacks: one line for the document, not one per row or cell."""
    got = [f for f in of(findings, "unknown.txt") if f["rule"] == "reference_code"]
    assert len(got) == 1
    [f] = got
    assert (f["severity"], f["kind"], f["subject"]) == ("warning", "reference", "2 codes not in the reference")
    assert f["message"] == "2 codes not in the reference (function): 2101597, 2101598"
    assert f["observed"] == "function: 2101597, 2101598"
    assert (f["table_index"], f["row_index"], f["line"]) == (None, None, None)  # the document's, not a row's
    assert not any(f["rule"] == "reference_code" for f in findings.to_dicts() if f["source_file"] != "unknown.txt")


def test_structure_rules(findings):
    [neg] = [f for f in of(findings, "negative.txt") if f["rule"] == "non_negative"]
    assert (neg["rule"], neg["severity"], neg["observed"]) == ("non_negative", "error", "-1000000")
    vocab = [f for f in of(findings, "vocabulary.txt") if f["rule"] == "vocabulary"]
    assert [(f["severity"], f["observed"]) for f in vocab] == [("error", "salary")]


def test_rounding_within_half_a_unit_per_cell_is_a_warning(tmp_path):
    doc = document("wan.txt")
    for f in doc:  # the same document printed in 万元, 收入总计 one digit off
        f["unit_printed"] = "万元"
        if f["row_label"] == "收入总计":
            f["amount_printed"], f["amount_yuan"] = "0.11", Decimal("1100")
        elif f["statement"] == "summary":
            f["amount_printed"], f["amount_yuan"] = "0.10", Decimal("1000")
    facts, tables = frames(doc)
    found = runner.run(check_frames(facts, tables, set()), tmp_path, data_docs=False).findings.to_dicts()
    got = {(f["rule"], f["severity"], f["kind"], f["tolerance_yuan"]) for f in found}
    assert ("income_equals_expenditure", "warning", "rounding", Decimal("100.000")) in got  # 2 cells × 50 元
    assert all(f["severity"] != "error" for f in found if f["rule"] == "income_equals_expenditure")
