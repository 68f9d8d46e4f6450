"""Classification codes (政府收支分类科目): levels, parents, schemes, and names -> codes."""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

from extract.cells import LEADING_NUMBER, normalize_label

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "data" / "reference"
FUNCTION = "function"
ECON_DEPARTMENT = "department"
ECON_GOVERNMENT = "government"
REFERENCE_FILES = {
    FUNCTION: "function.csv",
    ECON_DEPARTMENT: "economic_department.csv",
    ECON_GOVERNMENT: "economic_government.csv",
}
CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
_MEMO_PREFIX = re.compile(r"^其中[:：]?")


def scheme_of(code: str) -> str | None:
    """Function codes start with 2, 部门 economic with 3, 政府 economic with 5."""
    return {"2": FUNCTION, "3": ECON_DEPARTMENT, "5": ECON_GOVERNMENT}.get(code[:1])


def level_of(code: str) -> str | None:
    return {3: "类", 5: "款", 7: "项"}.get(len(code))


def parent_of(code: str) -> str | None:
    """2101501 -> 21015 -> 210 -> None."""
    return {7: code[:5], 5: code[:3]}.get(len(code))


def strip_numbering(label: str) -> str:
    """'八、社会保障和就业支出' / '(1)工资福利支出' -> the bare name."""
    return LEADING_NUMBER.sub("", _MEMO_PREFIX.sub("", normalize_label(label)))


def name_key(name: str) -> str:
    """Names compared loosely: no numbering, brackets unified, no 的, 其它 = 其他."""
    key = strip_numbering(name).replace("（", "(").replace("）", ")")
    return key.replace("的", "").replace("其它", "其他")


@cache
def reference_rows(scheme: str) -> tuple[dict[str, str], ...]:
    """Rows (code, name, aliases, former_names) of the shipped reference of a scheme, all levels."""
    with open(REFERENCE_DIR / REFERENCE_FILES[scheme], encoding="utf-8") as fh:
        return tuple(csv.DictReader(fh))


@cache
def _names(scheme: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for row in reference_rows(scheme):
        if len(row["code"]) != 3:
            continue
        for name in [row["name"], *aliases(row), *former_names(row)]:
            out[name_key(name)] = row["code"]
    return out


def aliases(row: dict[str, str]) -> list[str]:
    """Other wordings of the same subject seen in documents (not official names)."""
    return [a for a in (row.get("aliases") or "").split("|") if a]


def former_names(row: dict[str, str]) -> dict[str, int]:
    """Official names a code carried before, with the last year each was in use."""
    out = {}
    for item in filter(None, (row.get("former_names") or "").split("|")):
        name, _, until = item.partition("@")
        out[name] = int(until)
    return out


def class_code_for_name(scheme: str, label: str) -> str | None:
    """'十、卫生健康支出' -> '210' (class level only; names of 款/项 are not unique)."""
    return _names(scheme).get(name_key(label))


def _two_digits(part: str) -> str:
    """A 款 or 项 printed as one digit ('301 | 2 | 津贴补贴', 万里街道 2024 page 29) is that digit with
    the leading zero a spreadsheet's number format drops: 款 and 项 are two digits by definition."""
    return "0" + part if len(part) == 1 else part


class SplitCodeAssembler:
    """Joins 类 | 款 | 项 columns into one code, carrying the 类 and 款 down from the rows above
    when a row prints only its own part (' | 05 |  | 行政事业单位养老支出')."""

    def __init__(self) -> None:
        self._class: str | None = None
        self._item: str | None = None

    def code(self, parts: list[str]) -> str | None:
        parts = [normalize_label(p) for p in parts]
        if not any(parts) or not all(p.isdigit() for p in parts if p):
            return None
        cls, item, sub = (parts + ["", "", ""])[:3]
        item, sub = _two_digits(item), _two_digits(sub)
        if cls:
            if len(cls) != 3:  # a 类 is three digits: '7 | 11 | 02' is a misprint, not 71102
                self._class = self._item = None
                return None
            self._class, self._item = cls, None
            code = cls
            if item:
                code += item
                self._item = code
                if sub:
                    code += sub
            return code if CODE.match(code) else None
        if item and self._class:
            self._item = self._class + item
            code = self._item + sub if sub else self._item
            return code if CODE.match(code) else None
        if sub and self._item:
            return self._item + sub
        return None
