"""Execution figures read from a 决算's narrative lines, as a PDF prints them (wrapped mid-word)."""

from decimal import Decimal

from transform.disclosure.execution import execution_facts

LINES = [  # 中共上海市普陀区委社会工作部 2024 年度部门决算, page 18
    (9, 18, "一般公共预算财政拨款支出年初预算为 0 万元，全年预算为"),
    (10, 18, "321.02 万元，支出决算为 307.82 万元，完成年初预算的 95.89%。"),
    (12, 18, "1、一般公共服务支出（类）社会工作事务（款）行政运行（项）。"),
    (13, 18, "主要用于：行政单位人员支出、公用支出。全年预算为 52.00 万元，"),
    (14, 18, "支出决算为 51.32 万元，完成全年预算数的 98.69%。决算数小于全"),
    (15, 18, "3、一般公共服务支出（类）社会工作事务（款）其他社会工作"),
    (1, 19, "事务支出（项）。主要用于：新建部门开办费。全年预算为 202.24 万元，支出决算为 202.24 万元。"),
]
NAMES = {"20139": {"社会工作事务"}, "2013901": {"行政运行"}, "2013999": {"其他社会工作事务支出"}}


def facts():
    return [
        (f["topic"], f["function_code"], f["value_printed"], f["amount_yuan"], f["page"], f["line"], f["rate_base"])
        for f in execution_facts(LINES, NAMES)
    ]


def test_the_whole_with_its_two_budgets_and_the_rate_of_the_one_it_names():
    assert facts()[:4] == [
        ("execution_budget", None, "0", Decimal("0"), 18, 9, None),
        ("execution_adjusted", None, "321.02", Decimal("3210200.00"), 18, 10, None),
        ("execution_final", None, "307.82", Decimal("3078200.00"), 18, 10, None),
        ("execution_rate", None, "95.89", None, 18, 10, "budget"),
    ]


def test_each_item_gets_the_code_its_tables_print_it_under():
    assert facts()[4:] == [
        ("execution_adjusted", "2013901", "52.00", Decimal("520000.00"), 18, 13, None),
        ("execution_final", "2013901", "51.32", Decimal("513200.00"), 18, 14, None),
        ("execution_rate", "2013901", "98.69", None, 18, 14, "adjusted_budget"),
        ("execution_adjusted", "2013999", "202.24", Decimal("2022400.00"), 19, 1, None),
        ("execution_final", "2013999", "202.24", Decimal("2022400.00"), 19, 1, None),
    ]


def test_the_subject_is_named_as_printed_across_the_wrapped_lines():
    subjects = {f["subject"] for f in execution_facts(LINES, NAMES)}
    assert subjects == {
        "一般公共预算财政拨款支出",
        "一般公共服务支出（类）社会工作事务（款）行政运行（项）",
        "一般公共服务支出（类）社会工作事务（款）其他社会工作事务支出（项）",
    }
