"""The facts as the checks read them: amounts and their rounding as exact integers (0.001 元)."""

from __future__ import annotations

import polars as pl

from transform.amounts import rounding_yuan

MILLS_PER_YUAN = 1000

# Which document and table a checked row was printed in: what every check frame's rows carry.
PRINTED_IN = ("source_file", "department", "fiscal_year", "table_index", "table_title", "statement")
# Columns every check frame reads (the warehouse's fact row plus its table's statement/title).
FACT_COLUMNS = [
    *PRINTED_IN,
    "row_index",
    "col_index",
    "line",
    "page",
    "function_code",
    "function_name",
    "economic_scheme",
    "economic_code",
    "economic_name",
    "gov_economic_code",
    "gov_economic_name",
    "measure",
    "fund_source",
    "amount_yuan",
    "amount_printed",
    "unit_printed",
    "row_label",
    "column_header",
    "line_role",
    "phase",
    "read_by",
    "ocr_confidence",
]

COMPARISON_SCHEMA = {
    "source_file": pl.String,
    "department": pl.String,
    "fiscal_year": pl.Int32,
    "table_index": pl.Int32,
    "table_title": pl.String,
    "statement": pl.String,
    "rule": pl.String,
    "subject": pl.String,
    "measure": pl.String,
    "fund_source": pl.String,
    "column_header": pl.String,
    "row_index": pl.Int32,
    "col_index": pl.Int32,
    "line": pl.Int32,
    "page": pl.Int32,
    "expected_mills": pl.Int64,
    "observed_mills": pl.Int64,
    "difference_mills": pl.Int64,
    "abs_difference_mills": pl.Int64,
    "tolerance_mills": pl.Int64,
    "n_cells": pl.Int32,
    "detail": pl.String,
    # the printed cells the comparison took ('table:row:col' of the document), and how many were read by OCR:
    # what proves an OCR'd figure (expectations/checks/ocr_proof.py)
    "cells": pl.List(pl.String),
    "n_ocr_cells": pl.Int32,
}


def with_mills(facts: pl.DataFrame) -> pl.DataFrame:
    """amount_mills and rounding_mills per fact: half a unit of the last digit the table prints
    (its most precise cell: a table printed to 0.01 万元 that shows '1' means 1.00)."""
    finest = facts.with_columns(pl.col("amount_printed").str.replace_all(r"[,\s]", "").alias("_p")).with_columns(
        pl.when(pl.col("_p").str.contains(r"\."))
        .then(pl.col("_p").str.split(".").list.last().str.len_chars())
        .otherwise(0)
        .max()
        .over("source_file", "table_index")
        .alias("_decimals")
    )
    # worked out once per (decimals, unit) a frame prints, not per fact (a call per fact was a
    # tenth of the checks' time; issue 24)
    pairs = finest.select(pl.col("_decimals"), pl.col("unit_printed")).unique()
    rounding = pairs.with_columns(
        pl.Series(
            "rounding_mills",
            [int(rounding_yuan("0." + "0" * d if d else "0", u) * MILLS_PER_YUAN) for d, u in pairs.iter_rows()],
            dtype=pl.Int64,
        )
    )
    return facts.with_columns(
        (pl.col("amount_yuan").cast(pl.Decimal(20, 3)) * MILLS_PER_YUAN).cast(pl.Int64).alias("amount_mills"),
        finest.select("_decimals", "unit_printed")
        .join(rounding, on=["_decimals", "unit_printed"], how="left", nulls_equal=True, maintain_order="left")
        .get_column("rounding_mills"),
    )


def certain(facts: pl.DataFrame, uncertain_rows: set[tuple[str, int, int]]) -> pl.DataFrame:
    """The facts outside the (source_file, table_index, row_index) rows given: rows holding a
    number whose column is unknown take no part in a sum."""
    if not uncertain_rows:
        return facts
    keys = ("source_file", "table_index", "row_index")
    rows = pl.DataFrame(list(uncertain_rows), schema=[(c, facts.schema[c]) for c in keys], orient="row")
    return facts.join(rows, on=list(keys), how="anti", maintain_order="left")


def position_column() -> pl.Expr:
    """`position` of every row of a frame, as a polars expression."""
    page, line = pl.col("page").cast(pl.String), pl.col("line").cast(pl.String)
    return (
        pl.when(pl.col("page").is_not_null())
        .then(
            pl.concat_str(
                [pl.lit("page "), page, pl.when(line.is_not_null()).then(pl.lit(", line ") + line).otherwise(pl.lit(""))]
            )
        )
        .when(line.is_not_null())
        .then(pl.lit("line ") + line)
        .otherwise(pl.lit(""))
    )


