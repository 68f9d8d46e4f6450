"""A 项 the narrative names by its classification path and restates: read with its code."""

from decimal import Decimal

from transform.disclosure.restated import restated_facts

NAMES = {"2010601": {"行政运行"}, "20106": {"财政事务"}, "2210201": {"住房公积金"}, "22102": {"住房改革支出"}}


def test_a_subject_amount_wrapped_over_lines_is_read_with_the_code_its_tables_print():
    lines = [
        (40, 7, "1.“一般公共服务支出（类）财政事务（款）行政运行（项）”1,623.18万元，主要用于局本级及所属单位人员经"),
        (41, 7, "费及公用经费等的基本支出。10.“住房保障支出（类）住房改革支出（款）住房公积"),
        (42, 7, "金（项）”204.91万元，主要用于在职人员公积金缴费。"),
    ]
    got = [
        (f["restates"], f["function_code"], f["value"], f["amount_yuan"], f["line"], f["page"])
        for f in restated_facts(lines, NAMES)
        if f["restates"] == "function_subject"
    ]
    assert got == [
        ("function_subject", "2010601", Decimal("1623.18"), Decimal("16231800.00"), 40, 7),
        ("function_subject", "2210201", Decimal("204.91"), Decimal("2049100.00"), 42, 7),
    ]


def test_a_subject_the_tables_do_not_name_keeps_no_code_and_a_决算_clause_is_not_a_restated_amount():
    lines = [
        (1, 1, "“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元。"),
        (2, 1, "“一般公共服务支出（类）财政事务（款）行政运行（项）”年初预算为 52.00 万元，支出决算为 51.32 万元。"),
    ]
    got = [
        (f["subject"], f["function_code"], f["value"])
        for f in restated_facts(lines, NAMES)
        if f["restates"] == "function_subject"
    ]
    assert got == [("一般公共服务支出（类）统计信息事务（款）专项普查活动（项）", None, Decimal("25.77"))]


def test_the_units_a_department_lists_are_read_from_its_numbered_list_and_from_its_table_of_units():
    from transform.disclosure.member_units import member_unit_facts

    lines = [
        (10, 4, "本部门中，行政单位 1 家，事业单位 4 家，具体包括："),
        (11, 4, "1. 上海市普陀区人民政府万里街道办事处（本部）。"),
        (12, 4, "2. 上海市普陀区万里街道社区事务受理服务中心。"),
        (13, 4, "二、部门预算编制说明"),
        (20, 4, "纳入中共上海市普陀区委社会工作部 2024 年度部门决算编制范围的单位包括："),
        (21, 4, "序号 单位名称 备注"),
        (22, 4, "1 中共上海市普陀区委社会工作部（本级）"),
        (23, 4, "2 上海市普陀区社会工作发展服务中心"),
        (30, 5, "具体包括："),
        (31, 5, "1.工资福利支出"),
    ]
    assert [(f["subject"], f["line"]) for f in member_unit_facts(lines)] == [
        ("上海市普陀区人民政府万里街道办事处（本部）", 11),
        ("上海市普陀区万里街道社区事务受理服务中心", 12),
        ("中共上海市普陀区委社会工作部（本级）", 22),
        ("上海市普陀区社会工作发展服务中心", 23),
    ]
