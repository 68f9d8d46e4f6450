"""Who a document is, from the lines real covers, captions, headings and page headers print."""

from extract.document_meta import document_identity


def test_department_budget_cover_label_and_captions():
    lines = [
        "上海市普陀区2024年区级部门预算",
        "预算主管部门：上海市普陀区人民政府万里街道办事处",
        "",
        "目 录",
        "2024年部门财务收支预算总表",
        "编制部门：上海市普陀区人民政府万里街道办事处 单位：元",
    ]
    ident = document_identity(lines)
    assert ident.department == "上海市普陀区人民政府万里街道办事处"
    assert (ident.fiscal_year, ident.kind, ident.scope) == (2024, "budget", "department")
    assert (ident.level, ident.region) == ("区级", "上海市普陀区")
    assert ident.sources_text() == (
        "上海市普陀区人民政府万里街道办事处 (label 编制部门 ×1); 上海市普陀区人民政府万里街道办事处 (label 预算主管部门 ×1)"
    )


def test_unit_budget_of_the_city_level():
    lines = [
        "上海市2025年市级单位预算",
        "预算单位：上海市财政局",
        "目 录",
        "2025年预算单位财务收支预算总表",
        "编制单位：上海市财政局\t\t\t单位：元",
    ]
    ident = document_identity(lines)
    assert (ident.department, ident.scope, ident.level, ident.region) == ("上海市财政局", "unit", "市级", "上海市")


def test_final_accounts_cover_broken_over_three_lines():
    lines = [
        "中共上海市普陀区委",
        "社会工作部 2024 年度",
        "部门决算",
        "",
        "目 录",
        "第一部分 中共上海市普陀区委社会工作部概况",
        "第二部分 中共上海市普陀区委社会工作部 2024 年度部门决算表",
        "收入支出决算总表",
        "单位：万元",
    ]
    ident = document_identity(lines)
    assert ident.department == "中共上海市普陀区委社会工作部"  # not 社会工作部, not 第二部分上海市…
    assert (ident.fiscal_year, ident.kind, ident.scope, ident.region) == (2024, "final_accounts", "department", "上海市普陀区")


def test_blank_template_names_no_department():
    lines = [
        "上海市 XX 局",
        "2024 年度部门决算",
        "目 录",
        "第一部分 上海市 XX 局概况",
        "纳入上海市XX局2024年度部门决算编制范围的单位包括：",
    ]
    ident = document_identity(lines)
    assert ident.department is None and ident.placeholder == "上海市XX局"
    assert ident.kind == "final_accounts"


def test_names_that_disagree_keep_the_majority_and_list_the_other():
    lines = [
        "2024 年",
        "兰山区医疗保障局机关",
        "单位预算",
        "目 录",
        "部门（单位）：兰山区医疗保障局机关",
        "部门（单位）：兰山区医疗保障局机关",
        "部门（单位）：兰山区医疗保障局",
    ]
    ident = document_identity(lines)
    assert ident.department == "兰山区医疗保障局机关" and ident.scope == "unit"
    assert ident.variants == (("兰山区医疗保障局", 1),)


def test_unit_code_from_the_page_header():
    lines = ["# 2024 年部门预算信息公开目录", "362 固安县医疗保障局", "预算年度：2024"]
    ident = document_identity(lines)
    assert (ident.department, ident.unit_code, ident.region) == ("固安县医疗保障局", "362", "固安县")
