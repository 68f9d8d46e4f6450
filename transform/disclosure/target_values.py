"""A performance target's printed value -> operator, number and unit.

`≥151813 人` -> (≥, 151813, 人); `=67元/人` -> (=, 67, 元/人); `100%` -> (=, 100, %): a bare
number is a target to meet exactly. A value that starts with no number (`每月一次`,
`7月底之前`, `定性明显提升`) is qualitative: operator `定性`, no number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from transform.amounts import UNIT_FACTORS

QUALITATIVE = "定性"
OPERATORS = ("≥", ">", "=", "≤", "<")
_OPERATOR_FORMS = {
    "≥": "≥",
    "≧": "≥",
    ">=": "≥",
    "大于等于": "≥",
    "不低于": "≥",
    "不少于": "≥",
    "≤": "≤",
    "≦": "≤",
    "<=": "≤",
    "小于等于": "≤",
    "不高于": "≤",
    "不超过": "≤",
    ">": ">",
    "大于": ">",
    "<": "<",
    "小于": "<",
    "=": "=",
    "＝": "=",
}
_OPERATOR = re.compile("^(" + "|".join(sorted(map(re.escape, _OPERATOR_FORMS), key=len, reverse=True)) + ")")
_NUMBER = re.compile(r"^([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)")
_ASIDE = re.compile(r"[(（][^)）]*[)）]$")
_UNIT_FORMS = {"百分比": "%", "％": "%"}
# A unit is short: `%`, `人`, `万人次`, `元/人/年`; `7月底之前` is a date, not 7 of something.
_UNIT = re.compile(r"^(?:%|‰|[A-Za-z]+|[\u4e00-\u9fff]{1,3})(?:/[\u4e00-\u9fff]{1,2})*$")


@dataclass(frozen=True)
class TargetValue:
    operator: str | None  # ≥ > = ≤ <, 定性, or None when nothing is printed
    value: Decimal | None
    unit: str | None
    value_yuan: Decimal | None = None  # when the unit is 元 or 万元


def parse_target(printed: str | None, operator_printed: str | None = None) -> TargetValue:
    """`operator_printed` is a separate 符号/指标性质 cell where the table has one."""
    text = _squash(printed or "")
    op = _squash(operator_printed or "")
    if op == QUALITATIVE or text.startswith(QUALITATIVE) or op == "文字描述":
        return TargetValue(QUALITATIVE, None, None)
    operator = _OPERATOR_FORMS.get(op)
    if operator is None and (m := _OPERATOR.match(text)):
        operator, text = _OPERATOR_FORMS[m.group(1)], text[m.end() :]
    number = _NUMBER.match(text)
    if not number:  # `=` and `%` printed, the figure left blank: a target without its value
        unit = _UNIT_FORMS.get(text, text)
        if operator:
            return TargetValue(operator, None, unit if unit and _UNIT.match(unit) else None)
        return TargetValue(QUALITATIVE if text else None, None, None)
    value = Decimal(number.group(1).replace(",", ""))
    unit = _ASIDE.sub("", text[number.end() :]) or None
    unit = _UNIT_FORMS.get(unit, unit)
    if unit and not _UNIT.match(unit):
        return TargetValue(QUALITATIVE, None, None)
    factor = UNIT_FACTORS.get(unit or "")
    return TargetValue(operator or "=", value, unit, value * factor if factor else None)


def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).replace("≧", "≥").replace("≦", "≤")
