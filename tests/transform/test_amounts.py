from decimal import Decimal

from transform.amounts import is_blank, parse_amount, to_yuan


def test_thousand_separators_and_wan_yuan():
    assert to_yuan(parse_amount("11,290.59"), "万元") == Decimal("112905900.00")
    assert to_yuan(parse_amount("0.36"), "万元") == Decimal("3600.00")
    assert to_yuan(parse_amount("3014300"), "元") == Decimal("3014300.00")


def test_blank_is_no_amount_and_zero_is_zero():
    assert parse_amount("") is None and is_blank("  ")
    assert parse_amount("0.00") == Decimal("0")
    assert parse_amount("-") is None and is_blank("-")


def test_full_width_digits_and_text():
    assert parse_amount("１２.５０") == Decimal("12.50")
    assert parse_amount("≥95%") is None
    assert parse_amount("合计") is None


def test_sub_cent_yuan_is_refused_not_rounded():
    assert to_yuan(Decimal("1.005"), "元") is None
    assert to_yuan(Decimal("0.000001"), "万元") == Decimal("0.01")
    assert to_yuan(Decimal("0.0000001"), "万元") is None
