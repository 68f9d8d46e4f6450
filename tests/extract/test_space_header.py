import re

from extract.space_header import _COMPLETE, LONGEST_LABEL, header_grid
from transform.headers import column_paths

# 表2 of sample 003 as pdftotext printed it: cells broken over lines, the 一般公共预算拨款
# span printed before 小计/其中, which come last.
INCOME_HEADER = """单位编码 单位名称
部门预算
合计
一般公共预算拨款
政府性基金
拨款
上级补助
收入
事业收入
事业单位经营
收入
对附属单位上
缴收入
用事业基金弥
补收支差额
上年结转
上年实户
资金余额
其他收入
小计
其中：专项资
金列入部门预
算项目""".splitlines()


def test_broken_header_cells_are_joined_and_the_split_fund_gets_its_subcolumns():
    grid = header_grid(INCOME_HEADER)
    paths = column_paths(grid, len(grid[0]))
    assert len(paths) == 14  # the '** **' row under it prints 14 marks
    assert paths[:5] == [
        ("单位编码",),
        ("单位名称",),
        ("部门预算", "合计"),
        ("部门预算", "一般公共预算拨款", "小计"),
        ("部门预算", "一般公共预算拨款", "其中:专项资金列入部门预算项目"),  # labels compared NFKC
    ]
    assert paths[6] == ("部门预算", "上级补助收入") and paths[9] == ("部门预算", "对附属单位上缴收入")
    assert paths[12] == ("部门预算", "上年实户资金余额")


def test_code_header_broken_over_two_lines():
    grid = header_grid(
        ["部门经济科目", "编码", "", "部门经济科目名称 政府经济科目编码 政府经济科目名称 合计 人员经费支出 公用经费支出 备注"]
    )
    assert grid == [
        (
            "部门经济科目编码",
            "部门经济科目名称",
            "政府经济科目编码",
            "政府经济科目名称",
            "合计",
            "人员经费支出",
            "公用经费支出",
            "备注",
        )
    ]


def test_income_expense_banner_spans_the_groups():
    grid = header_grid(
        [
            "收                   入 支                        出",
            "项    目 预算数 支出功能分类科目（按大类） 预算数 部门预算支出经济分类科目 （按大类） 预算数",
        ]
    )
    assert grid[0] == ("收入", "收入", "支出", "支出", "支出", "支出")
    assert grid[1][4] == "部门预算支出经济分类科目（按大类）"


def test_joins_stop_at_the_longest_complete_label():
    # The bound is written by hand; the patterns must not outgrow it.
    assert re._parser.parse(_COMPLETE.pattern).getwidth()[1] <= LONGEST_LABEL
    memo = "其中：" + "资" * (LONGEST_LABEL - 5) + "项目"  # the longest label, broken over many lines
    lines = ["合计", *(memo[k : k + 2] for k in range(0, len(memo), 2))]
    assert header_grid(lines) == [("合计", memo)]
