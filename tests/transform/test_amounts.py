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


def test_a_comma_before_the_last_two_digits_can_only_be_the_point():
    from transform.amounts import decimal_comma_figure

    assert decimal_comma_figure("665,59") == "665.59"
    assert decimal_comma_figure("1,234,56") == "1,234.56"
    # a grouping comma (three digits after it), a figure with its point, one digit after the comma: no
    assert [decimal_comma_figure(t) for t in ("12,345", "1,234.56", "665,5", "1,23,45")] == [None] * 4
