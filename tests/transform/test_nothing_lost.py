"""Every number printed in an income/expenditure table is a fact or an unplaced cell, exactly once."""
from pathlib import Path

import pytest

from budget_etl.paths import SAMPLES
from extract.documents import read_document
from transform import codes
from transform.amounts import parse_amount
from transform.normalize import normalize_document
from tests.conftest import TAB_SAMPLES


@pytest.mark.parametrize("name", TAB_SAMPLES)
def test_every_amount_cell_is_accounted_for(name):
    doc = read_document(SAMPLES / name)
    n = normalize_document(doc, name)
    placed = [(r["table_index"], r["row_index"], r["col_index"]) for r in n.facts.iter_rows(named=True)]
    placed += [(r["table_index"], r["row_index"], r["col_index"]) for r in n.unplaced.iter_rows(named=True)]
    assert len(placed) == len(set(placed))
    placed = set(placed)
    for table in doc.tables:
        for i, row in enumerate(table.header_rows + table.rows):
            for c, cell in enumerate(row.cells):
                code_part = cell.strip().isdigit() and (len(cell.strip()) <= 2 or codes.CODE.match(cell.strip()))
                if parse_amount(cell) is not None and not code_part:
                    assert (table.index, i, c) in placed, (name, table.title, row.line, c, cell)


def test_family_tables_of_each_sample_are_classified():
    expected = {
        "000_5cfcfeb062623b8f.txt": {"summary", "appropriation_summary", "general_budget_expenditure", "general_budget_basic_expenditure", "gov_fund_summary"},
        "001_62df1c6f39ffdb6f.txt": {"summary", "income", "expenditure", "appropriation_summary", "general_budget_expenditure", "general_budget_basic_expenditure", "gov_fund_expenditure", "state_capital_expenditure", "basic_expenditure"},
        "002_43a13e6a8c0a6925.txt": {"summary", "income", "expenditure", "appropriation_summary", "general_budget_expenditure", "general_budget_basic_expenditure", "gov_fund_expenditure", "state_capital_expenditure"},
        "004_7a705042fb416c6b.txt": {"summary", "appropriation_summary", "general_budget_expenditure", "general_budget_basic_expenditure"},
    }
    for name, kinds in expected.items():
        n = normalize_document(read_document(SAMPLES / name), name)
        loaded = set(n.tables.filter(n.tables["status"].is_in(["loaded", "empty"]))["statement"].to_list())
        assert loaded == kinds, name
        assert "unclassified" not in n.tables["statement"].to_list()
