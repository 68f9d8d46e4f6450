"""Which figure a column's amounts are."""

from transform.phases import document_phase, phase_of


def test_phase_from_the_column_header():
    assert phase_of("收入/项目/决算数", "budget") == "final"
    assert phase_of("财政拨款“三公”经费/合计/预算数", "final") == "budget"
    assert phase_of("全年预算数", "final") == "adjusted_budget"
    assert phase_of("调整预算数", "final") == "adjusted_budget"
    assert phase_of("年初预算数", "final") == "budget"
    assert phase_of("2023年执行数", "budget") == "final"


def test_a_column_naming_no_phase_has_the_documents():
    assert phase_of("本年支出合计", document_phase("final_accounts")) == "final"
    assert phase_of("支出预算/合计", document_phase("budget")) == "budget"
    assert phase_of(None, document_phase(None)) == "budget"
