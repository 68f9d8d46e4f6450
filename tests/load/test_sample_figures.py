"""Figures read back through v_budget_lines, checked against the printed documents."""

from decimal import Decimal

D = Decimal


def one(rows):
    assert len(rows) == 1, rows
    return rows[0]


# 000 柞水县医疗保险经办机构 2024: amounts in 元, one code column, Shaanxi 收支总表 with four groups
def test_zhashui_project_of_2101550_in_general_budget_table(lines):
    row = one(lines("source_file LIKE '000_%' AND function_code = ? AND measure = 'project'", ["2101550"]))
    assert row["amount_yuan"] == D("234800.00")
    assert row["department"] == "柞水县医疗保险经办机构" and row["fiscal_year"] == 2024
    assert row["table_title"] == "部门综合预算一般公共预算支出明细表(按支出功能分类科目)"
    assert (row["line"], row["unit_printed"], row["fund_source"]) == (297, "元", "general_budget")


def test_zhashui_economic_pair_301_03_with_government_505_01(lines):
    rows = lines("source_file LIKE '000_%' AND statement = 'general_budget_expenditure' AND economic_code = '30103'", [])
    assert {r["measure"]: r["amount_yuan"] for r in rows} == {
        "total": D("174700.00"),
        "personnel": D("127900.00"),
        "project": D("46800.00"),
    }
    assert {(r["economic_scheme"], r["gov_economic_code"], r["gov_economic_name"]) for r in rows} == {
        ("department", "50501", "工资福利支出")
    }


def test_zhashui_summary_names_become_codes_and_sections_become_measures(lines):
    where = "source_file LIKE '000_%' AND statement = 'summary' AND "
    assert one(lines(where + "function_code = '210'", []))["amount_yuan"] == D("2498500.00")
    project_wages = one(lines(where + "economic_code = '301' AND measure = 'project'", []))
    assert project_wages["amount_yuan"] == D("46800.00") and project_wages["row_label"] == "(1)工资福利支出"
    assert one(lines(where + "gov_economic_code = '505'", []))["amount_yuan"] == D("2405300.00")


def test_zhashui_basic_table_total_column_is_basic(lines):
    row = one(
        lines(
            "source_file LIKE '000_%' AND statement = 'general_budget_basic_expenditure' AND function_code = '2101550' AND measure = 'basic'",
            [],
        )
    )
    assert row["amount_yuan"] == D("1499700.00")


# 001 兰山区医疗保障局机关 2024: 万元 with thousand separators, 类|款|项 split code columns
def test_lanshan_2101202_total(lines):
    rows = lines("source_file LIKE '001_%' AND function_code = '2101202' AND measure = 'total'", [])
    assert {r["statement"]: r["amount_yuan"] for r in rows} == {
        "expenditure": D("94770000.00"),
        "general_budget_expenditure": D("94770000.00"),
    }
    assert {r["unit_printed"] for r in rows} == {"万元"}


def test_lanshan_income_carryover_by_function(lines):
    row = one(
        lines("source_file LIKE '001_%' AND statement = 'income' AND function_code = '2101599' AND fund_source = 'carryover'", [])
    )
    assert row["amount_yuan"] == D("10000.00") and row["function_name"] == "其他医疗保障管理事务支出"


def test_lanshan_split_economic_codes_pair_department_and_government(lines):
    rows = lines("source_file LIKE '001_%' AND statement = 'general_budget_basic_expenditure' AND economic_code = '30108'", [])
    assert {r["measure"]: r["amount_yuan"] for r in rows} == {"basic": D("503700.00"), "personnel": D("503700.00")}
    assert {r["gov_economic_code"] for r in rows} == {"50102"}


def test_lanshan_appropriation_summary_rows_after_repeated_header(lines):
    rows = lines("source_file LIKE '001_%' AND statement = 'appropriation_summary' AND row_label = '本年支出合计'", [])
    assert {r["fund_source"]: r["amount_yuan"] for r in rows} == {
        "appropriation": D("113165900.00"),
        "general_budget": D("113165900.00"),
    }
    housing = lines("source_file LIKE '001_%' AND statement = 'appropriation_summary' AND function_code = '221'", [])
    assert {r["fund_source"]: r["amount_yuan"] for r in housing} == {
        "appropriation": D("449100.00"),
        "general_budget": D("449100.00"),
    }


