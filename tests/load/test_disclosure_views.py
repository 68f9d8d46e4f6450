"""The rest of the disclosure as analysts query it: the views over the loaded samples."""

from decimal import Decimal

import pytest

from tests.conftest import querier


@pytest.fixture()
def query(sample_warehouse):
    return querier(sample_warehouse)


def test_lanshan_project(query):
    [p] = query("SELECT * FROM v_projects WHERE project_name = '特殊群体参保缴费财政补助' AND statement = 'project_expenditure'")
    assert (
        p["department"],
        p["fiscal_year"],
        p["project_type"],
        p["amount_yuan"],
        p["general_budget_yuan"],
        p["carryover_yuan"],
        p["line"],
    ) == ("兰山区医疗保障局机关", 2024, "特定目标类", Decimal("32680000.00"), Decimal("32680000.00"), None, 340)


def test_guan_reception(query):
    [r] = query(
        "SELECT * FROM v_three_public WHERE department = '固安县医疗保障局' AND category = 'reception' "
        "AND fund_source = 'appropriation'"
    )
    assert (r["year"], r["amount_yuan"], r["amount_printed"], r["unit_printed"]) == (2024, Decimal("3200.00"), "0.32", "万元")


def test_a_target_of_95_percent(query):
    [t] = query("SELECT * FROM v_performance_targets WHERE source_file LIKE '000%' AND line = 458")
    assert (t["value_printed"], t["operator"], t["value"], t["value_unit"], t["level1"], t["project_name"]) == (
        "≥95%",
        "≥",
        Decimal("95"),
        "%",
        "满意度指标",
        "网络维护费",
    )


def test_counts_per_sample(query):
    rows = query("""
        SELECT d.source_file,
               (SELECT count(*) FROM project p WHERE p.source_file = d.source_file AND p.row_kind = 'project') AS projects,
               (SELECT count(*) FROM fact_three_public x WHERE x.source_file = d.source_file) AS three_public,
               (SELECT count(*) FROM performance_target g WHERE g.source_file = d.source_file) AS targets,
               (SELECT count(*) FROM fact_line_item l WHERE l.source_file = d.source_file) AS line_cells,
               (SELECT count(*) FROM narrative_fact n WHERE n.source_file = d.source_file
                AND n.topic NOT IN ('restated', 'share')) AS narrative,
               (SELECT count(*) FROM narrative_fact n WHERE n.source_file = d.source_file AND n.topic = 'restated') AS restated,
               (SELECT count(*) FROM v_empty_tables e WHERE e.source_file = d.source_file) AS empty_tables
        FROM source_document d ORDER BY 1""")
    assert [tuple(r.values())[1:] for r in rows] == [
        (7, 0, 34, 3, 23, 2, 2),  # narrative: 21 + its heading '…2024年单位预算公开说明' twice (heading_year)
        (14, 12, 79, 11, 28, 6, 2),
        (10, 10, 68, 5, 2, 5, 3),
        (1, 0, 16, 0, 7, 2, 4),
        (4, 2, 62, 0, 1, 0, 1),  # narrative: its heading "2023年部门预算"
    ]


def test_narrative_and_empty_tables(query):
    staff = query(
        "SELECT subject, value, sentence FROM v_narrative_facts WHERE topic = 'staff_actual' AND source_file LIKE '003%'"
    )
    assert [(s["subject"], s["value"]) for s in staff] == [("实有人员", Decimal("21"))]
    [empty] = query("SELECT * FROM v_empty_tables WHERE table_title = '部门政府采购预算'")
    assert (empty["empty_reason"], empty["printed"]) == ("无政府采购预算，空表列示。", True)
    [listed] = query("SELECT * FROM v_empty_tables WHERE NOT printed")
    assert (listed["source_file"][:3], listed["table_number"], listed["empty_reason"], listed["line"]) == (
        "000",
        "表11",
        "当年无政府采购项目预算",
        195,
    )
