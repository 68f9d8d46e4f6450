"""The narrative against the tables it restates, as comparison rows of the reconciliation suite:

- narrative_restates_table: a total the narrative states ('收入预算15621.11万元', '其中基本支出719.25万元')
  is the table figure it restates (TARGETS: which statement, measure, row and fund), to the precision
  both are printed in (a sentence in 万元 with two decimals about a table in 元: rounded, within 50 元;
  cut, within 100 元 — a rounding warning); where
  several table figures could be meant (支出预算: 支出总计 or 本年支出合计), the nearest is taken;
  A 项 named by its path ('“一般公共服务支出（类）财政事务（款）行政运行（项）”1,623.18万元', restates
  function_subject) is its code's line in SUBJECT_TABLES, when the tables name that 项 (else no
  comparison: the narrative's subject is not known to be any printed line);
- narrative_share: '本年支出合计 307.82 万元，其中：基本支出 105.58 万元，占 34.30%' — the part over
  the whole the sentence opens with, rounded as the share is printed, is the share.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

import polars as pl

from expectations.checks.cells import compared, comparisons, with_mills
from expectations.checks.execution import as_cell, rated_part

NARRATIVE_RESTATES_TABLE = "narrative_restates_table"
NARRATIVE_SHARE = "narrative_share"
RULES = (NARRATIVE_RESTATES_TABLE, NARRATIVE_SHARE)

# restates key -> the table cells it may restate: (statements, measure, line roles, fund sources)
_SUMMARY = ("summary",)
_SPENDING = ("expenditure", "general_budget_expenditure")
TARGETS: dict[str, list[tuple[tuple[str, ...], str, tuple[str, ...], tuple[str, ...]]]] = {
    "income_total": [(_SUMMARY, "income", ("grand_total",), ("all",))],
    "income_current_year": [(_SUMMARY, "income", ("total",), ("current_year",))],
    "expenditure_current_year": [(_SUMMARY, "total", ("total",), ("all",))],
    "expenditure_total": [(_SUMMARY, "grand_total", ("grand_total",), ("all",)), (_SUMMARY, "total", ("total",), ("all",))],
    "appropriation_income": [(_SUMMARY, "income", ("item",), ("appropriation",))],
    "general_budget_income": [(_SUMMARY, "income", ("item",), ("general_budget",))],
    "general_budget_expenditure_total": [(("general_budget_expenditure",), "total", ("total",), ("general_budget", "all"))],
    "basic_total": [(_SPENDING, "basic", ("total",), ("all", "general_budget"))],
    "project_total": [(_SPENDING, "project", ("total",), ("all", "general_budget"))],
}

# A sentence may cut its figure instead of rounding it (普陀区财政局 2025: 204.91万元 for 2,049,197 元, four
# 项 so): a full unit of its last digit either way is rounding, a warning, not a contradiction.
TRUNCATION_FACTOR = 2  # × the half unit a printed figure's rounding allows
# A restated 项: the total of its line in a table of spending by function (the narrative's 财政拨款
# 支出 section restates the 一般公共预算 table; some restate the 支出总表 or the 财政拨款 table).
SUBJECT_TABLES = (
    ("general_budget_expenditure", "expenditure", "appropriation_summary"),
    "total",
    ("item",),
    ("all", "general_budget", "appropriation"),
)


def narrative_comparisons(facts: pl.DataFrame, narrative: pl.DataFrame, three_public: pl.DataFrame | None = None) -> pl.DataFrame:
    """facts as the other checks read them (with mills); narrative facts as loaded; the 三公 table's
    amounts as loaded (a '“三公”经费预算数为47.91万元' restates its 合计 of the document's year)."""
    if narrative.height == 0:
        return comparisons([])
    stated = [r for r in narrative.to_dicts() if r["topic"] in ("restated", "share")]
    cells, subjects = _candidates(facts), _subject_lines(facts)
    for key, rows in _three_public_totals(three_public).items():
        cells[key] += rows
    out: list[dict] = []
    by_sentence: dict[tuple, dict[str, dict]] = defaultdict(dict)
    for r in stated:
        if r["topic"] == "restated":
            by_sentence[(r["source_file"], r["sentence"])].setdefault(r["restates"], r)
            candidates = (
                subjects.get((r["source_file"], r["function_code"]), [])
                if r["restates"] == "function_subject"
                else cells.get((r["source_file"], r["restates"]), [])
            )
            if candidates:
                said = as_cell(r)
                nearest = min(candidates, key=lambda c: abs(c["amount_mills"] - said["amount_mills"]))
                if _as_printed(nearest["amount_mills"], said) == said["amount_mills"]:
                    nearest = dict(nearest, amount_mills=said["amount_mills"])  # the same figure at the sentence's precision
                cut_or_rounded = dict(said, rounding_mills=said["rounding_mills"] * TRUNCATION_FACTOR)
                out.append(
                    compared(
                        cut_or_rounded,
                        [nearest],
                        NARRATIVE_RESTATES_TABLE,
                        f"{nearest['table_title']} prints {nearest['amount_printed']} {nearest['unit_printed']} "
                        f"({nearest['row_label'] or ''}, {nearest['column_header']}, page {nearest['page']}, "
                        f"line {nearest['line']})",
                    )
                )
    for r in stated:
        if r["topic"] == "share":
            figures = by_sentence[(r["source_file"], r["sentence"])]
            part, whole = figures.get(r["restates"]), figures.get(r["share_of"])
            if part is not None and whole is not None:
                out.append(_share(r, part, whole))
    return comparisons(out)


def _as_printed(mills: int, said: dict) -> int:
    """A table figure rounded as the sentence prints (15,621.11 万元 for 156,211,123 元)."""
    step = 2 * said["rounding_mills"]
    return int((Decimal(mills) / step).quantize(Decimal(1), ROUND_HALF_UP)) * step if step else mills


def _share(share: dict, part: dict, whole: dict) -> dict:
    """The part against whole × share (占 x%)."""
    return rated_part(
        as_cell(part),
        as_cell(whole),
        share,
        NARRATIVE_SHARE,
        f"{share['value_printed']}% of {whole['subject']} {whole['value_printed']} {whole['value_unit']} "
        f"(占 {share['value_printed']}%)",
    )


def _candidates(facts: pl.DataFrame) -> dict[tuple[str, str], list[dict]]:
    """Per document and restates key, the table cells that key may mean (no subject: totals only)."""
    out: dict[tuple[str, str], list[dict]] = defaultdict(list)
    if facts.height == 0:
        return out
    totals = facts.filter(
        pl.col("function_code").is_null(), pl.col("economic_code").is_null(), pl.col("gov_economic_code").is_null()
    )
    for key, selectors in TARGETS.items():  # each key's cells picked in polars: only they reach Python
        chosen = pl.any_horizontal(
            pl.col("statement").is_in(list(statements))
            & (pl.col("measure") == measure)
            & pl.col("line_role").is_in(list(roles))
            & pl.col("fund_source").is_in(list(funds))
            for statements, measure, roles, funds in selectors
        )
        for f in totals.filter(chosen).to_dicts():
            out[(f["source_file"], key)].append(f)
    return out


def _subject_lines(facts: pl.DataFrame) -> dict[tuple[str, str], list[dict]]:
    """Per document and function code, the lines of SUBJECT_TABLES a restated 项 may mean."""
    out: dict[tuple[str, str], list[dict]] = defaultdict(list)
    if facts.height == 0:
        return out
    statements, measure, roles, funds = SUBJECT_TABLES
    lines = facts.filter(
        pl.col("function_code").is_not_null(),
        pl.col("statement").is_in(list(statements)),
        pl.col("measure") == measure,
        pl.col("line_role").is_in(list(roles)),
        pl.col("fund_source").is_in(list(funds)),
    )
    for f in lines.to_dicts():
        out[(f["source_file"], f["function_code"])].append(f)
    return out


def _three_public_totals(three_public: pl.DataFrame | None) -> dict[tuple[str, str], list[dict]]:
    """Per document, the 三公 table's 合计 cells of the document's own year (three_public_total)."""
    out: dict[tuple[str, str], list[dict]] = defaultdict(list)
    if three_public is None or three_public.height == 0:
        return out
    totals = with_mills(three_public).filter(
        pl.col("category") == "total", pl.col("year").is_null() | (pl.col("year") == pl.col("fiscal_year"))
    )
    for r in totals.to_dicts():
        out[(r["source_file"], "three_public_total")].append(r | {"row_label": r["category_printed"]})
    return out
