"""agg_budget_class, the class rows of v_budget_lines summed in advance for the analyst queries: it
must equal the facts summed, be rebuilt when the facts change, and appear in a warehouse made before it."""

from __future__ import annotations

import shutil
from collections import defaultdict
from decimal import Decimal

import duckdb

from common.paths import SAMPLES
from load import sql_files
from load.warehouse import Warehouse
from tests.conftest import ingest

LANSHAN = "兰山区医疗保障局机关"
LANSHAN_210 = Decimal("111933200.00")  # 001's 一般公共预算支出情况表, line 221: 210 卫生健康支出, 合计
LANSHAN_210_KEY = (LANSHAN, 2024, "general_budget_expenditure", "total", "general_budget", "budget", "210")
COLUMNS = "SELECT * FROM information_schema.columns WHERE table_name = 'agg_budget_class'"
GRAIN = ("department", "fiscal_year", "statement", "measure", "fund_source", "phase", "class_code")


def _aggregate(path) -> dict[tuple, tuple[Decimal, int]]:
    with Warehouse(path, read_only=True) as wh:
        rows = wh.con.execute(f"SELECT {', '.join(GRAIN)}, amount_yuan, n_facts FROM agg_budget_class").fetchall()
    return {r[:7]: (r[7], r[8]) for r in rows}


def _facts_summed(path) -> dict[tuple, tuple[Decimal, int]]:
    """The class-level facts summed here, in Python, from the fact table and its tables' statements."""
    with Warehouse(path, read_only=True) as wh:
        facts = wh.con.execute(
            "SELECT f.department, f.fiscal_year, t.statement, f.measure, f.fund_source, f.phase, f.function_code, f.amount_yuan "
            "FROM fact_budget_amount f JOIN source_table t USING (source_file, table_index)"
        ).fetchall()
    out: dict[tuple, list] = defaultdict(lambda: [Decimal(0), 0])
    for *key, amount in facts:
        if key[6] is not None and len(key[6]) == 3:
            out[tuple(key)][0] += amount
            out[tuple(key)][1] += 1
    return {k: tuple(v) for k, v in out.items()}


def test_the_aggregate_is_the_samples_class_facts_summed(sample_warehouse):
    aggregate = _aggregate(sample_warehouse)
    assert aggregate == _facts_summed(sample_warehouse)
    assert aggregate[LANSHAN_210_KEY] == (LANSHAN_210, 1)
    with Warehouse(sample_warehouse, read_only=True) as wh:
        types = dict(wh.con.execute(f"SELECT column_name, data_type FROM ({COLUMNS})").fetchall())
    assert types["amount_yuan"] == "DECIMAL(38,2)"  # exact, as sum() gives it


def test_two_documents_of_one_department_year_are_summed_and_a_failed_one_leaves_the_sum(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SAMPLES / "001_62df1c6f39ffdb6f.txt", inbox / "001_62df1c6f39ffdb6f.txt")
    shutil.copy(SAMPLES / "001_62df1c6f39ffdb6f.txt", inbox / "001_unit_copy.txt")  # the same department and year again
    path = tmp_path / "w.duckdb"
    ingest([inbox], path)
    key = LANSHAN_210_KEY
    assert _aggregate(path)[key] == (2 * LANSHAN_210, 2)
    assert _aggregate(path) == _facts_summed(path)
    with Warehouse(path, read_only=True) as wh:
        totals = wh.con.execute(sql_files.read("analyst/by_department_year.sql")).fetchall()
    assert totals == [(LANSHAN, 2024, 2 * Decimal("113165900.00"), 6)]  # 支出总表's three classes, twice

    with Warehouse(path) as wh:  # the copy changed into a file that fails: its error replaces its rows
        wh.record_error("001_unit_copy.txt", str(inbox / "001_unit_copy.txt"), "extract", "the file is empty")
    assert _aggregate(path)[key] == (LANSHAN_210, 1)


def test_a_warehouse_made_before_the_aggregate_gets_it_filled_at_its_next_write(sample_warehouse, tmp_path):
    path = tmp_path / "old.duckdb"
    shutil.copy(sample_warehouse, path)
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE agg_budget_class")
    con.close()
    with Warehouse(path):
        pass  # opened by a writer that loads nothing
    assert _aggregate(path) == _aggregate(sample_warehouse)
