"""Small hand-made documents as fact/table frames: a clean one and copies with one planted fault."""

from __future__ import annotations

from decimal import Decimal

import polars as pl

from expectations.checks.cells import FACT_COLUMNS
from expectations.checks.ocr_proof import with_read_by

SUMMARY_HEADERS = {1: "收入/预算数", 3: "支出/预算数"}
DETAIL_HEADERS = {2: "合计", 3: "基本支出", 4: "项目支出"}
DETAIL_TITLE = "一般公共预算支出表"


def _fact(doc, table, statement, title, row, col, header, printed, unit="元", **subject):
    return {
        "source_file": doc,
        "department": "测试局",
        "fiscal_year": 2024,
        "table_index": table,
        "table_title": title,
        "statement": statement,
        "row_index": row,
        "col_index": col,
        "line": 10 * table + row,
        "page": None,
        "function_code": None,
        "function_name": None,
        "economic_scheme": None,
        "economic_code": None,
        "economic_name": None,
        "gov_economic_code": None,
        "gov_economic_name": None,
        "measure": "total",
        "fund_source": "general_budget",
        "amount_yuan": Decimal(printed.replace(",", "")) * (10000 if unit == "万元" else 1),
        "amount_printed": printed,
        "unit_printed": unit,
        "row_label": None,
        "column_header": header,
        "line_role": "item",
        "phase": "budget",
        **subject,
    }


def document(doc: str = "clean.txt", **faults) -> list[dict]:
    """收支总表 (table 0) and 一般公共预算支出表 (table 1) that agree with themselves and each other,
    unless a fault is planted: child (21015's 款 off by 100), identity (2101501 total != basic +
    project), totals (收入总计 != 支出总计), cross (收支总表's 210 differs), name (2101502 named
    公立医院), negative, vocabulary, unknown (2101501 and 2101502 printed as 2101597 and 2101598,
    codes the reference does not have; the sums still hold)."""
    detail = [  # row, code, name, label, total, basic, project
        (2, None, None, "合计", "1,000.00", "600.00", "400.00"),
        (3, "210", "卫生健康支出", None, "1,000.00", "600.00", "400.00"),
        (4, "21015", "医疗保障管理事务", None, "1,000.00" if not faults.get("child") else "1,100.00", "600.00", "400.00"),
        (5, "2101501", "行政运行", None, "600.00" if not faults.get("identity") else "650.00", "600.00", None),
        (6, "2101502", "一般行政管理事务" if not faults.get("name") else "公立医院", None, "400.00", None, "400.00"),
    ]
    if faults.get("unknown"):
        detail[3:5] = [
            (row, code[:-2] + {"01": "97", "02": "98"}[code[-2:]], name, label, *amounts)
            for row, code, name, label, *amounts in detail[3:5]
        ]
    out = []
    for row, code, name, label, *amounts in detail:
        for col, printed in zip((2, 3, 4), amounts):
            if printed is None:
                continue
            measure = {2: "total", 3: "basic", 4: "project"}[col]
            out.append(
                _fact(
                    doc,
                    1,
                    "general_budget_expenditure",
                    DETAIL_TITLE,
                    row,
                    col,
                    DETAIL_HEADERS[col],
                    printed,
                    function_code=code,
                    function_name=name,
                    row_label=label or name,
                    measure=measure,
                )
            )
    income_total = "1,000.00" if not faults.get("totals") else "1,200.00"
    summary = [  # row, col, label, code, measure, fund, printed
        (2, 1, "一、一般公共预算拨款收入", None, "income", "general_budget", "1,000.00"),
        (2, 3, "一、卫生健康支出", "210", "total", "all", "1,000.00" if not faults.get("cross") else "990.00"),
        (9, 1, "本年收入合计", None, "income", "current_year", "1,000.00"),
        (9, 3, "本年支出合计", None, "total", "all", "1,000.00" if not faults.get("cross") else "990.00"),
        (12, 1, "收入总计", None, "income", "all", income_total),
        (12, 3, "支出总计", None, "grand_total", "all", "1,000.00" if not faults.get("cross") else "990.00"),
    ]
    if faults.get("totals"):
        summary.append((10, 1, "上年结转", None, "income", "carryover", "200.00"))
    for row, col, label, code, measure, fund, printed in summary:
        out.append(
            _fact(
                doc,
                0,
                "summary",
                "收支总表",
                row,
                col,
                SUMMARY_HEADERS[col],
                printed,
                row_label=label,
                function_code=code,
                function_name=label[2:] if code else None,
                measure=measure,
                fund_source=fund,
            )
        )
    if faults.get("negative"):
        out[1]["amount_yuan"], out[1]["amount_printed"] = Decimal("-1000.00"), "-1,000.00"
    if faults.get("vocabulary"):
        out[1]["measure"] = "salary"
    return out


def frames(*docs: list[dict]) -> tuple[pl.DataFrame, pl.DataFrame]:
    facts = with_read_by(pl.DataFrame([f for d in docs for f in d], schema_overrides={"amount_yuan": pl.Decimal(18, 2)}))
    facts = facts.select(FACT_COLUMNS)
    tables = (
        facts.group_by("source_file", "department", "fiscal_year", "table_index", "table_title", "statement")
        .agg(pl.len().alias("n_facts"), pl.col("line").min())
        .with_columns(
            pl.lit(None, pl.String).alias("table_number"),
            pl.lit("loaded").alias("status"),
            pl.lit(None, pl.Int32).alias("page"),
            pl.lit(0).alias("n_ambiguous"),
            pl.lit(0).alias("n_unplaced"),
        )
    )
    return facts.with_columns(pl.col("amount_yuan").cast(pl.Decimal(18, 2))), tables
