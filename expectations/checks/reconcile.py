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

from expectations.checks.cells import (
    CELL_SEPARATOR,
    COMPARED_COLUMNS,
    COMPARED_KEPT,
    COMPARED_SCHEMA,
    cell_key_column,
    certain,
    compared,
    compared_columns,
    comparison_frame,
    position_column,
)
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
    """facts as in rollups.rollup_comparisons, for one or more documents: per document its
    收支总表s' own arithmetic (in Python, over their few cells), then its statements against each
    other (in polars, over all its coded cells: to Python they were ~0.9 ms a synthetic document;
    issue 24)."""
    cells = certain(facts.select(RECONCILE_COLUMNS), uncertain_rows).with_row_index("_i")
    documents = cells.select("source_file").unique(maintain_order=True).with_row_index("_doc")
    cells = cells.join(documents, on="source_file", maintain_order="left")
    summary = cells.filter(pl.col("statement").is_in(list(SUMMARY_KINDS)))
    found = [_summaries(summary), _cross_statement(cells, fund_equivalence(summary))]
    return comparison_frame(pl.concat(found, how="diagonal_relaxed").sort("_doc", "_part", "_a", "_b").drop(_ORDER))


_ORDER = ["_doc", "_part", "_a", "_b"]  # per document its summary tables' rows, then its cross-statement ones


def _summaries(summary: pl.DataFrame) -> pl.DataFrame:
    """Each 收支总表's own comparisons, in the order of its document and tables."""
    out, order = [], []
    for doc in summary.partition_by("_doc", maintain_order=True):
        by_table: dict[int, list[dict]] = defaultdict(list)
        for f in doc.to_dicts():
            by_table[f["table_index"]].append(f)
        for table in by_table.values():
            for row in _summary(table):
                order.append((table[0]["_doc"], 0, len(order), 0))
                out.append(row)
    frame = pl.DataFrame(out, schema=COMPARED_SCHEMA, strict=False)
    return frame.hstack(pl.DataFrame(order, schema=dict.fromkeys(_ORDER, pl.Int64), orient="row"))


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


def fund_equivalence(summary: pl.DataFrame) -> pl.DataFrame:
    """Per document, its fund sources that name the same money (source_file, fund_source,
    _fund): with 一般公共预算 its only income, 合计 and 财政拨款 are 一般公共预算; with only
    budget funds, 合计 is 财政拨款."""
    sources = (
        summary.filter(
            (pl.col("measure") == "income")
            & (pl.col("fund_source").is_null() | ~pl.col("fund_source").is_in(list(_OWN_FUNDS)))
            & (pl.col("amount_mills") != 0).fill_null(True)
        )
        .group_by("source_file")
        .agg(pl.col("fund_source").unique())
    )
    rows = []
    for file, found in sources.iter_rows():
        found = set(found)
        if found == {"general_budget"}:
            rows += [(file, "all", "general_budget"), (file, "appropriation", "general_budget")]
        elif found and found <= _BUDGETS:
            rows.append((file, "all", "appropriation"))
    return pl.DataFrame(rows, schema={"source_file": pl.String, "fund_source": pl.String, "_fund": pl.String}, orient="row")


# what tells one figure from another across a document's tables: a 决算's 预算数 is not its 决算数
_FIGURE = ["function_code", "economic_scheme", "economic_code", "measure", "_fund", "phase"]


def _cross_statement(cells: pl.DataFrame, funds: pl.DataFrame) -> pl.DataFrame:
    """The same figure (_FIGURE) printed in two tables of a document: each later table's cells
    (summed, as the first of them) against the first table's."""
    coded = (
        cells.filter(_present("function_code") | _present("economic_code"))
        .join(funds, on=["source_file", "fund_source"], how="left", maintain_order="left")
        .with_columns(pl.coalesce("_fund", "fund_source").alias("_fund"), cell_key_column().alias("_key"))
        # the same figure under two equivalent fund columns of one row is one figure
        .unique(subset=["source_file", *_FIGURE, "table_index", "row_index"], keep="first", maintain_order=True)
    )
    figure = ["source_file", *_FIGURE]
    coded = coded.with_columns(
        pl.col("table_index").min().over(figure).alias("_first_table"),
        pl.col("table_index").n_unique().over(figure).alias("_tables"),
        pl.col("_i").min().over(figure).alias("_a"),
    ).filter(pl.col("_tables") > 1)
    ocr = (pl.col("read_by") == "ocr").cast(pl.Int64)
    reference = (
        coded.filter(pl.col("table_index") == pl.col("_first_table"))
        .group_by(figure)
        .agg(
            pl.col("amount_mills").sum().alias("_expected"),
            pl.col("rounding_mills").sum().alias("_ref_rounding"),
            pl.len().alias("_ref_n"),
            pl.col("_key").str.join(CELL_SEPARATOR).alias("_ref_keys"),
            ocr.sum().alias("_ref_ocr"),
            pl.concat_str([pl.col("table_title").fill_null("None"), pl.lit(" ("), position_column(), pl.lit(")")])
            .first()
            .alias("_where"),
        )
    )
    observed = (
        coded.filter(pl.col("table_index") != pl.col("_first_table"))
        .group_by([*figure, "table_index"])
        .agg(
            pl.col([c for c in (*COMPARED_KEPT, "_key", "_doc", "_a") if c not in (*figure, "table_index")]).first(),
            ocr.first().alias("_ocr"),
            pl.col("amount_mills").sum().alias("_observed"),
            pl.col("rounding_mills").sum().alias("_rounding"),
            pl.len().alias("_n"),
        )
        .join(reference, on=figure, nulls_equal=True)
    )
    return observed.select(
        *compared_columns(
            pl.lit(CROSS_STATEMENT),
            "_expected",
            "_observed",
            pl.col("_rounding") + pl.col("_ref_rounding"),
            pl.col("_ref_n") + pl.col("_n"),
            pl.lit("as printed in ") + pl.col("_where"),
            "_ref_keys",
            pl.col("_ocr") + pl.col("_ref_ocr"),
        ),
        pl.col("_doc").cast(pl.Int64),
        pl.lit(1, pl.Int64).alias("_part"),
        pl.col("_a").cast(pl.Int64),
        pl.col("table_index").cast(pl.Int64).alias("_b"),
    )


def _present(column: str) -> pl.Expr:
    """A code is printed (not NULL, not empty)."""
    return pl.col(column).is_not_null() & (pl.col(column) != "")
