"""A 决算's narrative of budget execution against its own arithmetic and its tables, as comparison
rows of the reconciliation suite (rounding-aware like every sum):

- execution_rate: '全年预算为 52.00 万元，支出决算为 51.32 万元，完成全年预算数的 98.69%' — the budget
  it names times the rate is the 支出决算 it states, to the precision all three are printed in
  (a rate of a 年初预算 of 0 cannot give 307.82 万元: the sentence names the wrong budget);
- execution_final_matches_table: the 支出决算 stated for a 项 is the 决算数 the
  一般公共预算财政拨款支出决算表 prints for its code (the whole's, its 合计 row);
- execution_parts_sum: the 项 the narrative lists add up to the whole it states, 全年预算 and 支出决算.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

import polars as pl

from expectations.checks.cells import MILLS_PER_YUAN, compared, comparisons
from transform.amounts import rounding_yuan

EXECUTION_RATE = "execution_rate"
EXECUTION_FINAL_MATCHES_TABLE = "execution_final_matches_table"
EXECUTION_PARTS_SUM = "execution_parts_sum"
RULES = (EXECUTION_RATE, EXECUTION_FINAL_MATCHES_TABLE, EXECUTION_PARTS_SUM)

_WORDS = {"execution_budget": "年初预算", "execution_adjusted": "全年预算", "execution_final": "支出决算"}
# The table a 项's 支出决算 restates: the 一般公共预算财政拨款支出决算表's 决算数 (合计 column).
_TABLE = ("general_budget_expenditure", "total", "final")


def execution_comparisons(facts: pl.DataFrame, narrative: pl.DataFrame) -> pl.DataFrame:
    """facts as the other checks read them (with mills); narrative facts as loaded."""
    if narrative.height == 0:
        return comparisons([])
    stated = [r for r in narrative.to_dicts() if r["topic"].startswith("execution_")]
    tables = _table_finals(facts)
    out: list[dict] = []
    by_statement: dict[tuple, dict[str, dict]] = defaultdict(dict)
    for r in stated:
        by_statement[(r["source_file"], r["sentence"])][r["topic"]] = r
    for (source_file, _), figures in by_statement.items():
        out += _rate(figures)
        final = figures.get("execution_final")
        if final is not None:
            cell = tables.get((source_file, final["function_code"]))
            if cell is not None:
                out.append(
                    compared(
                        as_cell(final),
                        [cell],
                        EXECUTION_FINAL_MATCHES_TABLE,
                        f"{cell['table_title']} prints {cell['amount_printed']} {cell['unit_printed']} "
                        f"for {final['function_code'] or '合计'} (page {cell['page']})",
                    )
                )
    out += _parts(by_statement)
    return comparisons(out)


def as_cell(r: dict) -> dict:
    """A narrative figure in the shape of a fact cell: its amount and rounding in mills."""
    yuan = r["amount_yuan"] or Decimal(0)
    printed = r.get("value_printed") or f"{r['value']}"
    return {
        "source_file": r["source_file"],
        "department": r["department"],
        "fiscal_year": r["fiscal_year"],
        "table_index": None,
        "table_title": "narrative",
        "statement": "narrative",
        "subject": r["subject"] or "",
        "measure": r["topic"],
        "fund_source": "general_budget",
        "column_header": _WORDS.get(r["topic"]),
        "row_index": None,
        "col_index": None,
        "line": r["line"],
        "page": r["page"],
        "amount_mills": int(yuan * MILLS_PER_YUAN),
        "rounding_mills": int(rounding_yuan(printed, r["value_unit"]) * MILLS_PER_YUAN) if r["value_unit"] != "%" else 0,
    }


def _rate(figures: dict[str, dict]) -> list[dict]:
    """支出决算 against the budget the sentence names × its rate (rated_part)."""
    rate, final = figures.get("execution_rate"), figures.get("execution_final")
    if rate is None or final is None:
        return []
    base = figures.get("execution_adjusted" if rate["rate_base"] == "adjusted_budget" else "execution_budget")
    if base is None:
        return []
    words = _WORDS[base["topic"]]
    return [
        rated_part(
            as_cell(final),
            as_cell(base),
            rate,
            EXECUTION_RATE,
            f"{words} {base['value_printed']} {base['value_unit']} × {rate['value_printed']}% "
            f"(完成{words}的 {rate['value_printed']}%)",
        )
    ]


def rated_part(part: dict, whole: dict, rate: dict, rule: str, detail: str) -> dict:
    """A comparison of `part` (a cell) against `whole` × the printed percentage `rate` (a narrative
    fact: 完成…的 98.69%, 占 34.30%). The percentage the printed amounts give, rounded as it is printed
    (51.32 / 52.00 = 98.692…% → 98.69%), is the test of the sentence: when it matches, the figures
    agree as printed; when not, the difference is worked out in 元 with the whole's rounding scaled
    by the rate and the rate's own (±0.005 % of a rate printed to 0.01 %) over the whole."""
    share = rate["value"] / 100
    expected = dict(
        whole,
        amount_mills=int(Decimal(whole["amount_mills"]) * share),
        rounding_mills=int(
            whole["rounding_mills"] * share + Decimal(whole["amount_mills"]) * rounding_yuan(rate["value_printed"], "元") / 100
        ),
    )
    if whole["amount_mills"]:
        step = Decimal(1).scaleb(-decimals(rate["value_printed"]))  # 0.01 for a rate printed 98.69
        recomputed = (Decimal(part["amount_mills"]) / whole["amount_mills"] * 100).quantize(step, ROUND_HALF_UP)
        if recomputed == rate["value"]:
            expected["amount_mills"] = part["amount_mills"]
    return compared(part, [expected], rule, detail)


def decimals(printed: str) -> int:
    return len(printed.split(".", 1)[1]) if "." in printed else 0


def _parts(by_statement: dict[tuple, dict[str, dict]]) -> list[dict]:
    """The whole (a statement without a code) against the 项 statements after it, per figure."""
    out: list[dict] = []
    per_file: dict[str, list[dict[str, dict]]] = defaultdict(list)
    for (source_file, _), figures in by_statement.items():
        per_file[source_file].append(figures)
    for statements in per_file.values():
        wholes = [s for s in statements if not any(f["function_code"] for f in s.values())]
        items = [s for s in statements if any(f["function_code"] for f in s.values())]
        if len(wholes) != 1 or not items:
            continue
        for topic in ("execution_adjusted", "execution_final"):
            whole = wholes[0].get(topic)
            parts = [s[topic] for s in items if topic in s]
            if whole is not None and parts:
                out.append(
                    compared(
                        as_cell(whole),
                        [as_cell(p) for p in parts],
                        EXECUTION_PARTS_SUM,
                        f"{_WORDS[topic]} of the {len(parts)} 项 the narrative lists",
                    )
                )
    return out


def _table_finals(facts: pl.DataFrame) -> dict[tuple[str, str | None], dict]:
    """Per document and function code (None: the 合计 row), the 决算数 its 一般公共预算财政拨款支出决算表 prints."""
    statement, measure, phase = _TABLE
    out: dict[tuple[str, str | None], dict] = {}
    if facts.height == 0:
        return out
    rows = facts.filter(
        pl.col("statement") == statement,
        pl.col("measure") == measure,
        pl.col("phase") == phase,
        pl.col("economic_code").is_null(),
    )
    for f in rows.sort("table_index", "row_index").to_dicts():
        if f["function_code"] is None and f["line_role"] != "total":
            continue
        out.setdefault((f["source_file"], f["function_code"]), f)
    return out
