from decimal import Decimal

import polars as pl


def test_lanshan_project_by_fund_source(items):
    amounts = items("兰山", "fact_project_amount").filter(pl.col("project_name") == "特殊群体参保缴费财政补助")
    by_fund = dict(zip(amounts["fund_source"], amounts["amount_yuan"]))
    assert by_fund == {
        "all": Decimal("32680000.00"),
        "appropriation": Decimal("32680000.00"),
        "general_budget": Decimal("32680000.00"),
    }
    project = (
        items("兰山", "project")
        .filter(pl.col("project_name") == "特殊群体参保缴费财政补助", pl.col("statement") == "project_expenditure")
        .row(0, named=True)
    )
    assert (project["project_type"], project["row_kind"], project["line"]) == ("特定目标类", "project", 340)


def test_lanshan_carryover_column_and_total_line(items):
    amounts = items("兰山", "fact_project_amount").filter(pl.col("statement") == "project_expenditure")
    total = amounts.filter(pl.col("row_kind") == "total")
    assert dict(zip(total["fund_source"], total["amount_yuan"]))["carryover"] == Decimal("260000.00")
    projects = amounts.filter(pl.col("row_kind") == "project", pl.col("fund_source") == "all")
    assert projects.height == 8 and projects["amount_yuan"].sum() == Decimal("106510000.00")


def test_zhashui_lines_units_categories_and_projects(items):
    project = items("柞水", "project").filter(pl.col("statement") == "project_expenditure")
    assert project["row_kind"].to_list() == ["total", "unit", "unit", "unit", "category"] + ["project"] * 5
    assert project["unit_code"].to_list()[1:3] == ["305", "305002"]
    assert project.filter(pl.col("project_name") == "网络维护费")["description"].item().startswith("夯实信息化建设基础")
    amounts = items("柞水", "fact_project_amount").filter(
        pl.col("statement") == "project_expenditure", pl.col("row_kind") == "project"
    )
    assert amounts["amount_yuan"].sum() == Decimal("913800.00")


def test_space_aligned_project_line_of_zhenan(items):
    line = items("镇安", "fact_project_amount").filter(pl.col("statement") == "project_expenditure").row(0, named=True)
    assert (line["project_name"], line["amount_yuan"], line["col_index"], line["line"]) == (
        "镇安县医疗保障局",
        Decimal("560000.00"),
        None,
        821,
    )


def test_projects_of_a_performance_table(items):
    """固安县 prints its projects only in the 绩效目标表: code, name, 预算数 in 万元."""
    project = items("固安", "project").filter(pl.col("project_name") == "城乡居民医疗保险县级补助资金").row(0, named=True)
    assert project["project_code"] == "13102224P00000112121X"
    assert project["description"] == "1. 通过发放医疗保险财政补助资金，减轻参保居民经济负担。"
    amounts = items("固安", "fact_project_amount").filter(pl.col("project_name") == "城乡居民医疗保险县级补助资金")
    assert amounts["amount_yuan"].to_list() == [Decimal("46869200.00")] * 2
    jiangyou = items("江油", "fact_project_amount")
    assert dict(zip(jiangyou["project_name"], jiangyou["amount_yuan"])) == {
        "339-江油市医疗保障局": Decimal("690000.00"),
        "医药医疗保障服务经费": Decimal("110000.00"),
        "医疗保障服务中心运行经费": Decimal("250000.00"),
        "党建工作经费": Decimal("30000.00"),
        "医保基金监督检查经费": Decimal("300000.00"),
    }


def test_budget_lines_of_a_department_target_table(items):
    """镇安 部门整体: 任务1 308.89 | 任务2 56 | 金额合计 364.89 (万元, 总额 and 财政拨款)."""
    lines = items("镇安", "fact_project_amount").filter(pl.col("statement") == "performance_overall")
    assert lines.select("row_kind", "project_name", "fund_source", "amount_yuan").rows() == [
        ("task", "任务1", "all", Decimal("3088900.00")),
        ("task", "任务1", "appropriation", Decimal("3088900.00")),
        ("task", "任务2", "all", Decimal("560000.00")),
        ("task", "任务2", "appropriation", Decimal("560000.00")),
        ("total", "金额合计", "all", Decimal("3648900.00")),
        ("total", "金额合计", "appropriation", Decimal("3648900.00")),
    ]
    task = items("镇安", "project").filter(pl.col("project_name") == "任务1").row(0, named=True)
    assert task["description"] == "完成城乡居民医保整合工作"


def test_a_budget_line_with_its_figures_below_and_no_unit(normalized):
    """江油: 年度部门整体支出预算 | 资金总额 | 财政拨款, the figures on the next line; no unit printed."""
    n = normalized("江油")
    line = n.items["project"].filter(pl.col("row_kind") == "department").row(0, named=True)
    assert (line["project_name"], line["line"]) == ("年度部门整体支出预算", 230)  # the line of its figures
    unplaced = n.unplaced.filter(pl.col("line") == 230)
    assert unplaced.select("cell_text", "reason").rows() == [
        ("609.69", "unit_unknown"),
        ("609.69", "unit_unknown"),
        ("0.00", "not_modelled:performance_overall"),
    ]
