from transform.headers import classify_columns, column_paths, measure_of


def test_two_level_header_with_spanning_cells():
    header = [
        ("科目编码", "", "", "科目名称", "合计", "基本支出", "", "", "项目支出"),
        ("类", "款", "项", "", "", "小计", "人员支出", "日常公用支出", ""),
    ]
    paths = column_paths(header, 9)
    assert paths[1] == ("科目编码", "款")
    assert paths[5] == ("基本支出", "小计")
    assert paths[7] == ("基本支出", "日常公用支出")
    assert paths[8] == ("项目支出",)
    body = [("208", "", "", "社会保障和就业支出", "78.36", "53.36", "53.36", "", "25.00")]
    cols = classify_columns(paths, body, total_measure="total", fund_default="general_budget")
    assert [c.role for c in cols] == ["code", "code", "code", "name", "amount", "amount", "amount", "amount", "amount"]
    assert [c.measure for c in cols[4:]] == ["total", "basic", "personnel", "operating", "project"]


def test_subtotal_defers_to_parent_and_fund_comes_from_path():
    header = [("合计", "财政拨款收入", "", "上年结转"), ("", "小计", "一般公共预算收入", "")]
    cols = classify_columns(column_paths(header, 4), [("1.00", "1.00", "1.00", "")], total_measure="income", fund_default="all")
    assert [(c.measure, c.fund_source) for c in cols] == [
        ("income", "all"),
        ("income", "appropriation"),
        ("income", "general_budget"),
        ("income", "carryover"),
    ]


def test_basic_statement_total_column_means_basic():
    assert measure_of(("合计",), "basic") == "basic"
    assert measure_of(("一般公共预算基本支出", "合计"), "total") == "basic"
    assert measure_of(("专项业务经费支出",), "total") == "project"
