"""Rule required_tables on hand-made frames: a 部门预算 printing all but one required table is
told which; a table its list names but does not print is table_printed's, not this rule's; an
unclassified table is said to be possibly the missing one; unknown kind or scope: no verdict."""

from __future__ import annotations

import polars as pl

from expectations.checks.required_tables import read_required, required_rows

BUDGET_SET = [
    "summary",
    "income",
    "expenditure",
    "appropriation_summary",
    "general_budget_expenditure",
    "general_budget_basic_expenditure",
    "three_public",
    "gov_fund_expenditure",
]


def _documents(*rows) -> pl.DataFrame:
    return pl.DataFrame([{"source_file": f, "document_kind": k, "scope": s} for f, k, s in rows])


def _tables(*rows) -> pl.DataFrame:
    return pl.DataFrame(
        [{"source_file": f, "statement": st, "status": status, "table_title": title} for f, st, status, title in rows],
        schema={"source_file": pl.String, "statement": pl.String, "status": pl.String, "table_title": pl.String},
    )


def test_the_budget_set_is_the_eight_tables_of_the_2016_rules():
    assert [r.statement for r in read_required()[("budget", "department")]] == BUDGET_SET
    assert {r.statement: r.alternatives for r in read_required()[("budget", "unit")]}["gov_fund_expenditure"] == {
        "gov_fund_summary"
    }


def test_a_missing_required_table_is_named_in_words():
    printed = [("a.txt", s, "loaded", None) for s in BUDGET_SET if s != "three_public"]
    [row] = required_rows(_documents(("a.txt", "budget", "department")), _tables(*printed)).to_dicts()
    assert (row["n_required"], row["n_required_present"], row["required_tables_present"]) == (8, 7, False)
    assert row["required_missing"] == "“三公”经费支出表"
    assert row["required_detail"] == "a 部门预算 prints 8 required tables; not found: “三公”经费支出表"


def test_an_alternative_kind_counts_and_an_empty_table_is_printed():
    printed = [("a.txt", s, "loaded", None) for s in BUDGET_SET[:-1]] + [("a.txt", "gov_fund_summary", "empty", None)]
    [row] = required_rows(_documents(("a.txt", "budget", "unit")), _tables(*printed)).to_dicts()
    assert row["required_tables_present"] is True and row["required_missing"] is None


def test_a_table_listed_but_not_printed_is_left_to_table_printed_and_an_unclassified_one_is_mentioned():
    printed = [("a.txt", s, "loaded", None) for s in BUDGET_SET if s not in ("income", "three_public")]
    printed += [
        ("a.txt", None, "listed_not_printed", "表2 2024年部门收入预算总表"),
        ("a.txt", "unclassified", "unclassified", "附表"),
    ]
    [row] = required_rows(_documents(("a.txt", "budget", "department")), _tables(*printed)).to_dicts()
    assert row["required_missing"] == "“三公”经费支出表"
    assert row["required_detail"].endswith("(1 of its tables could not be classified and may be among them)")


def test_no_verdict_without_kind_and_scope():
    assert required_rows(_documents(("a.txt", "budget", None)), _tables(("a.txt", "summary", "loaded", None))).height == 0
