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
