"""Cross-checks of the rest of the disclosure, as comparison rows of the reconciliation suite:

- project_sum: the project lines add up to the 项目支出 the document's statements print (支出总表,
  else 收支总表, else 一般公共预算支出表: its 合计 row, 项目支出 column). The projects are those
  of the 项目支出表 (or, for a document without one, of its 绩效目标表s); a table printing only
  unit lines (镇安县) counts its units;
- project_table_total: a project table's 合计 line (or a unit line of a 绩效目标表 listing its
  projects under it, or the 金额合计 of a 部门整体 table's tasks) equals the project (task) lines,
  fund source by fund source;
- project_amounts_agree: a project printed in the 项目支出表 and again in its 绩效目标表 has the
  same amount in both (预算数 / 年度预算资金总额 against the project line);
- three_public_sum: “三公”经费 = 因公出国 + 公务用车 + 公务接待; 公务用车 = 购置 + 运行; 因公出国 =
  its two kinds; 合计 = “三公” (+ 会议费 + 培训费), each year column, phase and fund source, over the
  parts the table prints (a blank part is no amount).
"""

from __future__ import annotations

from collections import defaultdict

import polars as pl

from expectations.checks.cells import compared, comparisons, position, with_mills
from transform.disclosure.three_public import CATEGORIES, PARTS

PROJECT_SUM = "project_sum"
PROJECT_TABLE_TOTAL = "project_table_total"
PROJECT_AMOUNTS_AGREE = "project_amounts_agree"
THREE_PUBLIC_SUM = "three_public_sum"
RULES = (PROJECT_SUM, PROJECT_TABLE_TOTAL, PROJECT_AMOUNTS_AGREE, THREE_PUBLIC_SUM)

_STATEMENT_ORDER = ("expenditure", "summary", "general_budget_expenditure", "appropriation_summary")
_TOTAL = ("three_public", "meeting", "training")


def disclosure_comparisons(facts: pl.DataFrame, projects: pl.DataFrame, three_public: pl.DataFrame) -> pl.DataFrame:
    """facts as rollups read them (with mills); project amounts and 三公 rows as loaded, with
    their table's title."""
    out: list[dict] = []
    if projects.height:
        rows = with_mills(projects).to_dicts()
        by_file: dict[str, list[dict]] = defaultdict(list)
        for r in rows:
            by_file[r["source_file"]].append(r)
        spent = _statement_project_totals(facts)
        for source_file, lines in by_file.items():
            out += _project_rules(lines, spent.get(source_file))
    if three_public.height:
        out += _three_public_rules(with_mills(three_public).to_dicts())
    return comparisons(out)


def _statement_project_totals(facts: pl.DataFrame) -> dict[str, dict]:
    """Per document, the 项目支出 total its statements print (the first statement in order)."""
    out: dict[str, dict] = {}
    if facts.height == 0:
        return out
    totals = facts.filter(
        pl.col("measure") == "project",
        pl.col("function_code").is_null(),
        pl.col("economic_code").is_null(),
        pl.col("gov_economic_code").is_null(),
        pl.col("fund_source").is_in(["all", "general_budget", "appropriation"]),
    )
    for f in sorted(totals.to_dicts(), key=lambda f: (_rank(f["statement"]), f["table_index"], f["row_index"])):
        if f["statement"] in _STATEMENT_ORDER:
            out.setdefault(f["source_file"], f)
    return out


def _rank(statement: str) -> int:
    return _STATEMENT_ORDER.index(statement) if statement in _STATEMENT_ORDER else len(_STATEMENT_ORDER)


