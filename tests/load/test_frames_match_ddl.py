"""The polars frames normalize fills and the warehouse's DDL (sql/schema/) describe the same
columns with the same types: loading appends frames BY NAME, so a frame column the table lacks,
or one typed differently, would fail at load time or cast silently."""

from __future__ import annotations

import polars as pl
import pytest

from load.warehouse import Warehouse
from transform.disclosure.frames import SCHEMAS
from transform.normalize import FACT_SCHEMA, PAGE_SCHEMA, TABLE_SCHEMA, UNPLACED_SCHEMA

FRAMES = {
    "fact_budget_amount": FACT_SCHEMA,
    "unplaced_cell": UNPLACED_SCHEMA,
    "source_table": TABLE_SCHEMA,
    "source_page": PAGE_SCHEMA,
    **SCHEMAS,
}


def sql_type(dtype: pl.DataType) -> str:
    if isinstance(dtype, pl.Decimal):
        return f"DECIMAL({dtype.precision},{dtype.scale})"
    return {pl.String: "VARCHAR", pl.Int32: "INTEGER", pl.Int64: "BIGINT", pl.Boolean: "BOOLEAN", pl.Float64: "DOUBLE"}[dtype]


@pytest.fixture(scope="module")
def ddl(tmp_path_factory) -> dict[str, dict[str, str]]:
    with Warehouse(tmp_path_factory.mktemp("ddl") / "w.duckdb") as wh:
        rows = wh.con.execute("SELECT table_name, column_name, data_type FROM information_schema.columns").fetchall()
    out: dict[str, dict[str, str]] = {}
    for table, column, dtype in rows:
        out.setdefault(table, {})[column] = dtype.replace(" ", "")
    return out


@pytest.mark.parametrize("table", sorted(FRAMES))
def test_each_frame_column_is_a_column_of_its_table_with_the_same_type(ddl, table):
    frame = {c: sql_type(t) for c, t in FRAMES[table].items()}
    assert {c: ddl[table].get(c) for c in frame} == frame


WRITTEN_AFTER_LOADING = {"verified"}  # by validation: whether a sum proves an OCR'd figure (sql/load/ocr_verified.sql)


def test_the_fact_frame_carries_every_column_of_the_fact_table(ddl):
    assert set(ddl["fact_budget_amount"]) == set(FACT_SCHEMA) | WRITTEN_AFTER_LOADING
