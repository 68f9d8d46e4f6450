"""Findings grouped into the issues that explain them, on the samples (validated through the warehouse)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from common.paths import SAMPLES
from flows.validate import validate
from load.warehouse import Warehouse
from tests.conftest import ingest, querier


@pytest.fixture(scope="module")
def issues(tmp_path_factory):
    work = tmp_path_factory.mktemp("issues")
    path = work / "samples.duckdb"
    ingest([SAMPLES], path)
    with Warehouse(path) as wh:
        validate(wh, None, work / "reports", data_docs=False)
    return querier(path)


def test_lanshan_single_misprint_is_one_issue_naming_21015_and_explaining_its_14_findings(issues):
    rows = issues("SELECT * FROM v_dq_issues WHERE source_file LIKE '001_%' AND severity = 'error'")
    assert [(r["subject"], r["n_findings"], r["n_tables"], r["difference_yuan"]) for r in rows] == [
        ("21015 医疗保障管理事务", 14, 3, Decimal("110000.000"))
    ]
    assert "also puts 210 卫生健康支出 off by as much" in rows[0]["explanation"]
    explained = issues(
        "SELECT count(*) AS n FROM v_dq_findings WHERE source_file LIKE '001_%' AND issue_id = ?", [rows[0]["issue_id"]]
    )
    assert explained == [{"n": 14}]


def test_zhenan_income_not_equal_to_expenditure_is_one_issue(issues):
    rows = issues("SELECT * FROM v_dq_issues WHERE source_file LIKE '003_%' AND rules = 'income_equals_expenditure'")
    assert [(r["severity"], r["subject"], r["n_findings"]) for r in rows] == [("error", "支出总计", 3)]


def test_zhenan_malformed_code_is_an_error_issue(issues):
    rows = issues("SELECT * FROM v_dq_issues WHERE source_file LIKE '003_%' AND rules = 'code_printed'")
    assert [(r["severity"], r["subject"], r["kind"]) for r in rows] == [("error", "210499 其他公共卫生支出", "structure")]


def test_guan_rounding_differences_are_one_rounding_issue_and_no_error(issues):
    rows = issues("SELECT severity, kind, n_findings FROM v_dq_issues WHERE source_file LIKE '002_%'")
    assert rows == [{"severity": "warning", "kind": "rounding", "n_findings": 26}]


def test_every_finding_belongs_to_an_issue(issues):
    assert issues(
        "SELECT count(*) AS n FROM dq_finding f LEFT JOIN dq_issue i USING (source_file, issue_id) WHERE i.issue_id IS NULL"
    ) == [{"n": 0}]
