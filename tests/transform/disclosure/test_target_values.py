from decimal import Decimal

import pytest

from transform.disclosure.target_values import parse_target


@pytest.mark.parametrize(
    "printed, operator, value, unit",
    [
        ("≥151813 人", "≥", "151813", "人"),
        ("=67元/人", "=", "67", "元/人"),
        ("≥95%", "≥", "95", "%"),
        ("100%", "=", "100", "%"),
        ("≤46869248元", "≤", "46869248", "元"),
        ("≧98%", "≥", "98", "%"),
        ("≥95百分比", "≥", "95", "%"),
        ("≥2.32万元/人/年", "≥", "2.32", "万元/人/年"),
        ("=69人(据实确定)", "=", "69", "人"),
        ("≤863565.12 元", "≤", "863565.12", "元"),
        ("1年", "=", "1", "年"),
        ("> 375", ">", "375", None),
    ],
)
def test_numeric_targets(printed, operator, value, unit):
    t = parse_target(printed)
    assert (t.operator, t.value, t.unit) == (operator, Decimal(value), unit)


@pytest.mark.parametrize("printed", ["每月一次", "7月底之前", "比上年有所提升", "定性明显提升", "全覆盖"])
def test_qualitative_targets(printed):
    t = parse_target(printed)
    assert (t.operator, t.value, t.unit) == ("定性", None, None)


def test_separate_operator_cell_and_yuan():
    assert parse_target("20000元", "=").value_yuan == Decimal("20000")
    assert parse_target("18.8 万元").value_yuan == Decimal("188000.0")
    assert parse_target("96%", "≥").operator == "≥"
    assert parse_target("", "定性").operator == "定性"
    assert parse_target("", "=").value is None


def test_operator_printed_without_its_figure():
    t = parse_target("%", "=")
    assert (t.operator, t.value, t.unit) == ("=", None, "%")
