"""Real budgets of another region (../shared/corpus/): who each document is, and figures read by
hand from its pages (the page printed beside each), through v_budget_lines."""

from decimal import Decimal

import pytest

WANLI_23 = "上海市普陀区人民政府万里街道办事处23年预算.pdf"
WANLI_24 = "上海市普陀区人民政府万里街道办事处24年预算.pdf"
FINANCE_25 = "上海市普陀区财政局部门25年预算.pdf"
WELFARE_24 = "上海市普陀区社会福利院24年单位预算.pdf"
CITY_25 = "上海市财政局25年预算.pdf"
FINAL_24 = "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"
TEMPLATE = "附件2：部门决算模板.pdf"

WANLI = "上海市普陀区人民政府万里街道办事处"


@pytest.mark.parametrize(
    "source_file, department, year, kind, scope, level, region",
    [
        (WANLI_23, WANLI, 2023, "budget", "department", "区级", "上海市普陀区"),
        (WANLI_24, WANLI, 2024, "budget", "department", "区级", "上海市普陀区"),
        (FINANCE_25, "上海市普陀区财政局", 2025, "budget", "department", "区级", "上海市普陀区"),
        (WELFARE_24, "上海市普陀区社会福利院", 2024, "budget", "unit", None, "上海市普陀区"),
        (CITY_25, "上海市财政局", 2025, "budget", "unit", "市级", "上海市"),
        (FINAL_24, "中共上海市普陀区委社会工作部", 2024, "final_accounts", "department", None, "上海市普陀区"),
        (TEMPLATE, None, 2024, "final_accounts", "department", None, None),
    ],
)
def test_document_identity(corpus_query, source_file, department, year, kind, scope, level, region):
    (row,) = corpus_query("SELECT * FROM source_document WHERE source_file = ?", [source_file])
    assert (row["department"], row["fiscal_year"], row["document_kind"], row["scope"]) == (department, year, kind, scope)
    assert (row["government_level"], row["region"]) == (level, region)


def test_template_placeholder_is_an_identity_error_not_a_department(corpus_query):
    (row,) = corpus_query("SELECT department_placeholder FROM source_document WHERE source_file = ?", [TEMPLATE])
    assert row["department_placeholder"] == "上海市XX局"
    (finding,) = corpus_query("SELECT * FROM v_dq_findings WHERE source_file = ? AND rule = 'document_identity'", [TEMPLATE])
    assert finding["severity"] == "error" and finding["observed"] == "placeholder 上海市XX局"


def test_every_fact_of_a_corpus_budget_carries_its_department(corpus_query):
    rows = corpus_query("SELECT source_file, count(*) FILTER (WHERE department IS NULL) AS n FROM v_budget_lines GROUP BY 1")
    assert {r["source_file"]: r["n"] for r in rows if r["n"]} == {}


