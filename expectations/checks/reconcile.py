"""Reconciliation: the 收支总表's own totals, and one document's statements against each other.

- income_equals_expenditure: 收入总计 = 支出总计 in every 收支总表 (each expenditure column);
- income_total_identity: 本年收入合计 + the lines below it (上年结转 …) = 收入总计;
- expenditure_total_identity: 本年支出合计 + the lines below it (结转下年 …) = 支出总计;
- summary_class_sum: the class lines (类, by function or economic class) add up to 本年支出合计;
- cross_statement: the same subject, measure and fund source printed in two tables agree
  (the first table printing it is the reference). When a document's only income is
  一般公共预算, its 合计/财政拨款 figures are its 一般公共预算 figures and are compared as such.
"""

from __future__ import annotations

from collections import defaultdict

import polars as pl

from expectations.checks.cells import COMPARED_COLUMNS, compared, comparisons, position
from expectations.checks.rollups import SUMMARY_KINDS
from transform import codes

INCOME_EQUALS_EXPENDITURE = "income_equals_expenditure"
INCOME_TOTAL_IDENTITY = "income_total_identity"
EXPENDITURE_TOTAL_IDENTITY = "expenditure_total_identity"
SUMMARY_CLASS_SUM = "summary_class_sum"
CROSS_STATEMENT = "cross_statement"

_INCOME_SUBTOTAL, _INCOME_TOTAL = "本年收入合计", "收入总计"
_SPENDING_SUBTOTAL, _SPENDING_TOTAL = "本年支出合计", "支出总计"
_OWN_FUNDS = {"all", "current_year", "appropriation"}  # a 收支总表's totals, not a source of money
_BUDGETS = {"general_budget", "gov_fund", "state_capital"}
# What the checks here read of a fact: a row to Python is most of their cost, and the columns they
# never read (the amount as a Decimal, the names, the confidence) a fifth of it: 2.53 -> 2.05 ms a
# synthetic document (issue 24, as in rollups).
RECONCILE_COLUMNS = [
    *COMPARED_COLUMNS,
    *("function_code", "economic_scheme", "economic_code", "phase", "row_label", "amount_printed"),
]


def reconcile_comparisons(facts: pl.DataFrame, uncertain_rows: set[tuple[str, int, int]] = frozenset()) -> pl.DataFrame:
    """facts as in rollups.rollup_comparisons, for one or more documents."""
    out: list[dict] = []
    for doc in facts.select(RECONCILE_COLUMNS).partition_by("source_file", maintain_order=True):
        cells = [f for f in doc.to_dicts() if (f["source_file"], f["table_index"], f["row_index"]) not in uncertain_rows]
        by_table: dict[int, list[dict]] = defaultdict(list)
        for f in cells:
            by_table[f["table_index"]].append(f)
        for table in by_table.values():
            if table[0]["statement"] in SUMMARY_KINDS:
                out += _summary(table)
        out += _cross_statement(cells, _fund_equivalence(cells))
    return comparisons(out)


def _label(f: dict) -> str:
    """The row's label without numbering; a 决算总表's bare 总计 is 收入总计 or 支出总计 by its side."""
    label = codes.strip_numbering(f["row_label"] or "")
    if label == "总计":
        return _INCOME_TOTAL if f["measure"] == "income" else _SPENDING_TOTAL
    return label


