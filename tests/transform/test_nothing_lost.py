"""Every number printed in a table is a fact (of fact_budget_amount or of the other fact tables)
or an unplaced cell, exactly once."""

import pytest

from common.paths import SAMPLES
from extract.documents import read_document
from tests.conftest import TAB_SAMPLES
from transform import codes
from transform.amounts import parse_amount
from transform.normalize import normalize_document


@pytest.mark.parametrize("name", TAB_SAMPLES)
def test_every_amount_cell_is_accounted_for(name):
    doc = read_document(SAMPLES / name)
    n = normalize_document(doc, name)
    placed = [(r["table_index"], r["row_index"], r["col_index"]) for r in n.facts.iter_rows(named=True)]
    placed += [(r["table_index"], r["row_index"], r["col_index"]) for r in n.unplaced.iter_rows(named=True)]
    for table in ("fact_project_amount", "fact_three_public", "fact_line_item"):
        placed += [(r["table_index"], r["row_index"], r["col_index"]) for r in n.items[table].iter_rows(named=True)]
    assert len(placed) == len(set(placed))
    placed = set(placed)
    targets = {(r["table_index"], r["row_index"]) for r in n.items["performance_target"].iter_rows(named=True)}
    unit_codes = {(r["table_index"], r["row_index"], r["unit_code"]) for r in n.items["project"].iter_rows(named=True)}
    for table in doc.tables:
        for i, row in enumerate(table.header_rows + table.rows):
            for c, cell in enumerate(row.cells):
                code_part = cell.strip().isdigit() and (
                    len(cell.strip()) <= 2 or codes.CODE.match(cell.strip()) or (table.index, i, cell.strip()) in unit_codes
                )
                if parse_amount(cell) is not None and not code_part and (table.index, i) not in targets:
                    assert (table.index, i, c) in placed, (name, table.title, row.line, c, cell)


def test_family_tables_of_each_sample_are_classified():
    expected = {
        "000_5cfcfeb062623b8f.txt": {
            "summary",
            "appropriation_summary",
            "general_budget_expenditure",
            "general_budget_basic_expenditure",
            "gov_fund_summary",
            "project_expenditure",
            "performance_project",
            "performance_overall",
            "meeting_training",
        },
        "001_62df1c6f39ffdb6f.txt": {
            "summary",
            "income",
            "expenditure",
            "appropriation_summary",
            "general_budget_expenditure",
            "general_budget_basic_expenditure",
            "gov_fund_expenditure",
            "state_capital_expenditure",
            "basic_expenditure",
            "three_public",
            "project_expenditure",
            "procurement",
            "performance_project",
        },
        "002_43a13e6a8c0a6925.txt": {
            "summary",
            "income",
            "expenditure",
            "appropriation_summary",
            "general_budget_expenditure",
            "general_budget_basic_expenditure",
            "gov_fund_expenditure",
            "state_capital_expenditure",
            "three_public",
            "performance_overall",
            "performance_project",
            "procurement",
            "assets",
        },
        "004_7a705042fb416c6b.txt": {
            "summary",
            "appropriation_summary",
            "general_budget_expenditure",
            "general_budget_basic_expenditure",
            "three_public",
            "performance_project",
            "performance_overall",
        },
    }
    for name, kinds in expected.items():
        n = normalize_document(read_document(SAMPLES / name), name)
        loaded = set(n.tables.filter(n.tables["status"].is_in(["loaded", "empty"]))["statement"].to_list())
        assert loaded == kinds, name
        assert "unclassified" not in n.tables["statement"].to_list()


def test_every_number_of_the_space_aligned_sample_is_accounted_for():
    """Tokens have no column until placed: count numbers per printed row instead of per cell."""
    from collections import Counter

    from extract.space_tokens import is_code

    name = "003_d15ab5ced7e0f0d4.txt"
    doc = read_document(SAMPLES / name)
    n = normalize_document(doc, name)
    landed = Counter((r["table_index"], r["line"]) for r in n.facts.iter_rows(named=True))
    landed.update((r["table_index"], r["line"]) for r in n.unplaced.iter_rows(named=True))
    landed.update((r["table_index"], r["line"]) for r in n.items["fact_project_amount"].iter_rows(named=True))
    codes_of_items = {
        (r["table_index"], r["line"])
        for t in ("project", "fact_three_public")
        for r in n.items[t].iter_rows(named=True)
        if r.get("unit_code")
    }
    codes_of_items |= {
        (r["table_index"], r["line"]) for r in n.unplaced.iter_rows(named=True) if r["reason"] == "columns_unknown"
    }
    printed = Counter()
    for table in doc.tables:
        for row in table.rows:
            printed[(table.index, row.line)] += sum(parse_amount(t) is not None for t in row.cells)
    family = {t.index for t in doc.tables if n.tables["status"][t.index] in ("loaded", "empty")}
    for key, count in printed.items():
        if key[0] in family or key in codes_of_items:  # codes are read as codes there, not numbers
            codes_in_row = sum(1 for t in next(r for r in doc.tables[key[0]].rows if r.line == key[1]).cells if is_code(t))
            assert landed[key] == count - codes_in_row, key
        else:
            assert landed[key] == count, key
    assert sum(n.unplaced["reason"] == "ambiguous_column") == 0


def test_family_tables_of_sample_003_are_classified_and_loaded():
    name = "003_d15ab5ced7e0f0d4.txt"
    n = normalize_document(read_document(SAMPLES / name), name)
    status = dict(zip(n.tables["table_number"].to_list(), n.tables["status"].to_list()))
    assert [status[f"表{i}"] for i in range(1, 10)] == ["loaded"] * 8 + ["empty"]
    assert status["表11"] == "empty"
    assert "unclassified" not in n.tables["statement"].to_list()
