"""What the lines around a table say: its title, 表N, unit, department and fiscal year.

Each function reads plain strings, so every rule is testable on a line.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.cells import LEADING_NUMBER, clean_cell, normalize_label

_UNIT = re.compile(r"(?:金额)?单位[:：]\s*(万元|千元|亿元|元)")
_TABLE_NO = re.compile(r"^表\s*(\d+)")
_DEPT_LINE = re.compile(
    r"^(?P<label>部门|单位|部门（单位）|部门\(单位\)|部门（单位）名称|部门\(单位\)名称|单位名称|部门名称|预算单位"
    r"|预算主管部门|主管部门|编制部门|编制单位)[:：]\s*(?P<name>\S.*)$"
)
# A caption that names the department and then the unit on one line: '编制部门：X 单位：元'.
_TRAILING_UNIT = re.compile(r"\s+(?:金额)?单位[:：]\s*(?:万元|千元|亿元|元)\s*$")
_FISCAL_YEAR_LINE = re.compile(r"预算年度[:：]\s*(20\d\d)")
_PAGE_HEADER_DEPT = re.compile(r"^\d{3,9}\s+(\S+)$")
_YEAR_IN_TITLE = re.compile(r"(20\d\d)\s*年(?:度)?.{0,12}?(?:预算|决算)")
_ORG_SUFFIX = re.compile(r"(局|机构|中心|机关|委员会|办公室|院|所|站|队|厅|部|处|会|馆|校|社)$")
_MARKDOWN = re.compile(r"^#+\s*")
_TITLE_PUNCT = re.compile(r"[,，。;；:：]")
_ENDS_IN_TABLE = re.compile(r"表(?:[（(][^）)]*[）)])?$")
_TABLE_NO_THEN_NAME = re.compile(r"^表\s*\d+\S")
_NAME_BEFORE_YEAR = re.compile(r"^(\S+?)\s*20\d\d\s*年")
_SENTENCE_PUNCT = re.compile(r"[，。：:;；]")


def unit_of(line: str) -> str | None:
    """The unit token ("元", "万元") a unit line declares, or None."""
    m = _UNIT.search(normalize_label(line).replace("：", ":"))
    return m.group(1) if m else None


def table_number(line: str) -> str | None:
    m = _TABLE_NO.match(normalize_label(line))
    return f"表{m.group(1)}" if m else None


def department_of(line: str) -> str | None:
    """Department named by a '部门：X' / '部门（单位）名称：X' / '编制部门：X 单位：元' line."""
    label = department_label(line)
    return label[1] if label else None


def department_label(line: str) -> tuple[str, str] | None:
    """(label, department) of a line naming the department: ('预算主管部门', 'X') for
    '预算主管部门：X'; a unit printed after the name is not part of it."""
    text = _TRAILING_UNIT.sub("", clean_cell(line))
    m = _DEPT_LINE.match(text)
    if not m or unit_of(text):
        return None
    value = normalize_label(m.group("name"))
    return (normalize_label(m.group("label")), value) if value else None


def year_of_line(line: str) -> int | None:
    """Fiscal year from '预算年度：2024' or a title such as 'X 2024年单位预算公开说明'."""
    text = normalize_label(line)
    m = _FISCAL_YEAR_LINE.search(text) or _YEAR_IN_TITLE.search(text)
    return int(m.group(1)) if m else None


def page_header_department(line: str, next_line: str | None) -> str | None:
    """'362 固安县医疗保障局' followed by '预算年度：2024' is a page header naming the department."""
    m = _PAGE_HEADER_DEPT.match(clean_cell(line))
    if m and next_line is not None and _FISCAL_YEAR_LINE.search(normalize_label(next_line)):
        return m.group(1)
    return None


def is_page_header_line(line: str, next_line: str | None) -> bool:
    """Lines of a repeated page header: '预算年度：2024', or a unit code followed by the department."""
    text = normalize_label(line)
    return bool(_FISCAL_YEAR_LINE.search(text) or _PAGE_HEADER_DEPT.match(clean_cell(line)))


# A document's lines are asked again and again whether they are titles (by the table finders, the
# identity, the narrative): pure functions of the line, answered once per distinct line. Bounded,
# so a long run's memory stays flat (a few MB at most).
LINE_CACHE = 1 << 14  # distinct lines: a dozen documents


@lru_cache(maxsize=LINE_CACHE)
def title_text(line: str) -> str:
    """A title without markdown hashes or leading enumeration ('### 1、X表' -> 'X表')."""
    text = _MARKDOWN.sub("", clean_cell(line))
    text = LEADING_NUMBER.sub("", text)
    return normalize_label(text)


@lru_cache(maxsize=LINE_CACHE)
def is_table_title(line: str) -> bool:
    """A line that names a table: short and ending in 表 (optionally with a parenthesised qualifier)."""
    text = title_text(line)
    if not text or len(text) > 60 or text.startswith("注") or _TITLE_PUNCT.search(text):
        return False
    if table_number(text) and len(text) <= 4:
        return False
    return bool(_ENDS_IN_TABLE.search(text)) or bool(_TABLE_NO_THEN_NAME.match(text))


def department_from_title(line: str) -> str | None:
    """'柞水县医疗保险经办机构 2024年单位预算公开说明' -> the name before the year."""
    text = clean_cell(_MARKDOWN.sub("", line))
    m = _NAME_BEFORE_YEAR.match(text)
    if m and _ORG_SUFFIX.search(m.group(1)):
        return normalize_label(m.group(1))
    return None


def looks_like_org_name(line: str) -> bool:
    text = normalize_label(line)
    return 3 <= len(text) <= 30 and bool(_ORG_SUFFIX.search(text)) and not _SENTENCE_PUNCT.search(text)
