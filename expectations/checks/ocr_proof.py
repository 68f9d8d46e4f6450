"""Which figures read by OCR the document's own arithmetic proves.

A budget table is full of sums: a row identity (合计 = 基本支出 + 项目支出), a roll-up (a 款 = its
项), a total, the same figure in another table. A figure read by OCR is *proven* when at least one
such comparison that takes it holds within the rounding of its cells: a misread digit would break
every sum the figure is part of, and a sum holding by accident with a misread figure needs another
misread figure off by exactly as much. What no holding sum takes stays *unproven* (a warning
finding, `ocr_unverified`, rule of the structure suite); a sum that fails with OCR'd cells in it is
reported as its rule's error, saying so (expectations/findings.py).

Pure: the comparison frames the suites check (expectations/checks/cells.COMPARISON_SCHEMA, whose
`cells` lists the cells each comparison took) and the facts in, one proof per OCR fact out.
"""

from __future__ import annotations

import polars as pl

from expectations.checks.cells import cell_key_column

PROVEN, UNPROVEN = "proven", "unproven"
# What a fact read from a scan must share with the same fact read from the text layer to count as
# identical (issue 21's bar, measured by bench/ocr_scans.py and tests/corpus/test_corpus_scans.py).
SCAN_SAME_AS_TEXT = [
    "function_code",
    "economic_code",
    "gov_economic_code",
    "measure",
    "fund_source",
    "amount_yuan",
    "amount_printed",
    "row_index",
    "col_index",
    "column_header",
]
PROOF_SCHEMA = {
    "source_file": pl.String,
    "table_index": pl.Int32,
    "row_index": pl.Int32,
    "col_index": pl.Int32,
    "ocr_proof": pl.String,
}


def with_read_by(facts: pl.DataFrame) -> pl.DataFrame:
    """Facts of a warehouse or a hand-made frame without the columns saying how they were read: text."""
    if "read_by" not in facts.columns:
        facts = facts.with_columns(pl.lit("text").alias("read_by"))
    if "ocr_confidence" not in facts.columns:
        facts = facts.with_columns(pl.lit(None, pl.Float64).alias("ocr_confidence"))
    return facts


def holding_cells(comparisons: list[pl.DataFrame | None]) -> pl.DataFrame:
    """(source_file, cell key) of every cell some holding comparison took."""
    parts = [
        c.filter(pl.col("abs_difference_mills") <= pl.col("tolerance_mills")).select("source_file", "cells")
        for c in comparisons
        if c is not None and c.height and "cells" in c.columns
    ]
    if not parts:
        return pl.DataFrame(schema={"source_file": pl.String, "cell": pl.String})
    return pl.concat(parts).explode("cells").drop_nulls("cells").rename({"cells": "cell"}).unique()


def ocr_proofs(facts: pl.DataFrame, comparisons: list[pl.DataFrame | None]) -> pl.DataFrame:
    """Per fact read by OCR: 'proven' when a holding comparison took it, else 'unproven'."""
    ocr = facts.filter(pl.col("read_by") == "ocr").select("source_file", "table_index", "row_index", "col_index")
    if not ocr.height:
        return pl.DataFrame(schema=PROOF_SCHEMA)
    keyed = ocr.with_columns(cell_key_column().alias("cell"))
    held = holding_cells(comparisons).with_columns(pl.lit(True).alias("_held"))
    out = keyed.join(held, on=["source_file", "cell"], how="left")
    return out.select(
        "source_file",
        "table_index",
        "row_index",
        "col_index",
        pl.when(pl.col("_held").fill_null(False)).then(pl.lit(PROVEN)).otherwise(pl.lit(UNPROVEN)).alias("ocr_proof"),
    ).cast(PROOF_SCHEMA)


def with_proofs(rows: pl.DataFrame, proofs: pl.DataFrame) -> pl.DataFrame:
    """The structure suite's fact rows with `ocr_proof` (None for figures of a text layer)."""
    return rows.join(proofs, on=["source_file", "table_index", "row_index", "col_index"], how="left")
