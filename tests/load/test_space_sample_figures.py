"""Sample 003 (镇安县医疗保障局 2020, space-aligned) read back through v_budget_lines."""

from decimal import Decimal as D

from tests.load.test_sample_figures import one

S003 = "source_file LIKE '003_%' AND "


def test_2101501_in_table5_placed_by_arithmetic_with_no_project_fact(lines):
    rows = lines(S003 + "table_number = '表5' AND function_code = '2101501'", [])
    assert {r["measure"]: r["amount_yuan"] for r in rows} == {
        "total": D("789800.00"),
        "personnel": D("749800.00"),
        "operating": D("40000.00"),
    }
    assert {r["placement"] for r in rows} == {"arithmetic:column_sums+row_identity"}
    assert {(r["department"], r["fiscal_year"], r["fund_source"], r["line"]) for r in rows} == {
        ("镇安县医疗保障局", 2020, "general_budget", 603)
    }


def test_208_spending_is_personnel_and_project_not_operating(lines):
    rows = lines(S003 + "table_number = '表5' AND function_code = '208'", [])
    assert {r["measure"]: r["amount_yuan"] for r in rows} == {
        "total": D("265200.00"),
        "personnel": D("55200.00"),
        "project": D("210000.00"),
    }


def test_name_broken_over_lines_in_table8(lines):
    rows = lines(S003 + "table_number = '表8' AND economic_code = '30108'", [])
    assert sorted((r["gov_economic_code"], r["measure"], r["amount_yuan"], r["line"]) for r in rows) == [
        ("50102", "basic", D("94500.00"), 717),
        ("50102", "personnel", D("94500.00"), 717),
        ("50501", "basic", D("289800.00"), 722),
        ("50501", "personnel", D("289800.00"), 722),
    ]
    assert {r["economic_name"] for r in rows} == {"机关事业单位基本养老保险费"}


def test_30101_paired_with_two_government_codes_is_two_facts(lines):
    rows = lines(S003 + "table_number = '表6' AND economic_code = '30101' AND measure = 'total'", [])
    assert {r["gov_economic_code"]: r["amount_yuan"] for r in rows} == {"50101": D("549300.00"), "50501": D("840000.00")}


def test_table6_water_fee_is_project_because_table8_prints_no_basic_amount(lines):
    rows = lines(S003 + "table_number = '表6' AND economic_code = '30205'", [])
    assert {r["measure"]: r["amount_yuan"] for r in rows} == {"total": D("10000.00"), "project": D("10000.00")}
    assert {r["placement"] for r in rows} == {"arithmetic:row_identity+sibling_tables"}


def test_income_table_total_goes_to_general_budget_by_the_summary_table(lines):
    rows = lines(S003 + "table_number = '表2' AND row_label = '合计'", [])
    assert {(r["measure"], r["fund_source"]): r["amount_yuan"] for r in rows} == {
        ("income", "all"): D("3648900.00"),
        ("income", "general_budget"): D("3648900.00"),
    }


def test_summary_line_with_missing_groups(lines):
    row = one(lines(S003 + "table_number = '表4' AND row_label = '(10)其他支出'", []))
    assert (row["economic_code"], row["measure"], row["fund_source"], row["amount_yuan"]) == (
        "399",
        "project",
        "appropriation",
        D("560000.00"),
    )


def test_table6_302_does_not_add_up_and_is_reported(sample_warehouse):
    from load.warehouse import Warehouse

    with Warehouse(sample_warehouse, read_only=True) as wh:
        notes = wh.query(
            "SELECT table_number, cell_layout, n_ambiguous, placement_notes FROM source_table "
            "WHERE source_file LIKE '003_%' AND placement_notes IS NOT NULL"
        )[1]
    assert notes == [("表6", "space_tokens", 0, "column sums of 302 商品和服务支出 (line 637) and its 13 rows below")]
