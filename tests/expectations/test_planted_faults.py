"""The rules test_rules.py's faults do not reach, each caught on a copy of the hand-made document
with its one fault planted in the frames the suites read (facts, tables, documents)."""

from __future__ import annotations

from decimal import Decimal

import polars as pl
import pytest

from expectations import runner
from expectations.checks.frames import check_frames
from tests.expectations.handmade import document, frames


def _found(tmp_path, facts: pl.DataFrame, tables: pl.DataFrame, documents: pl.DataFrame | None = None) -> list[dict]:
    checked = check_frames(facts, tables, set(), documents=documents)
    return runner.run(checked, tmp_path, data_docs=False).findings.to_dicts()


def _rules(found: list[dict]) -> set[tuple[str, str]]:
    return {(f["rule"], f["severity"]) for f in found}


def test_the_clean_copy_is_quiet(tmp_path):
    assert _found(tmp_path, *frames(document())) == []


def test_a_fact_without_a_measure_is_a_not_null_error(tmp_path):
    facts, tables = frames(document())
    facts = facts.with_columns(pl.when(pl.col("row_index") == 5).then(None).otherwise(pl.col("measure")).alias("measure"))
    found = _found(tmp_path, facts, tables)
    assert {(f["rule"], f["severity"], f["row_index"]) for f in found if f["rule"] == "not_null"} == {("not_null", "error", 5)}


def test_a_six_digit_function_code_breaks_code_format(tmp_path):
    facts, tables = frames(document())
    facts = facts.with_columns(pl.col("function_code").replace({"2101501": "210150"}))
    got = [(f["severity"], f["observed"]) for f in _found(tmp_path, facts, tables) if f["rule"] == "code_format"]
    assert got and set(got) == {("error", "210150")}


def test_one_cell_read_twice_breaks_one_fact_per_cell(tmp_path):
    facts, tables = frames(document())
    facts = pl.concat([facts, facts.filter((pl.col("row_index") == 6) & (pl.col("col_index") == 2))])
    got = [f for f in _found(tmp_path, facts, tables) if f["rule"] == "one_fact_per_cell"]
    assert {(f["severity"], f["row_index"]) for f in got} == {("error", 6)}


def test_a_code_printed_under_another_parent_breaks_code_nesting(tmp_path):
    facts, tables = frames(document())
    facts = facts.with_columns(pl.col("function_code").replace({"2101502": "2101302"}))
    got = [f for f in _found(tmp_path, facts, tables) if f["rule"] == "code_nesting"]
    assert [(f["severity"], f["expected"], f["observed"]) for f in got] == [("error", "under 21013", "under 21015")]


def test_class_lines_that_miss_the_year_total_break_summary_class_sum(tmp_path):
    facts, tables = frames(document())
    facts = facts.with_columns(
        pl.when((pl.col("table_index") == 0) & (pl.col("row_label") == "一、卫生健康支出"))
        .then(pl.lit(Decimal("900.00"), pl.Decimal(18, 2)))
        .otherwise(pl.col("amount_yuan"))
        .alias("amount_yuan")
    )
    got = {(f["rule"], f["expected_yuan"], f["observed_yuan"]) for f in _found(tmp_path, facts, tables)}
    assert ("summary_class_sum", Decimal("900.00"), Decimal("1000.00")) in got


def _tables_with(tables: pl.DataFrame, **columns) -> pl.DataFrame:
    first = pl.col("table_index") == 1
    return tables.with_columns(*(pl.when(first).then(pl.lit(v)).otherwise(pl.col(k)).alias(k) for k, v in columns.items()))


@pytest.mark.parametrize(
    "rule,columns",
    [
        ("table_classified", {"status": "unclassified"}),
        ("table_year", {"table_title": "2023年一般公共预算支出表"}),  # the document is 2024's
        ("ambiguous_numbers", {"n_ambiguous": 3}),
    ],
)
def test_table_rules_are_warnings_on_the_table_they_name(tmp_path, rule, columns):
    facts, tables = frames(document())
    got = [f for f in _found(tmp_path, facts, _tables_with(tables, **columns)) if f["rule"] == rule]
    assert [(f["severity"], f["table_index"]) for f in got] == [("warning", 1)]


def _documents(**identity) -> pl.DataFrame:
    row = {
        "source_file": "clean.txt",
        "department": "测试局",
        "fiscal_year": 2024,
        "department_placeholder": None,
        "department_sources": "cover, caption",
        "department_variants": None,
        "page": None,
        "line": 1,
        **identity,
    }
    return pl.DataFrame([row])


def test_a_department_named_two_ways_is_an_identity_agrees_warning(tmp_path):
    facts, tables = frames(document())
    assert _found(tmp_path, facts, tables, _documents()) == []
    got = [
        f for f in _found(tmp_path, facts, tables, _documents(department_variants="测试局机关")) if f["rule"] == "identity_agrees"
    ]
    assert [(f["severity"], f["observed"]) for f in got] == [("warning", "测试局机关")]


def test_a_department_that_may_be_another_is_a_department_unambiguous_warning(tmp_path):
    facts, tables = frames(document())
    found = _found(tmp_path, facts, tables, _documents(ambiguous_with="D0123456789ab 测试局"))
    got = [f for f in found if f["rule"] == "department_unambiguous"]
    assert [(f["severity"], f["observed"]) for f in got] == [("warning", "D0123456789ab 测试局")]
    assert "department_overrides.csv" in got[0]["message"]


def test_a_budget_printing_two_of_its_eight_required_tables_is_a_required_tables_warning(tmp_path):
    facts, tables = frames(document())
    documents = _documents(document_kind="budget", scope="department")
    got = [f for f in _found(tmp_path, facts, tables, documents) if f["rule"] == "required_tables"]
    assert [(f["severity"], f["expected"]) for f in got] == [("warning", "8 required tables")]
    assert got[0]["observed"] == (
        "2 printed; not found: 收入总表、支出总表、财政拨款收支总表、一般公共预算基本支出表、"
        "“三公”经费支出表、政府性基金预算支出表"
    )