# (document, page, statement, where, measure, fund_source, line_role, printed 元)
FIGURES = [
    # 万里街道 2023: whole 元, 0 printed in empty cells
    (WANLI_23, 10, "summary", "row_label = '收入总计'", "income", "all", "grand_total", "164978640"),
    (WANLI_23, 10, "summary", "function_code = '212'", "total", "all", "item", "121319878"),
    (WANLI_23, 10, "summary", "function_code = '208'", "total", "all", "item", "27073236"),
    (WANLI_23, 10, "summary", "row_label = '支出总计'", "grand_total", "all", "grand_total", "164978640"),
    (WANLI_23, 11, "income", "function_code = '20105'", "income", "all", "item", "627600"),
    (WANLI_23, 11, "income", "function_code = '2010507'", "income", "all", "item", "601300"),
    (WANLI_23, 14, "income", "row_label = '合计'", "income", "all", "total", "164978640"),
    (WANLI_23, 15, "expenditure", "function_code = '201'", "basic", "all", "item", "0"),
    (WANLI_23, 15, "expenditure", "function_code = '201'", "project", "all", "item", "2976800"),
    (WANLI_23, 15, "expenditure", "function_code = '2010506'", "project", "all", "item", "26300"),
    # 万里街道 2024: the income table's 合计 row printed alone on page 15, its grid its own
    (WANLI_24, 10, "summary", "function_code = '212'", "total", "all", "item", "119385303"),
    (WANLI_24, 10, "summary", "row_label = '收入总计'", "income", "all", "grand_total", "156211123"),
    (WANLI_24, 11, "income", "function_code = '2010507'", "income", "all", "item", "257700"),
    (WANLI_24, 11, "income", "function_code = '20132'", "income", "appropriation", "item", "888700"),
    (WANLI_24, 11, "income", "function_code = '201'", "income", "business_income", "item", "0"),
    (WANLI_24, 14, "income", "function_code = '2120104'", "income", "all", "item", "6043390"),
    (WANLI_24, 15, "income", "row_label = '合计'", "income", "all", "total", "156211123"),
    (WANLI_24, 15, "income", "row_label = '合计'", "income", "appropriation", "total", "156211123"),
    (WANLI_24, 15, "income", "row_label = '合计'", "income", "other_income", "total", "0"),
    (
        WANLI_24,
        29,
        "general_budget_basic_expenditure",
        "economic_code = '301'",
        "personnel",
        "general_budget",
        "item",
        "88282511",
    ),
    (
        WANLI_24,
        29,
        "general_budget_basic_expenditure",
        "economic_code = '30199'",
        "personnel",
        "general_budget",
        "item",
        "40683477",
    ),
    # 普陀区财政局 2025: 元 with cents
    (FINANCE_25, 9, "summary", "row_label = '收入总计'", "income", "all", "grand_total", "31214205.80"),
    (FINANCE_25, 9, "summary", "function_code = '201'", "total", "all", "item", "22186440.80"),
    (FINANCE_25, 9, "summary", "function_code = '210'", "total", "all", "item", "782164.00"),
    (FINANCE_25, 9, "summary", "row_label = '支出总计'", "grand_total", "all", "grand_total", "31214205.80"),
    (FINANCE_25, 10, "income", "function_code = '2010601'", "income", "all", "item", "16231840.80"),
    (FINANCE_25, 10, "income", "function_code = '2010607'", "income", "appropriation", "item", "1666600.00"),
    (FINANCE_25, 10, "income", "function_code = '2080505'", "income", "all", "item", "1748327.00"),
    (FINANCE_25, 10, "income", "function_code = '2080599'", "income", "all", "item", "9620.00"),
    (FINANCE_25, 10, "income", "function_code = '20805'", "income", "appropriation", "item", "3508644.00"),
    (FINANCE_25, 10, "income", "function_code = '208'", "income", "all", "item", "3508644.00"),
    # 普陀区社会福利院 2024 (单位): the 支出总计 row keeps its columns' measures
    (WELFARE_24, 7, "summary", "row_label = '收入总计'", "income", "all", "grand_total", "12121164"),
    (WELFARE_24, 7, "summary", "row_label = '支出总计'", "grand_total", "all", "grand_total", "12121164"),
    (WELFARE_24, 7, "summary", "row_label = '支出总计'", "personnel", "all", "grand_total", "7380214"),
    (WELFARE_24, 7, "summary", "row_label = '支出总计'", "operating", "all", "grand_total", "2120950"),
    (WELFARE_24, 7, "summary", "row_label = '支出总计'", "project", "all", "grand_total", "2620000"),
    (WELFARE_24, 7, "summary", "function_code = '208'", "personnel", "all", "item", "6540674"),
    (WELFARE_24, 8, "income", "function_code = '20810'", "income", "business_income", "item", "2620000"),
    (WELFARE_24, 8, "income", "function_code = '2080505'", "income", "appropriation", "item", "767579"),
    (WELFARE_24, 9, "expenditure", "row_label = '合计'", "basic", "all", "total", "9501164"),
    (WELFARE_24, 10, "appropriation_summary", "row_label = '支出总计'", "grand_total", "appropriation", "grand_total", "9501164"),
    (
        WELFARE_24,
        14,
        "general_budget_basic_expenditure",
        "economic_code = '30209'",
        "operating",
        "general_budget",
        "item",
        "1206000",
    ),
    # 上海市财政局 2025 (市级单位, exported from Excel)
    (CITY_25, 7, "summary", "row_label = '支出总计'", "grand_total", "all", "grand_total", "171915169"),
    (CITY_25, 7, "summary", "row_label = '支出总计'", "personnel", "all", "grand_total", "102464260"),
    (CITY_25, 7, "summary", "row_label = '支出总计'", "operating", "all", "grand_total", "25177779"),
    (CITY_25, 7, "summary", "row_label = '支出总计'", "project", "all", "grand_total", "44273130"),
    (CITY_25, 7, "summary", "function_code = '201'", "project", "all", "item", "43025130"),
    (CITY_25, 8, "income", "function_code = '2010605'", "income", "all", "item", "14111000"),
    (CITY_25, 9, "income", "function_code = '2210203'", "income", "appropriation", "item", "11800000"),
    (CITY_25, 10, "expenditure", "function_code = '201'", "basic", "all", "item", "84861719"),
    (CITY_25, 11, "expenditure", "row_label = '合计'", "project", "all", "total", "44273130"),
    (CITY_25, 12, "appropriation_summary", "function_code = '208'", "total", "general_budget", "item", "17560320"),
]


@pytest.mark.parametrize(
    "source_file, page, statement, where, measure, fund, role, printed",
    FIGURES,
    ids=[f"{f[0][:12]}-p{f[1]}-{f[3]}-{f[4]}-{f[5]}" for f in FIGURES],
)
def test_figure_read_by_hand(corpus_query, source_file, page, statement, where, measure, fund, role, printed):
    rows = corpus_query(
        f"SELECT * FROM v_budget_lines WHERE source_file = ? AND statement = ? AND {where} AND measure = ? AND fund_source = ?",
        [source_file, statement, measure, fund],
    )
    assert [(r["amount_yuan"], r["page"], r["line_role"]) for r in rows] == [(Decimal(printed), page, role)]


