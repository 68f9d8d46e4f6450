import pytest

from transform.statements import classify


@pytest.mark.parametrize(
    "title, kind",
    [
        ("部门综合预算收支总表", "summary"),
        ("收支总体情况表", "summary"),
        ("部门预算财政拨款收支总表", "appropriation_summary"),
        ("财政拨款收支预算总表", "appropriation_summary"),
        ("部门预算收入总表", "income"),
        ("支出总体情况表", "expenditure"),
        ("部门综合预算一般公共预算支出明细表(按支出功能分类科目)", "general_budget_expenditure"),
        ("一般公共预算基本支出情况表", "general_budget_basic_expenditure"),
        ("基本支出预算情况表", "basic_expenditure"),
        ("部门预算政府性基金预算财政拨款支出表", "gov_fund_expenditure"),
        ("部门综合预算政府性基金收支表", "gov_fund_summary"),
        ("政府性基金预算“三公”经费支出预算表", "three_public"),
        ("部门预算项目支出绩效目标表(2023年度)", "performance_project"),
        ("项目支出预算情况表", "project_expenditure"),
        ("某某情况", "unclassified"),
    ],
)
def test_titles(title, kind):
    assert classify(title).kind == kind


def test_table_of_contents_by_dot_leaders():
    assert classify("部门预算公开表", ["部门预算收支总表 .....", "1", "部门预算收入总表 .....", "3"]).kind == "contents"
