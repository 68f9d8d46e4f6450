"""Findings the suites make on the real sample documents, and the report people read."""

from __future__ import annotations

import shutil
from decimal import Decimal

import pytest

from expectations import report
from flows.validate import validate
from load.warehouse import Warehouse


@pytest.fixture(scope="module")
def validated(sample_warehouse, tmp_path_factory):
    path = tmp_path_factory.mktemp("validated") / "wh.duckdb"
    shutil.copy(sample_warehouse, path)
    reports = path.parent / "reports"
    with Warehouse(path) as wh:
        validation = validate(wh, None, reports)
        html, md = report.write(report.gather(wh, validation.data_docs), reports)
    return path, validation, html, md


def findings(validated, where: str, params: list) -> list[dict]:
    with Warehouse(validated[0], read_only=True) as wh:
        cols, rows = wh.query(f"SELECT * FROM v_dq_findings WHERE {where}", params)
    return [dict(zip(cols, r)) for r in rows]


def test_004_code_beside_the_wrong_name(validated):
    [f] = findings(validated, "source_file LIKE '004%' AND rule = 'reference_name' AND severity = 'error'", [])
    assert (f["subject"], f["expected"], f["observed"], f["line"]) == ("21002 住房改革支出", "公立医院", "住房改革支出", 128)


def test_004_income_609_70_against_expenditure_609_69_is_rounding(validated):
    [f] = findings(validated, "source_file LIKE '004%' AND rule = 'income_equals_expenditure'", [])
    assert (f["severity"], f["kind"]) == ("warning", "rounding")
    assert (f["expected_yuan"], f["observed_yuan"], f["difference_yuan"], f["tolerance_yuan"]) == (
        Decimal("6097000.00"),
        Decimal("6096900.00"),
        Decimal("-100.000"),
        Decimal("100.000"),
    )


def test_002_only_rounding(validated):
    rows = findings(validated, "source_file LIKE '002%'", [])
    assert len(rows) == 26 and {(f["severity"], f["kind"]) for f in rows} == {("warning", "rounding")}
    assert all(abs(f["difference_yuan"]) == 100 for f in rows)  # 0.01 万元


def test_001_class_item_not_the_sum_of_its_items(validated):
    rows = findings(
        validated,
        "source_file LIKE '001%' AND rule = 'code_rollup' AND subject = '21015 医疗保障管理事务' "
        "AND table_title = '支出总体情况表' AND expected_yuan = 7085000",
        [],
    )
    assert [(f["severity"], f["observed_yuan"], f["line"]) for f in rows] == [("error", Decimal("7195000.00"), 161)]


def test_000_summary_and_detail_disagree_on_210(validated):
    [f] = findings(validated, "source_file LIKE '000%' AND rule = 'cross_statement'", [])
    assert (f["severity"], f["subject"], f["expected_yuan"], f["observed_yuan"]) == (
        "error",
        "210 卫生健康支出",
        Decimal("2498500.00"),
        Decimal("2500500.00"),
    )


def test_003_findings(validated):
    got = {
        (f["rule"], f["severity"], f["subject"], f["expected"], f["observed"])
        for f in findings(validated, "source_file LIKE '003%'", [])
    }
    assert ("income_equals_expenditure", "error", "支出总计", "46,829,200.00", "3,648,900.00") in got
    assert ("code_rollup", "error", "302 商品和服务支出", "665,000.00", "675,000.00") in got
    assert ("reference_name", "error", "50502 工资福利支出", "商品和服务支出", "工资福利支出") in got
    assert ("reference_name", "warning", "210 医疗卫生与计划生育支出", "卫生健康支出", "医疗卫生与计划生育支出") in got
    assert (
        "reference_name",
        "warning",
        "20801 人和资源和社会保障管理事务",
        "人力资源和社会保障管理事务",
        "人和资源和社会保障管理事务",
    ) in got


def test_validating_again_replaces_the_findings(validated, tmp_path):
    path, first, *_ = validated
    with Warehouse(path) as wh:
        again = validate(wh, ["004_7a705042fb416c6b.txt"], tmp_path, data_docs=False)
        total = wh.query("SELECT count(*) FROM dq_finding")[1][0][0]
    assert again.findings.height == 10  # 1 error, 7 rounding warnings, 1 info (a known other wording), required_tables
    assert total == first.findings.height


def test_report_names_every_document_and_links_data_docs(validated):
    _, validation, html, md = validated
    text = html.read_text(encoding="utf-8")
    assert "江油市医疗保障局" in text and "1 error: check before use" in text
    assert "adds up (cent rounding only)" in text  # 002
    assert validation.data_docs.exists()
    assert (
        "| 002_43a13e6a8c0a6925.txt | 固安县医疗保障局 | 2024 | budget | department | 24 (19) | 246 | 19 | 0 | 0 | 1 | 0 |"
        in md.read_text(encoding="utf-8")
    )


def test_report_escapes_document_text():
    doc = {
        "source_file": "x<script>.txt",
        "department": "<b>局</b>",
        "fiscal_year": 2024,
        "format": "txt-tab",
        "n_tables": 1,
        "loaded_tables": 1,
        "n_facts": 1,
        "n_unplaced": 0,
        "errors": 1,
        "warnings": 0,
        "rounding": 0,
        "infos": 0,
        "verdict_class": "bad",
        "verdict": "1 error",
    }
    finding = {
        "severity": "error",
        "kind": "inconsistency",
        "rule": "code_rollup",
        "table_title": "<script>alert(1)</script>",
        "subject": "'; DROP TABLE x",
        "expected": "1",
        "observed": "2",
        "message": "<img src=x>",
        "line": 1,
        "page": None,
    }
    html = report.render_html(report.Report("now", [doc], {}, {"x<script>.txt": [finding]}, [], [], None))
    assert "<script>" not in html and "<img" not in html and "<b>局" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_000_tables_listed_but_not_printed(validated):
    """柞水's list of tables names 表2, 表3, 表11 (空表) and 表12 (三公); the document prints none of them."""
    got = findings(validated, "source_file LIKE '000%' AND rule = 'table_printed' ORDER BY line", [])
    assert [(f["severity"], f["subject"], f["line"]) for f in got] == [
        ("warning", "部门综合预算收入总表", 186),
        ("warning", "部门综合预算支出总表", 187),
        ("warning", "部门综合预算政府采购（资产配置、购买服务）预算表", 195),
        ("warning", "部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表", 196),
    ]


def test_004_prints_no_income_expenditure_or_gov_fund_table_and_000_gaps_are_left_to_table_printed(validated):
    """江油's 2023 部门预算 prints 7 tables; of the 8 the 2016 rules require, 收入总表, 支出总表 and
    政府性基金预算支出表 are not among them. 柞水 names its missing ones in its list: table_printed's."""
    [f] = findings(validated, "source_file LIKE '004%' AND rule = 'required_tables'", [])
    assert (f["severity"], f["expected"], f["observed"]) == (
        "warning",
        "8 required tables",
        "5 printed; not found: 收入总表、支出总表、政府性基金预算支出表",
    )
    assert findings(validated, "source_file LIKE '000%' AND rule = 'required_tables'", []) == []
    with Warehouse(validated[0], read_only=True) as wh:
        _, scores = wh.query("SELECT source_file[:3], required_tables, required_tables_printed FROM dq_document_score ORDER BY 1")
    assert ("004", 8, 5) in scores and ("002", 8, 8) in scores
