from decimal import Decimal

import polars as pl

from transform.disclosure.three_public import category_of


def test_guan_reception_by_rows(items):
    """固安县 prints the categories as rows and the fund sources as columns."""
    rows = items("固安", "fact_three_public")
    reception = rows.filter(pl.col("category") == "reception", pl.col("fund_source") == "appropriation").row(0, named=True)
    assert (reception["amount_yuan"], reception["category_printed"], reception["year"], reception["line"]) == (
        Decimal("3200.00"),
        "三、公务接待费",
        2024,
        380,
    )
    vehicles = rows.filter(pl.col("fund_source") == "general_budget")
    assert dict(zip(vehicles["category"], vehicles["amount_yuan"])) == {
        "total": Decimal("23200.00"),
        "three_public": Decimal("23200.00"),
        "vehicles": Decimal("20000.00"),
        "vehicle_operation": Decimal("20000.00"),
        "reception": Decimal("3200.00"),
    }
    assert "abroad" not in rows["category"].to_list()  # printed blank: no amount, not zero


def test_lanshan_two_years_side_by_side(items):
    rows = items("兰山", "fact_three_public")
    assert rows.group_by("year").len().sort("year").rows() == [(2023, 6), (2024, 6)]
    assert set(rows["amount_yuan"].to_list()) == {Decimal("0.00")}  # printed zeros are zeros
    assert set(rows["fund_source"]) == {"general_budget"}
    assert rows.filter(pl.col("year") == 2024)["category"].to_list() == [
        "total",
        "abroad",
        "vehicles",
        "vehicle_purchase",
        "vehicle_operation",
        "reception",
    ]


def test_jiangyou_unit_line(items):
    rows = items("江油", "fact_three_public")
    assert rows.select("unit_code", "unit_name", "category", "amount_yuan").rows() == [
        ("339", "江油市医疗保障局", "total", Decimal("20000.00")),
        ("339", "江油市医疗保障局", "reception", Decimal("20000.00")),
    ]


def test_space_aligned_table_numbers_are_unplaced(normalized):
    n = normalized("镇安")
    unplaced = n.unplaced.filter(pl.col("reason") == "columns_unknown")
    assert unplaced["cell_text"].to_list() == ["1.2", "0.2", "0.2", "1"]
    assert n.items["fact_three_public"].height == 0
    status = n.tables.filter(n.tables["statement"] == "three_public")["status"].to_list()
    assert status == ["unplaced"]  # numbers it could not place: not an empty table


def test_categories_from_labels():
    assert category_of("其中：教学科研人员因公出国（境）费") == "abroad_research"
    assert category_of("公务用车购置及运行维护费") == "vehicles"
    assert category_of("二、公务用车购置及运维费") == "vehicles"
    assert category_of("培训费") == "training"
    assert category_of("合 计") == "total"
    assert category_of("单位名称") is None
