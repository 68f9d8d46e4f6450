"""The warehouse tables of the rest of the disclosure (projects, 三公, targets, procurement and
assets lines, narrative facts), keyed by table name: what normalize fills, staging writes and
the warehouse appends. Columns are documented in sql/schema/."""

from __future__ import annotations

import polars as pl

AMOUNT = pl.Decimal(18, 2)
VALUE = pl.Decimal(24, 6)
_WHERE = {"source_file": pl.String, "table_index": pl.Int32, "row_index": pl.Int32, "line": pl.Int32, "page": pl.Int32}
_CELL = {**_WHERE, "col_index": pl.Int32, "cell_box": pl.String}
_OWNER = {"department": pl.String, "fiscal_year": pl.Int32}

SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    "project": {
        **_WHERE,
        **_OWNER,
        "statement": pl.String,
        "row_kind": pl.String,
        "project_name": pl.String,
        "project_code": pl.String,
        "project_type": pl.String,
        "unit_code": pl.String,
        "implementing_unit": pl.String,
        "competent_department": pl.String,
        "description": pl.String,
        "unit_printed": pl.String,
    },
    "fact_project_amount": {
        **_CELL,
        **_OWNER,
        "statement": pl.String,
        "row_kind": pl.String,
        "project_name": pl.String,
        "fund_source": pl.String,
        "column_header": pl.String,
        "amount_yuan": AMOUNT,
        "amount_printed": pl.String,
        "unit_printed": pl.String,
    },
    "fact_three_public": {
        **_CELL,
        **_OWNER,
        "year": pl.Int32,
        "unit_code": pl.String,
        "unit_name": pl.String,
        "category": pl.String,
        "category_printed": pl.String,
        "fund_source": pl.String,
        "column_header": pl.String,
        "amount_yuan": AMOUNT,
        "amount_printed": pl.String,
        "unit_printed": pl.String,
    },
    "performance_target": {
        **_WHERE,
        **_OWNER,
        "scope": pl.String,
        "project_name": pl.String,
        "project_code": pl.String,
        "level1": pl.String,
        "level2": pl.String,
        "level3": pl.String,
        "indicator": pl.String,
        "value_printed": pl.String,
        "operator": pl.String,
        "value": VALUE,
        "value_unit": pl.String,
        "value_yuan": AMOUNT,
        "weight": pl.String,
        "direction": pl.String,
        "basis": pl.String,
        "remarks": pl.String,
    },
    "fact_line_item": {
        **_CELL,
        **_OWNER,
        "statement": pl.String,
        "row_label": pl.String,
        "row_code": pl.String,
        "column_header": pl.String,
        "value_printed": pl.String,
        "amount_yuan": AMOUNT,
        "quantity": VALUE,
        "quantity_unit": pl.String,
        "fund_source": pl.String,
        "unit_printed": pl.String,
        "row_text": pl.String,
    },
    "narrative_fact": {
        "source_file": pl.String,
        "line": pl.Int32,
        "page": pl.Int32,
        **_OWNER,
        "topic": pl.String,
        "subject": pl.String,
        "value": VALUE,
        "value_unit": pl.String,
        "amount_yuan": AMOUNT,
        "change_direction": pl.String,
        "sentence": pl.String,
        "function_code": pl.String,
        "phase": pl.String,
        "rate_base": pl.String,
        "value_printed": pl.String,
        "restates": pl.String,
        "share_of": pl.String,
    },
    "listed_table": {
        "source_file": pl.String,
        "line": pl.Int32,
        "page": pl.Int32,
        **_OWNER,
        "table_number": pl.String,
        "title": pl.String,
        "listed_empty": pl.Boolean,
        "listed_reason": pl.String,
        "printed": pl.Boolean,
        "table_index": pl.Int32,
    },
}
TABLES = tuple(SCHEMAS)


def rows_frame(rows: list[dict], schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """Rows as a frame of `schema`; no rows, an empty frame of it (polars infers nothing from nothing)."""
    return pl.DataFrame(rows, schema=schema) if rows else pl.DataFrame(schema=schema)


def frame(table: str, rows: list[dict]) -> pl.DataFrame:
    schema = SCHEMAS[table]
    return rows_frame([{k: r.get(k) for k in schema} for r in rows], schema)