# Every error finding left on the corpus's budgets, each a real inconsistency of the document:
# 福利院 2024 page 14 numbers its 商品和服务支出 in an order of its own (302 02 咨询费 … 302 13
# 其他商品和服务支出) and prints 303 离退休人员经费, where the 部门预算支出经济分类 it claims has
# 30202 印刷费 … 30213 维修（护）费 and 303 对个人和家庭的补助.
REAL_ERRORS = {
    (WELFARE_24, "reference_name", 14, "30202 咨询费"),
    (WELFARE_24, "reference_name", 14, "30203 水费"),
    (WELFARE_24, "reference_name", 14, "30204 电费"),
    (WELFARE_24, "reference_name", 14, "30205 邮电费"),
    (WELFARE_24, "reference_name", 14, "30206 办公设备购置费"),
    (WELFARE_24, "reference_name", 14, "30207 工会经费"),
    (WELFARE_24, "reference_name", 14, "30208 福利费"),
    (WELFARE_24, "reference_name", 14, "30211 事业单位离退休人员福利费"),
    (WELFARE_24, "reference_name", 14, "30212 机关事业单位退休人员活动费"),
    (WELFARE_24, "reference_name", 14, "30213 其他商品和服务支出"),
    (WELFARE_24, "reference_name", 14, "303 离退休人员经费"),
    # 福利院 2024 pages 9 and 11: '7 | 11 | 02 事业单位医疗' — the 类 of 2101102 printed as 7
    (WELFARE_24, "code_printed", 9, "7 11 02 事业单位医疗"),
    (WELFARE_24, "code_printed", 11, "7 11 02 事业单位医疗"),
    # 福利院 2024 page 6: '“…社会福利事业单位（项）”738.66万元', its line 2081005 prints
    # 6,964,796 元; 普陀区财政局 2025 pages 7 and 8 (the passage printed twice): 职业年金缴费 887.36 万元,
    # its line prints 873,617 元
    (WELFARE_24, "narrative_restates_table", 6, "社会保障和就业支出（类）社会福利（款）社会福利事业单位（项）"),
    (
        FINANCE_25,
        "narrative_restates_table",
        7,
        "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）",
    ),
    (
        FINANCE_25,
        "narrative_restates_table",
        8,
        "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）",
    ),
}


def test_no_error_the_document_does_not_contain(corpus_query):
    rows = corpus_query(
        "SELECT source_file, rule, page, subject FROM v_dq_findings WHERE severity = 'error' AND source_file IN (?, ?, ?, ?, ?)",
        [WANLI_23, WANLI_24, FINANCE_25, WELFARE_24, CITY_25],
    )
    assert {(r["source_file"], r["rule"], r["page"], r["subject"]) for r in rows} == REAL_ERRORS


def test_the_summary_total_row_is_not_compared_column_by_column_with_the_income(corpus_query):
    # 福利院 2024 page 7: 支出总计 12,121,164 | 人员经费 7,380,214 | 公用经费 2,120,950 | 项目支出 2,620,000
    rows = corpus_query(
        "SELECT * FROM v_dq_findings WHERE rule = 'income_equals_expenditure' AND source_file IN (?, ?)", [WELFARE_24, CITY_25]
    )
    assert rows == []


def test_a_figure_printed_where_a_code_belongs_is_kept_with_its_reason(corpus_query):
    # 福利院 2024 page 9: '7 | 11 | 02 事业单位医疗 503,724' — a 类 printed as 7 (210's row is above it)
    rows = corpus_query(
        "SELECT page, cell_text, reason FROM unplaced_cell WHERE source_file = ? AND row_label = '7 11 02 事业单位医疗' "
        "ORDER BY table_index, col_index",
        [WELFARE_24],
    )
    assert {(r["page"], r["cell_text"], r["reason"]) for r in rows} == {
        (9, "503,724", "malformed_code"),
        (11, "503,724", "malformed_code"),
    }


def test_a_table_numbering_its_subjects_its_own_way_is_one_issue(corpus_query):
    rows = corpus_query("SELECT * FROM v_dq_issues WHERE source_file = ? AND severity = 'error' ORDER BY issue_id", [WELFARE_24])
    assert [(r["subject"], r["n_findings"], r["page"]) for r in rows] == [
        ("30202 咨询费", 11, 14),
        ("7 11 02 事业单位医疗", 2, 9),
        ("社会保障和就业支出（类）社会福利（款）社会福利事业单位（项）", 1, 6),
    ]
    assert "numbers its subjects its own way" in rows[0]["explanation"]
