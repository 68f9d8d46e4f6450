"""What a row is, apart from what its columns measure: an item (a subject, an income source, a
结转下年 line), a total (合计, 本年支出合计), a grand total (收入总计 / 支出总计), a subtotal (小计) or
a memo line (其中 …). A 支出总计 row has a 人员经费 cell: its role is grand_total, its measure
personnel (README, "Line roles")."""

from __future__ import annotations

from functools import lru_cache

from extract.cells import normalize_label
from transform import codes
from transform.headers import first_match, rules

LINE_ROLES = {
    "item": "a subject's or a source's own line",
    "total": "合计 / 本年收入合计 / 本年支出合计: the sum of the items above",
    "grand_total": "收入总计 / 支出总计 / 总计: the year's total with carry-overs",
    "subtotal": "小计 of a group of items",
    "memo": "其中 …: a part of the line above, not added to the total",
}

_RULES = rules(
    [
        (r"^其中", "memo"),
        (r"总计$", "grand_total"),
        (r"小计$", "subtotal"),
        (r"^(?:合计|总合计|本年合计|本年(?:收入|支出)(?:合计)?|(?:收入|支出)合计|部门预算合计)$", "total"),
    ]
)


def line_role(label: str | None, has_subject: bool) -> str:
    """The role of a row from its label; a row with a code is an item whatever its label says."""
    if has_subject or not label:
        return "item"
    return _role_of_label(label)


@lru_cache(maxsize=4096)
def _role_of_label(label: str) -> str:
    text = normalize_label(label)
    return first_match(_RULES, (text,)) or first_match(_RULES, (codes.strip_numbering(text),)) or "item"
