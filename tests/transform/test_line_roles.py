"""A row's role apart from its column's measure."""

from transform.line_roles import line_role


def test_roles_from_printed_labels():
    assert line_role("支出总计", False) == "grand_total"
    assert line_role("收 入 总 计", False) == "grand_total"
    assert line_role("合计", False) == "total"
    assert line_role("本年支出合计", False) == "total"
    assert line_role("一、本年收入", False) == "total"
    assert line_role("小计", False) == "subtotal"
    assert line_role("其中：基本支出", False) == "memo"
    assert line_role("一、财政拨款收入", False) == "item"


def test_a_row_with_a_code_is_an_item_whatever_its_label():
    assert line_role("合计", True) == "item"
    assert line_role(None, False) == "item"
