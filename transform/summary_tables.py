"""收支总表-style tables: side-by-side groups of (row label, amount columns).

The left group lists income by source; the right groups list expenditure by function class
name (no codes), and in Shaanxi's layout also by 部门 and 政府 economic class. Row labels are
resolved to a subject, a measure and a fund source; a label we cannot resolve is unplaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.cells import normalize_label
from transform import codes
from transform.headers import Column, fund_of_label, measure_of, measure_of_label
from transform.sink import Subject, TableSink

INCOME, FUNCTION, ECON_DEPT, ECON_GOV = "income", "function", "econ_department", "econ_government"


@dataclass
class Group:
    label_col: int
    axis: str
    amounts: list[Column]


@dataclass(frozen=True)
class _Placement:
    subject: Subject | None = None
    measure: str | None = None
    fund: str | None = None
    reason: str | None = None
    section: str | None = None  # a new section (basic/project/carryover) opened by this row
    role: str | None = None  # line_role when the label alone does not tell (财政拨款 heads the 支出 side)


def place_summary(sink: TableSink, columns: list[Column]) -> None:
    groups = groups_of(columns)
    offset = len(sink.table.header_rows)
    sections: dict[int, str | None] = {g.label_col: None for g in groups}
    for i, row in enumerate(sink.table.rows):
        for group in groups:
            raw = row.cells[group.label_col] if group.label_col < len(row.cells) else ""
            label = normalize_label(raw) or None
            if label is None:
                for col in group.amounts:
                    sink.amount(i + offset, row, col.index, col.header, None, None, None, None, "no_row_label")
                continue
            placed = _resolve(label, group.axis, sections[group.label_col])
            if placed.section is not None:
                sections[group.label_col] = placed.section or None
            for col in group.amounts:
                fund = placed.fund or col.fund_source
                measure = placed.measure
                if group.axis != INCOME and measure in _ROW_TOTALS:
                    measure = measure_of(col.path, measure)  # 支出总计's 人员经费 cell is personnel (its line_role says 总计)
                sink.amount(
                    i + offset,
                    row,
                    col.index,
                    col.header,
                    placed.subject,
                    measure,
                    fund,
                    label,
                    placed.reason,
                    line_role=placed.role,
                )


def groups_of(columns: list[Column]) -> list[Group]:
    """Side-by-side groups: a label column and the amount columns to its right."""
    groups: list[Group] = []
    for col in columns:
        if col.role in ("name", "text", "code"):
            groups.append(Group(col.index, _axis(col.path), []))
        elif col.role == "amount" and groups:
            groups[-1].amounts.append(col)
    return groups


def _axis(path: tuple[str, ...]) -> str:
    joined = "/".join(path)
    if "收入" in joined:
        return INCOME
    if "经济" in joined and "政府" in joined:
        return ECON_GOV
    if "经济" in joined:
        return ECON_DEPT
    return FUNCTION


# Rows whose cells take the measure of their column when it names one (合计 | 基本支出 | 项目支出).
_ROW_TOTALS = ("total", "grand_total")
_GRAND_TOTAL = re.compile(r"^(收入|支出)?总计$")  # a 决算总表 prints 总计 on both sides
_YEAR_TOTAL = re.compile(r"^本年(收入|支出)(合计)?$|^(部门预算|财政拨款|支出合计|收入合计)$")
_CARRYOVER = re.compile(r"上年结转|年初.*结转|上年.*结余")
_CARRY_FORWARD = re.compile(r"结转下年|年末.*结转|年终结转")


def _resolve(label: str, axis: str, section: str | None) -> _Placement:
    bare = codes.strip_numbering(label)
    if label.startswith("其中"):
        return _Placement(reason="memo_item")
    if axis == INCOME:
        return _resolve_income(bare, section)
    if _GRAND_TOTAL.match(bare):
        return _Placement(Subject(), "grand_total", section="", role="grand_total")
    if _CARRY_FORWARD.search(bare):
        return _Placement(Subject(), "carry_forward", section="")
    if _YEAR_TOTAL.match(bare):
        return _Placement(Subject(), "total", section="", role="total")
    if axis == FUNCTION:
        code = codes.class_code_for_name(codes.FUNCTION, bare)
        if code:
            return _Placement(Subject(function_code=code, function_name=bare), "total")
    else:
        scheme = codes.ECON_DEPARTMENT if axis == ECON_DEPT else codes.ECON_GOVERNMENT
        if bare == "人员经费和公用经费支出":
            return _Placement(Subject(), "basic", section="basic")
        code = codes.class_code_for_name(scheme, bare)
        if code:
            subject = (
                Subject(econ_code=code, econ_name=bare)
                if scheme == codes.ECON_DEPARTMENT
                else Subject(gov_code=code, gov_name=bare)
            )
            return _Placement(subject, section or "total")
    measure = measure_of_label(bare)
    if measure:
        return _Placement(Subject(), measure, section=measure if measure in ("basic", "project") else "")
    return _Placement(reason="unknown_row_label")


def _resolve_income(bare: str, section: str | None) -> _Placement:
    if _GRAND_TOTAL.match(bare):
        return _Placement(Subject(), "income", "all", section="", role="grand_total")
    if _YEAR_TOTAL.match(bare) and bare != "财政拨款":
        return _Placement(Subject(), "income", "current_year", section="", role="total")
    if _CARRYOVER.search(bare):
        return _Placement(Subject(), "income", "carryover", section="carryover")
    if section == "carryover":
        return _Placement(reason="carryover_breakdown")
    fund = fund_of_label(bare)
    if fund:
        return _Placement(Subject(), "income", fund)
    return _Placement(reason="unknown_row_label")