def _summary(table: list[dict]) -> list[dict]:
    out = []
    by_label: dict[str, list[dict]] = defaultdict(list)
    for f in table:
        by_label[_label(f)].append(f)
    income_total = [f for f in by_label.get(_INCOME_TOTAL, []) if f["measure"] == "income"]
    # The whole 支出总计 (its 合计 or fund columns), not its 人员经费 / 项目支出 cells: those are
    # parts of it (line_role grand_total, measure personnel …), not amounts equal to the income.
    spending_total = [f for f in by_label.get(_SPENDING_TOTAL, []) if f["measure"] == "grand_total"]
    if income_total:
        for spent in spending_total:
            if spent["fund_source"] in ("all", "appropriation") or len(spending_total) == 1:
                out.append(
                    compared(
                        spent,
                        [income_total[0]],
                        INCOME_EQUALS_EXPENDITURE,
                        f"{_INCOME_TOTAL} {income_total[0]['amount_printed']} (line {income_total[0]['line']})",
                    )
                )
    for sub_label, total_label, income_side, rule in (
        (_INCOME_SUBTOTAL, _INCOME_TOTAL, True, INCOME_TOTAL_IDENTITY),
        (_SPENDING_SUBTOTAL, _SPENDING_TOTAL, False, EXPENDITURE_TOTAL_IDENTITY),
    ):
        for total in by_label.get(total_label, []):
            if (total["measure"] == "income") != income_side:
                continue
            sub = next((f for f in by_label.get(sub_label, []) if f["col_index"] == total["col_index"]), None)
            if sub is None:
                continue
            between = [
                f
                for f in table
                if f["col_index"] == total["col_index"] and sub["row_index"] < f["row_index"] < total["row_index"]
            ]
            names = " + ".join([sub_label, *(_label(f) for f in between)])
            out.append(compared(total, [sub, *between], rule, names))
    for sub in by_label.get(_SPENDING_SUBTOTAL, []):
        column = [f for f in table if f["col_index"] == sub["col_index"] and f["row_index"] < sub["row_index"]]
        for field, scheme in (("function_code", "function"), ("economic_code", "economic")):
            classes = [f for f in column if f[field] and len(f[field]) == 3]
            if classes:
                out.append(
                    compared(
                        sub,
                        classes,
                        SUMMARY_CLASS_SUM,
                        f"sum of {len(classes)} {scheme} class lines ({', '.join(f[field] for f in classes)})",
                    )
                )
    return out


def _fund_equivalence(cells: list[dict]) -> dict[str, str]:
    """Fund sources that name the same money in this document: with 一般公共预算 its only
    income, 合计 and 财政拨款 are 一般公共预算."""
    sources = {
        f["fund_source"]
        for f in cells
        if f["statement"] in SUMMARY_KINDS
        and f["measure"] == "income"
        and f["fund_source"] not in _OWN_FUNDS
        and f["amount_mills"] != 0
    }
    if sources == {"general_budget"}:
        return {"all": "general_budget", "appropriation": "general_budget"}
    if sources and sources <= _BUDGETS:
        return {"all": "appropriation"}
    return {}


def _cross_statement(cells: list[dict], funds: dict[str, str]) -> list[dict]:
    per_table: dict[tuple, dict[int, list[dict]]] = defaultdict(lambda: defaultdict(list))
    seen_cell: set[tuple] = set()
    for f in cells:
        if not (f["function_code"] or f["economic_code"]):
            continue
        key = (
            f["function_code"],
            f["economic_scheme"],
            f["economic_code"],
            f["measure"],
            funds.get(f["fund_source"], f["fund_source"]),
            f["phase"],
        )  # a 决算's 预算数 is not its 决算数
        if (key, f["table_index"], f["row_index"]) in seen_cell:
            continue  # the same figure under two equivalent fund columns of one row
        seen_cell.add((key, f["table_index"], f["row_index"]))
        per_table[key][f["table_index"]].append(f)
    out = []
    for _key, tables in per_table.items():
        if len(tables) < 2:
            continue
        first, *others = sorted(tables)
        reference = tables[first]
        for t in others:
            observed = tables[t]
            head = dict(observed[0])
            head["amount_mills"] = sum(f["amount_mills"] for f in observed)
            head["rounding_mills"] = sum(f["rounding_mills"] for f in observed)
            ref = reference[0]
            where = f"{ref['table_title']} ({position(ref)})"
            row = compared(head, reference, CROSS_STATEMENT, f"as printed in {where}")
            row["n_cells"] = len(reference) + len(observed)
            out.append(row)
    return out