def subject_of(df: pl.DataFrame) -> pl.Expr:
    """Code and printed name, else the row label: how a finding names the row."""
    code = pl.coalesce("function_code", "economic_code", "gov_economic_code")
    name = pl.coalesce("function_name", "economic_name", "gov_economic_name", "row_label")
    return (
        pl.when(code.is_not_null()).then(pl.concat_str([code, pl.lit(" "), name.fill_null("")]).str.strip_chars()).otherwise(name)
    )


# A comparison before its difference is worked out: what `compared` makes.
COMPARED_SCHEMA = {
    **{k: v for k, v in COMPARISON_SCHEMA.items() if k not in ("difference_mills", "abs_difference_mills")},
    "cells": pl.String,
}


def comparisons(rows: list[dict]) -> pl.DataFrame:
    """Rows of {facts of the observed cell..., expected_mills, observed_mills, tolerance_mills,
    n_cells, rule, detail} -> the comparison frame, with the difference worked out."""
    return comparison_frame(pl.DataFrame(rows, schema=COMPARED_SCHEMA, strict=False))


def compared_columns(
    rule: pl.Expr,
    expected: str,
    observed: str,
    tolerance: pl.Expr,
    n_cells: pl.Expr,
    detail: pl.Expr,
    parts_keys: str,
    n_ocr: pl.Expr,
) -> list[pl.Expr]:
    """`compared` as the columns of a frame whose rows are the observed cells joined to the sums
    of their parts: the cell's own COMPARED_KEPT, `expected` and `observed` (column names), and
    the cells' keys, the observed cell's (`_key`) first, then the parts' (`parts_keys`, joined)."""
    return [
        *COMPARED_KEPT,
        rule.alias("rule"),
        pl.col(expected).alias("expected_mills"),
        pl.col(observed).alias("observed_mills"),
        tolerance.alias("tolerance_mills"),
        n_cells.alias("n_cells"),
        detail.alias("detail"),
        pl.concat_str(["_key", parts_keys], separator=CELL_SEPARATOR).alias("cells"),
        n_ocr.alias("n_ocr_cells"),
    ]


def comparison_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """A frame of COMPARED_SCHEMA (what `compared` makes, the cells' keys as one joined string)
    -> the comparison frame."""
    frame = frame.select([pl.col(c).cast(t) for c, t in COMPARED_SCHEMA.items()]).with_columns(
        (pl.col("observed_mills") - pl.col("expected_mills")).alias("difference_mills"),
        pl.col("cells").str.split(CELL_SEPARATOR).list.filter(pl.element() != ""),
    )
    return frame.with_columns(pl.col("difference_mills").abs().alias("abs_difference_mills")).select(list(COMPARISON_SCHEMA))


# `compared` joins a comparison's cell keys into one string and `comparisons` splits them in one
# polars pass: a Python list per row made polars build a Series per comparison (40,000 of them,
# 1.5 s of the 9 s the checks of 200 documents took; issue 24's profile).
CELL_SEPARATOR = "|"


# What `compared` takes of the observed cell as it is, and reads of every cell (its amount and
# rounding, its cell_key, whether OCR read it).
COMPARED_KEPT = (*PRINTED_IN, "subject", "measure", "fund_source", "column_header", "row_index", "col_index", "line", "page")
COMPARED_COLUMNS = (*COMPARED_KEPT, "amount_mills", "rounding_mills", "read_by")


def compared(observed: dict, parts: list[dict], rule: str, detail: str) -> dict:
    """A comparison row: `observed` (a fact) against the sum of `parts` (facts)."""
    return {
        **{k: observed[k] for k in COMPARED_KEPT},
        "rule": rule,
        "expected_mills": sum(p["amount_mills"] for p in parts),
        "observed_mills": observed["amount_mills"],
        "tolerance_mills": observed["rounding_mills"] + sum(p["rounding_mills"] for p in parts),
        "n_cells": len(parts) + 1,
        "detail": detail,
        "cells": CELL_SEPARATOR.join(c for c in (cell_key(f) for f in [observed, *parts]) if c is not None),
        "n_ocr_cells": sum(f.get("read_by") == "ocr" for f in [observed, *parts]),
    }


def cell_key(fact: dict) -> str | None:
    """'table:row:col' of a printed cell of the document; None for a figure of the narrative."""
    table, row, col = fact.get("table_index"), fact.get("row_index"), fact.get("col_index")
    if table is None or row is None or col is None:
        return None
    return f"{table}:{row}:{col}"  # per comparison cell: the hot loop of the checks; cell_key_column is its twin


def cell_key_column() -> pl.Expr:
    """cell_key of every row of a frame of cells, as a polars expression (NULL where a part is)."""
    return pl.concat_str(["table_index", "row_index", "col_index"], separator=":")


def position(row: dict) -> str:
    """Where a cell was printed, as a reader looks it up: 'page 6, line 26' in a PDF, 'line 26' in a text."""
    page, line = row.get("page"), row.get("line")
    if page is not None:
        return f"page {page}" + (f", line {line}" if line is not None else "")
    return f"line {line}" if line is not None else ""