def test_lanshan_summary_income_and_grand_total(lines):
    rows = lines(
        "source_file LIKE '001_%' AND statement = 'summary' AND measure IN ('income', 'grand_total') AND fund_source IN ('carryover', 'all')",
        [],
    )
    assert {(r["measure"], r["fund_source"]): r["amount_yuan"] for r in rows} == {
        ("income", "carryover"): D("260000.00"),
        ("income", "all"): D("113165900.00"),
        ("grand_total", "all"): D("113165900.00"),
    }


# 002 固安县医疗保障局 2024: 序号 and 栏次 columns, tables continued after a repeated page header, <b> markup
def test_guan_row_on_continued_page(lines):
    row = one(
        lines("source_file LIKE '002_%' AND statement = 'expenditure' AND function_code = '2210201' AND measure = 'total'", [])
    )
    assert (row["amount_yuan"], row["line"], row["function_name"]) == (D("523500.00"), 173, "住房公积金")


def test_guan_bold_total_row_of_income_table(lines):
    row = one(lines("source_file LIKE '002_%' AND statement = 'income' AND row_label = '合计' AND fund_source = 'all'", []))
    assert row["amount_yuan"] == D("60105200.00") and row["line"] == 98


def test_guan_economic_row_on_continued_page(lines):
    row = one(lines("source_file LIKE '002_%' AND economic_code = '30231' AND measure = 'operating'", []))
    assert (row["amount_yuan"], row["line"], row["economic_name"]) == (D("20000.00"), 325, "公务用车运行维护费")


def test_guan_sequence_numbers_are_not_facts(lines):
    assert lines("source_file LIKE '002_%' AND column_header LIKE '%序号%'", []) == []
    rows = lines("source_file LIKE '002_%' AND statement = 'expenditure' AND function_code = '2101399'", [])
    assert {r["measure"]: r["amount_yuan"] for r in rows} == {"total": D("2500000.00"), "project": D("2500000.00")}


# 004 江油市医疗保障局 2023: 金额单位：万元, a unit-code column, printed mistakes kept as printed
def test_jiangyou_function_code_beside_unit_code(lines):
    row = one(
        lines(
            "source_file LIKE '004_%' AND statement = 'general_budget_expenditure' AND function_code = '2101550' AND measure = 'total' AND fund_source = 'appropriation'",
            [],
        )
    )
    assert row["amount_yuan"] == D("604300.00") and row["fiscal_year"] == 2023


def test_jiangyou_wrong_code_is_kept_as_printed(lines):
    row = one(
        lines(
            "source_file LIKE '004_%' AND statement = 'general_budget_basic_expenditure' AND function_code = '21002' AND measure = 'basic'",
            [],
        )
    )
    assert row["amount_yuan"] == D("392400.00") and row["function_name"] == "住房改革支出"


def test_jiangyou_unbalanced_totals_are_both_loaded(lines):
    rows = lines("source_file LIKE '004_%' AND statement = 'summary' AND row_label IN ('收入总计', '支出总计')", [])
    assert {r["row_label"]: r["amount_yuan"] for r in rows} == {"收入总计": D("6097000.00"), "支出总计": D("6096900.00")}


def test_basic_vs_project_view_takes_one_table_per_document(sample_warehouse):
    from load.warehouse import Warehouse

    with Warehouse(sample_warehouse, read_only=True) as wh:
        rows = wh.query(
            "SELECT source_file, total_yuan, basic_yuan, project_yuan FROM v_basic_vs_project "
            "WHERE function_code IS NULL ORDER BY source_file"
        )[1]
    assert rows == [
        ("000_5cfcfeb062623b8f.txt", D("3014300.00"), D("2100500.00"), D("913800.00")),
        ("001_62df1c6f39ffdb6f.txt", D("113165900.00"), D("6655900.00"), D("106510000.00")),
        ("002_43a13e6a8c0a6925.txt", D("60105200.00"), D("7192500.00"), D("52912700.00")),
        ("003_d15ab5ced7e0f0d4.txt", D("3648900.00"), D("3088900.00"), D("560000.00")),
    ]
