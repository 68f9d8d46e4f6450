from decimal import Decimal

import polars as pl


def test_guan_fixed_assets_counts_and_values(items):
    lines = items("固安", "fact_line_item").filter(pl.col("row_label") == "2、车辆(台、辆)")
    assert lines.select("column_header", "quantity", "amount_yuan").rows() == [
        ("数量", Decimal("1"), None),
        ("价值(金额单位:万元)", None, Decimal("118900.00")),
    ]
    assert lines["unit_printed"].to_list() == [None, "万元"]  # the unit printed in the column header
    assert lines["row_text"][0] == "2、车辆（台、辆） | 1 | 11.89"


def test_lanshan_procurement_by_subject(items):
    lines = items("兰山", "fact_line_item").filter(pl.col("row_code") == "2101501")
    assert dict(zip(lines["fund_source"], lines["amount_yuan"])) == {
        "all": Decimal("40000.00"),
        "appropriation": Decimal("40000.00"),
        "general_budget": Decimal("40000.00"),
    }


def test_zhashui_meeting_line(items):
    lines = items("柞水", "fact_line_item")
    assert lines.select("row_label", "column_header", "value_printed", "amount_yuan", "quantity").rows() == [
        ("医保政策培训", "时间", "2024年8月7日-8月7日", None, None),
        ("医保政策培训", "人数", "40人", None, Decimal("40")),
        ("医保政策培训", "金额", "0.2", Decimal("2000.00"), None),
    ]
