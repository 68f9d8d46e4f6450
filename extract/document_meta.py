"""Department and fiscal year of a whole document, from its cover, titles and page headers."""
from __future__ import annotations

import re
from collections import Counter

from extract import context
from extract.cells import normalize_label

_DATE_LINE = re.compile(r"^20\d\d年\d{1,2}月\d{1,2}日$")
_YEAR_NEAR_BUDGET = re.compile(r"(20\d\d)年(?:度)?.{0,24}?(?:预算|决算)")


def document_department(lines: list[str]) -> str | None:
    """Most frequent explicit department line, else page headers, else the cover title."""
    named = Counter()
    for i, line in enumerate(lines):
        dept = context.department_of(line) or context.page_header_department(line, _next_nonblank(lines, i))
        if dept:
            named[dept] += 1
    if named:
        return sorted(named.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    head = [ln for ln in lines[:80] if ln.strip()]
    for line in head:
        dept = context.department_from_title(line)
        if dept:
            return dept
    for line in head[:10]:
        if "\t" not in line and context.looks_like_org_name(line):
            return normalize_label(line)
    return _signature(lines)


def document_year(lines: list[str]) -> int | None:
    """'预算年度：2024' anywhere, else the first 'YYYY 年 … 预算' within the opening lines."""
    for line in lines:
        year = context.year_of_line(line) if "预算年度" in line else None
        if year:
            return year
    head = "".join(normalize_label(ln) for ln in lines[:60] if ln.strip() and "\t" not in ln)
    m = _YEAR_NEAR_BUDGET.search(head)
    if m:
        return int(m.group(1))
    titles = (context.year_of_line(ln) for ln in lines if "\t" not in ln and context.is_table_title(ln))
    return next((y for y in titles if y), None)


def _signature(lines: list[str]) -> str | None:
    """The explanation's signature: an organisation's name on the line above the date
    ('镇安县医疗保障局' / '2020 年 7 月 11 日')."""
    for i, line in enumerate(lines):
        following = _next_nonblank(lines, i)
        if following and _DATE_LINE.match(normalize_label(following)) and context.looks_like_org_name(line):
            return normalize_label(line)
    return None


def _next_nonblank(lines: list[str], i: int) -> str | None:
    for line in lines[i + 1 : i + 4]:
        if line.strip():
            return line
    return None
