"""v_budget_execution: a department's 预算 and 决算 of one year side by side. The corpus holds no real
pair, so the 预算 is a small one made for the corpus's 决算 (tests/fixtures/pairs/): its department
and year, figures of its own."""

from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import ingest, querier
from tests.corpus.conftest import CORPUS

FINAL = CORPUS / "shanghai-putuo" / "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"
BUDGET = Path(__file__).resolve().parent.parent / "fixtures" / "pairs" / "社会工作部2024年部门预算.txt"
DEPARTMENT = "中共上海市普陀区委社会工作部"


@pytest.fixture(scope="module")
def execution(tmp_path_factory):
    if not FINAL.exists():
        pytest.skip(f"no corpus at {CORPUS}")
    path = tmp_path_factory.mktemp("pair") / "pair.duckdb"
    ingest([BUDGET, FINAL], path)
    return querier(path)


def test_a_subject_gets_its_budget_from_the_budget_document_and_the_rest_from_the_final_accounts(execution):
    (row,) = execution(
        "SELECT * FROM v_budget_execution WHERE department = ? AND fiscal_year = 2024 AND function_code = '2013901'", [DEPARTMENT]
    )
    assert (row["budget_yuan"], row["adjusted_budget_yuan"], row["final_yuan"]) == (
        Decimal("500000.00"),
        Decimal("520000.00"),
        Decimal("513200.00"),
    )
    assert (row["execution_rate"], row["rate_base"], row["level"], row["function_name"]) == (
        Decimal("0.986923"),
        "adjusted_budget",
        "项",
        "行政运行",
    )
    assert row["budget_from"].startswith("社会工作部2024年部门预算.txt line 10")
    assert "page 18" in row["adjusted_budget_from"] and "(narrative)" in row["adjusted_budget_from"]
    assert row["final_from"].startswith(FINAL.name + " page 12")


def test_the_total_without_an_adjusted_budget_is_rated_against_the_budget(execution):
    (row,) = execution("SELECT * FROM v_budget_execution WHERE department = ? AND function_code IS NULL", [DEPARTMENT])
    assert (row["budget_yuan"], row["final_yuan"], row["rate_base"], row["level"]) == (
        Decimal("3000000.00"),
        Decimal("3078200.00"),
        "budget",
        "合计",
    )
    assert row["execution_rate"] == Decimal("1.026067")


def test_execution_rate_by_function_class_in_one_query(execution):
    rows = execution(
        """
        SELECT left(function_code, 3) AS class, sum(final_yuan) AS final_yuan, sum(adjusted_budget_yuan) AS adjusted_yuan,
               CAST(sum(final_yuan) / sum(adjusted_budget_yuan) AS DECIMAL(6, 4)) AS rate
        FROM v_budget_execution
        WHERE department = ? AND fiscal_year = 2024 AND level = '项'
        GROUP BY 1 ORDER BY 1""",
        [DEPARTMENT],
    )
    assert [(r["class"], r["final_yuan"], r["adjusted_yuan"], r["rate"]) for r in rows] == [
        ("201", Decimal("2648700.00"), Decimal("2719200.00"), Decimal("0.9741")),
        ("208", Decimal("108200.00"), Decimal("147400.00"), Decimal("0.7341")),
        ("210", Decimal("27100.00"), Decimal("45200.00"), Decimal("0.5996")),
        ("221", Decimal("294200.00"), Decimal("298400.00"), Decimal("0.9859")),
    ]


def test_budget_documents_facts_are_phase_budget(execution):
    rows = execution("SELECT DISTINCT phase FROM v_budget_lines WHERE source_file = ?", [BUDGET.name])
    assert rows == [{"phase": "budget"}]
