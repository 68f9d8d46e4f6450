"""“三公”经费 (and 会议费/培训费): each category by year column, in 元.

Categories are columns (兰山区, 江油市: units down the side, 2023 | 2024 side by side) or rows
(固安县: categories down the side, fund sources across). A space-aligned table prints only
the non-empty cells of up to 29 columns: its numbers are unplaced (`columns_unknown`)."""

from __future__ import annotations

import re

from extract.cells import LEADING_NUMBER, normalize_label
from transform.amounts import parse_amount
from transform.disclosure.projects import normalize_text
from transform.headers import column_paths, first_match, fund_of, rules
from transform.sink import TableSink

CATEGORIES = {
    "total": "合计",
    "three_public": "“三公”经费小计",
    "abroad": "因公出国（境）费",
    "abroad_research": "其中：教学科研人员因公出国（境）费",
    "abroad_other": "其他因公出国（境）费",
    "vehicles": "公务用车购置及运行（维护）费",
    "vehicle_purchase": "公务用车购置费",
    "vehicle_operation": "公务用车运行维护费",
    "reception": "公务接待费",
    "meeting": "会议费",
    "training": "培训费",
}
# Each category and the categories that add up to it.
PARTS = {
    "three_public": ("abroad", "vehicles", "reception"),
    "vehicles": ("vehicle_purchase", "vehicle_operation"),
    "abroad": ("abroad_research", "abroad_other"),
}
_RULES = rules(
    [
        (r"教学科研", "abroad_research"),
        (r"其他因公出国", "abroad_other"),
        (r"因公出国", "abroad"),
        (r"购置及运|购置和运", "vehicles"),
        (r"公务用车购置", "vehicle_purchase"),
        (r"公务用车运行", "vehicle_operation"),
        (r"公务接待", "reception"),
        (r"会议", "meeting"),
        (r"培训", "training"),
        (r"三公", "three_public"),
        (r"^合计$|^总计$", "total"),
    ]
)
_YEAR = re.compile(r"(20\d{2})年")
_UNIT_CODE = re.compile(r"编码|代码")
_UNIT_NAME = re.compile(r"单位名称|^项目$|名称")


def category_of(label: str) -> str | None:
    text = LEADING_NUMBER.sub("", normalize_label(label)).removeprefix("其中:").removeprefix("其中：")
    return first_match(_RULES, (text,))


def place_three_public(sink: TableSink) -> None:
    table = sink.table
    offset = len(table.header_rows)
    if not table.aligned:
        for i, row in enumerate(table.rows, start=offset):
            for k, text in enumerate(row.cells):
                unit_code = k == 0 and len(text.strip()) >= 3 and text.strip().isdigit()
                if parse_amount(text) is not None and not unit_code:
                    sink.reject(i, row, None, "", None, "columns_unknown", text)
                sink.consumed.add((i, k))
        return
    paths = column_paths([r.cells for r in table.header_rows], table.n_cols)
    labels = [c for c, p in enumerate(paths) if p and (_UNIT_CODE.search(p[-1]) or _UNIT_NAME.search(p[-1]))]
    by_rows = any(category_of(row.cells[c]) not in (None, "total") for row in table.rows for c in labels if c < len(row.cells))
    title_fund = fund_of((normalize_label(table.title or ""),), "appropriation")
    for i, row in enumerate(table.rows, start=offset):
        code = next(
            (
                normalize_text(row.cells[c])
                for c in labels
                if c < len(row.cells) and _UNIT_CODE.search(paths[c][-1]) and row.cells[c].strip()
            ),
            None,
        )
        name = next(
            (
                normalize_text(row.cells[c])
                for c in labels
                if c < len(row.cells) and not _UNIT_CODE.search(paths[c][-1]) and row.cells[c].strip()
            ),
            None,
        )
        sink.consumed.update((i, c) for c in labels)  # a unit code is a code, not an amount
        for c, path in enumerate(paths):
            if c in labels or c >= len(row.cells) or not row.cells[c].strip():
                continue
            printed = name if by_rows else _category_label(path)
            category = category_of(printed or "")
            if category is None:
                continue  # left to the caller: an unplaced number
            fund = fund_of(path, None) if by_rows else None
            if fund in (None, "appropriation") and title_fund != "appropriation":
                fund = title_fund
            year = next((int(m.group(1)) for p in path if (m := _YEAR.search(p))), table.fiscal_year)
            _amount(
                sink,
                i,
                row,
                c,
                "/".join(path),
                category,
                printed,
                fund or "appropriation",
                year,
                None if by_rows else code,
                None if by_rows else name,
            )


def _category_label(path: tuple[str, ...]) -> str | None:
    """A 小计 column is its parent's total (公务用车购置及运行费/小计)."""
    for label in reversed(path):
        if normalize_label(label) != "小计":
            return label
    return None


def _amount(
    sink: TableSink,
    i: int,
    row,
    c: int,
    header: str,
    category: str,
    printed: str | None,
    fund: str,
    year: int | None,
    code: str | None,
    name: str | None,
) -> None:
    text = row.cells[c]
    value = parse_amount(text)
    if value is None:
        return sink.reject(i, row, c, header, printed, "not_a_number")
    yuan = sink.yuan(i, row, c, header, printed, value, sink.unit)
    if yuan is None:
        return
    sink.item(
        "fact_three_public",
        i,
        row,
        c,
        year=year,
        unit_code=code,
        unit_name=name,
        category=category,
        category_printed=normalize_text(printed or ""),
        fund_source=fund,
        column_header=header,
        amount_yuan=yuan,
        amount_printed=text,
        unit_printed=sink.unit,
    )
