from decimal import Decimal

import polars as pl


def _row(frame, **where):
    return frame.filter(*(pl.col(k) == v for k, v in where.items())).row(0, named=True)


def test_zhashui_network_project_target(items):
    t = _row(items("柞水", "performance_target"), line=448)
    assert (t["project_name"], t["level1"], t["level2"], t["operator"], t["value"], t["value_unit"]) == (
        "网络维护费",
        "产出指标",
        "数量指标",
        "≥",
        Decimal("151813"),
        "人",
    )  # 一级 misprinted 指出产
    assert _row(items("柞水", "performance_target"), line=458)["value_printed"] == "≥95%"


def test_lanshan_targets_with_drifting_columns(items):
    targets = items("兰山", "performance_target")
    t = _row(targets, line=446)
    assert (t["project_name"], t["level1"], t["level2"], t["indicator"], t["value_printed"], t["value"], t["value_unit"]) == (
        "特殊群体参保缴费财政补助",
        "成本指标",
        "经济成本指标",
        "指标: 区级财政实际补助标准",
        "=380元/人",
        Decimal("380"),
        "元/人",
    )
    shifted = _row(targets, line=447)  # the value printed one column right of its header
    assert (shifted["indicator"], shifted["operator"], shifted["value"]) == (
        "指标1: 70周岁以上老人参保人数",
        "=",
        Decimal("67000"),
    )
    assert _row(targets, line=432)["operator"] == "定性"  # 7月底之前
    assert targets.filter(pl.col("project_name") == "医疗保障工作经费").height == 22


def test_guan_department_targets_with_symbol_value_unit_columns(items):
    targets = items("固安", "performance_target")
    t = _row(targets, line=509)
    assert (t["scope"], t["level3"], t["value_printed"], t["operator"], t["value"], t["value_unit"], t["basis"]) == (
        "department",
        "城乡居民医疗保险参保人数",
        "≥36万人",
        "≥",
        Decimal("36"),
        "万人",
        "实际参保人数",
    )
    assert (_row(targets, line=514)["operator"], _row(targets, line=514)["value_printed"]) == ("定性", "有所扩大")
    cost = _row(targets, line=536)
    assert (cost["operator"], cost["value"], cost["value_unit"], cost["value_yuan"]) == (
        "≤",
        Decimal("46869248"),
        "元",
        Decimal("46869248.00"),
    )


def test_jiangyou_wide_table_weight_and_direction(items):
    targets = items("江油", "performance_target")
    t = _row(targets, line=160)
    assert (t["project_name"], t["operator"], t["value"], t["value_unit"], t["weight"], t["direction"]) == (
        "医药医疗保障服务经费",
        "=",
        Decimal("100"),
        "%",
        "10",
        "正向指标",
    )
    shifted = _row(targets, line=180)  # a page where every cell sits one column left
    assert (shifted["project_name"], shifted["level2"], shifted["value"], shifted["value_unit"]) == (
        "医疗保障服务中心运行经费",
        "经济成本指标",
        Decimal("184740"),
        "元",
    )
    blank = _row(targets, line=159)
    assert (blank["operator"], blank["value"], blank["value_unit"]) == ("=", None, "%")
    assert targets.filter(pl.col("scope") == "department").height == 10


def test_zhenan_vertical_headers(items):
    targets = items("镇安", "performance_target")
    assert _row(targets, line=1058)["level2"] == "社会效益指标"  # 社会效益 / 指标 on two lines
    t = _row(targets, line=1067)  # 满意 / 度指 / 标, then 服务对象 / 满意度指标
    assert (t["level1"], t["level2"], t["operator"], t["value"]) == ("满意度指标", "服务对象满意度指标", "≥", Decimal("95"))
    assert targets.height == 16  # the notes under the table are not targets; 表16 is an empty template


def test_a_key_printed_without_its_value_takes_not_the_next_key():
    from extract.documents import parse_text
    from transform.normalize import normalize_document

    text = "\n".join(
        [
            "项目支出绩效目标表",
            "单位：万元",
            "项目名称\t城乡医疗救助\t\t",
            "主管部门\t实施单位\t兰山区医疗保险事业中心\t",
            "年度预算资金总额:\t400\t\t",
            "一级指标\t二级指标\t三级指标\t指标值",
            "产出指标\t数量指标\t指标: 救助人次\t≥21908",
            "",
        ]
    )
    n = normalize_document(parse_text(text, "t.txt"), "t.txt")
    project = n.items["project"].row(0, named=True)
    assert (project["project_name"], project["competent_department"], project["implementing_unit"]) == (
        "城乡医疗救助",
        None,
        "兰山区医疗保险事业中心",
    )
    assert n.items["fact_project_amount"]["amount_yuan"].to_list() == [Decimal("4000000.00")]
    assert n.items["performance_target"].select("operator", "value").rows() == [("≥", Decimal("21908"))]