def _project_rules(lines: list[dict], spent: dict | None) -> list[dict]:
    out = []
    for line in lines:
        line.update(subject=line["project_name"], measure="project")
    tables: dict[int, list[dict]] = defaultdict(list)
    for line in lines:
        tables[line["table_index"]].append(line)
    for table in tables.values():
        totals = [
            t
            for t in table
            if (t["statement"], t["row_kind"])
            in (("project_expenditure", "total"), ("performance_project", "unit"), ("performance_overall", "total"))
        ]
        for total in totals:
            parts = [p for p in _projects_under(table, total) if p["fund_source"] == total["fund_source"]]
            if parts:
                out.append(compared(total, parts, PROJECT_TABLE_TOTAL, f"sum of {len(parts)} {parts[0]['row_kind']} lines"))
    out += _same_project(lines)
    if spent is None:
        return out
    own = [f for f in lines if f["statement"] == "project_expenditure" and f["fund_source"] == "all"]
    pool = own or [f for f in lines if f["statement"] == "performance_project" and f["fund_source"] == "all"]
    parts = [f for f in pool if f["row_kind"] == "project"] or _top_units(pool)
    if parts:
        row = compared(
            spent,
            parts,
            PROJECT_SUM,
            f"{spent['table_title']} 项目支出 against the sum of {len(parts)} project lines of {parts[0]['table_title']}",
        )
        out.append(row)
    return out


def _same_project(lines: list[dict]) -> list[dict]:
    """A project's amount in its 绩效目标表 against its line in the 项目支出表 (the reference)."""
    printed = {}
    for f in lines:
        if f["statement"] == "project_expenditure" and f["row_kind"] == "project" and f["fund_source"] == "all":
            printed.setdefault("".join((f["project_name"] or "").split()), f)
    out = []
    for f in lines:
        ref = printed.get("".join((f["project_name"] or "").split()))
        if f["statement"] == "performance_project" and f["fund_source"] == "all" and ref is not None:
            out.append(compared(f, [ref], PROJECT_AMOUNTS_AGREE, f"as printed in {ref['table_title']} ({position(ref)})"))
    return out


def _projects_under(table: list[dict], total: dict) -> list[dict]:
    """The project lines a total line stands for: all of a 合计 (the task lines of a 部门整体 table's
    金额合计), those after a unit line until the next unit."""
    if total["row_kind"] == "total":
        kind = "task" if total["statement"] == "performance_overall" else "project"
        return [p for p in table if p["row_kind"] == kind]
    after = [p for p in table if p["row_index"] > total["row_index"]]
    nxt = next((p["row_index"] for p in after if p["row_kind"] == "unit"), None)
    return [p for p in after if p["row_kind"] == "project" and (nxt is None or p["row_index"] < nxt)]


def _top_units(pool: list[dict]) -> list[dict]:
    units = [f for f in pool if f["row_kind"] == "unit"]
    return units[:1] if units else []


def _three_public_rules(rows: list[dict]) -> list[dict]:
    for r in rows:
        r.update(subject=r["category_printed"], measure=r["category"])
    by_row: dict[tuple, set[str]] = defaultdict(set)
    for r in rows:
        by_row[(r["source_file"], r["table_index"], r["row_index"])].add(r["category"])
    groups: dict[tuple, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        across = len(by_row[(r["source_file"], r["table_index"], r["row_index"])]) > 1  # categories are columns
        key = (
            r["source_file"],
            r["table_index"],
            r["year"],
            r["phase"],
            r["fund_source"],  # 预算数 and 决算数 apart
            ("row", r["row_index"]) if across else ("col", r["col_index"]),
        )
        groups[key][r["category"]].append(r)
    out = []
    for cells in groups.values():
        total_parts = _TOTAL if "three_public" in cells else (*PARTS["three_public"], *_TOTAL[1:])
        for whole, parts in (*PARTS.items(), ("total", total_parts)):
            if whole not in cells:
                continue
            printed = [c for p in parts for c in cells.get(p, [])]
            if printed:
                names = " + ".join(CATEGORIES[p] for p in parts if p in cells)
                out.append(compared(cells[whole][0], printed, THREE_PUBLIC_SUM, names))
    return out
