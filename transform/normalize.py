"""One raw document -> three polars frames: tables, facts and unplaced cells."""
from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from extract.context import unit_of
from extract.model import RawDocument, RawTable
from transform import statements
from transform.detail_tables import place_detail
from transform.headers import classify_columns, column_paths
from transform.sink import TableSink
from transform.summary_tables import place_summary

AMOUNT = pl.Decimal(18, 2)
FACT_SCHEMA = {
    "source_file": pl.String, "table_index": pl.Int32, "row_index": pl.Int32, "col_index": pl.Int32,
    "line": pl.Int32, "page": pl.Int32, "department": pl.String, "fiscal_year": pl.Int32,
    "function_code": pl.String, "function_name": pl.String,
    "economic_scheme": pl.String, "economic_code": pl.String, "economic_name": pl.String,
    "gov_economic_code": pl.String, "gov_economic_name": pl.String,
    "measure": pl.String, "fund_source": pl.String, "amount_yuan": AMOUNT, "amount_printed": pl.String,
    "unit_printed": pl.String, "row_label": pl.String, "column_header": pl.String,
}
UNPLACED_SCHEMA = {
    "source_file": pl.String, "table_index": pl.Int32, "row_index": pl.Int32, "col_index": pl.Int32,
    "line": pl.Int32, "page": pl.Int32, "cell_text": pl.String, "row_label": pl.String,
    "column_header": pl.String, "reason": pl.String,
}
TABLE_SCHEMA = {
    "source_file": pl.String, "table_index": pl.Int32, "table_number": pl.String, "title": pl.String,
    "statement": pl.String, "statement_zh": pl.String, "status": pl.String, "unit_printed": pl.String,
    "department": pl.String, "fiscal_year": pl.Int32, "first_line": pl.Int32, "last_line": pl.Int32,
    "page": pl.Int32, "n_header_rows": pl.Int32, "n_body_rows": pl.Int32, "column_headers": pl.String,
    "notes": pl.String, "n_facts": pl.Int32, "n_unplaced": pl.Int32,
}


@dataclass
class NormalizedDocument:
    document: RawDocument
    tables: pl.DataFrame
    facts: pl.DataFrame
    unplaced: pl.DataFrame


def normalize_document(doc: RawDocument, source_file: str) -> NormalizedDocument:
    tables, facts, unplaced = [], [], []
    for table in doc.tables:
        row, sink = normalize_table(table, source_file)
        tables.append(row)
        facts.extend(sink.facts)
        unplaced.extend(sink.unplaced)
    return NormalizedDocument(
        document=doc,
        tables=pl.DataFrame(tables, schema=TABLE_SCHEMA, orient="row") if tables else pl.DataFrame(schema=TABLE_SCHEMA),
        facts=pl.DataFrame(facts, schema=FACT_SCHEMA) if facts else pl.DataFrame(schema=FACT_SCHEMA),
        unplaced=pl.DataFrame(unplaced, schema=UNPLACED_SCHEMA) if unplaced else pl.DataFrame(schema=UNPLACED_SCHEMA),
    )


def normalize_table(table: RawTable, source_file: str) -> tuple[dict, TableSink]:
    all_cells = [c for r in table.header_rows + table.rows for c in r.cells]
    statement = statements.classify(table.title, all_cells)
    unit = unit_of(table.unit_text) if table.unit_text else None
    sink = TableSink(source_file, table, statement, unit)
    paths = column_paths([r.cells for r in table.header_rows], table.n_cols)
    if statement.layout == "none":
        reason = "unclassified_table" if statement is statements.UNCLASSIFIED else f"not_modelled:{statement.kind}"
        sink.reject_numeric_cells(table.header_rows + table.rows, reason)
        status = "unclassified" if statement is statements.UNCLASSIFIED else "not_modelled"
    else:
        columns = classify_columns(paths, [r.cells for r in table.rows],
                                   total_measure=statement.total_measure, fund_default=statement.fund_source)
        sink.reject_numeric_cells(table.header_rows, "number_in_header")
        (place_summary if statement.layout == "summary" else place_detail)(sink, columns)
        status = "loaded" if sink.facts else "empty"
    row = {
        "source_file": source_file, "table_index": table.index, "table_number": table.number,
        "title": table.title, "statement": statement.kind, "statement_zh": statement.name_zh, "status": status,
        "unit_printed": unit, "department": table.department, "fiscal_year": table.fiscal_year,
        "first_line": table.first_line, "last_line": table.last_line, "page": table.page,
        "n_header_rows": len(table.header_rows), "n_body_rows": len(table.rows),
        "column_headers": " | ".join("/".join(p) for p in paths),
        "notes": "\n".join(table.notes) or None,
        "n_facts": len(sink.facts), "n_unplaced": len(sink.unplaced),
    }
    return row, sink

