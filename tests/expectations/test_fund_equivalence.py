"""Which of a document's fund columns name the same money, from the income its 收支总表 prints."""

from __future__ import annotations

import polars as pl

from expectations.checks.reconcile import fund_equivalence


def _income(*lines: tuple[str, str | None, int]) -> pl.DataFrame:
    return pl.DataFrame(
        [{"source_file": doc, "measure": "income", "fund_source": fund, "amount_mills": mills} for doc, fund, mills in lines],
        schema={"source_file": pl.String, "measure": pl.String, "fund_source": pl.String, "amount_mills": pl.Int64},
    )


def _equivalent(frame: pl.DataFrame) -> list[tuple]:
    return sorted(fund_equivalence(frame).rows())


def test_only_general_budget_income_makes_total_and_appropriation_general_budget():
    frame = _income(("a.pdf", "all", 5_000), ("a.pdf", "general_budget", 5_000), ("a.pdf", "gov_fund", 0))
    assert _equivalent(frame) == [("a.pdf", "all", "general_budget"), ("a.pdf", "appropriation", "general_budget")]


def test_budget_funds_only_make_the_total_the_appropriation():
    frame = _income(("b.pdf", "general_budget", 4_000), ("b.pdf", "gov_fund", 1_000))
    assert _equivalent(frame) == [("b.pdf", "all", "appropriation")]


def test_other_income_or_an_unknown_fund_keeps_every_column_apart():
    other = (("c.pdf", "general_budget", 4_000), ("c.pdf", "business", 1_000))
    unknown = (("d.pdf", "general_budget", 4_000), ("d.pdf", None, 1))
    frame = _income(*other, *unknown)
    assert _equivalent(frame) == []
