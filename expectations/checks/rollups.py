"""Roll-ups inside one detail table: 项 → 款 → 类 → 合计 down each column, and the row
identities across its columns (合计 = 基本支出 + 项目支出; 小计 = 人员经费 + 公用经费; 合计 =
the fund sources). Summary tables (收支总表) have their own arithmetic: see reconcile.

Vectorised over every table of the frame: only the printed rows (expectations.checks.subjects)
and each table's column headers reach Python, to tell what nests under what and which columns
add up; the cells are summed in polars joins (a row to Python per cell was 1.7 ms a synthetic
document, most of the checks' time; issue 24)."""

from __future__ import annotations

from functools import lru_cache

import polars as pl

from expectations.checks.cells import (
    CELL_SEPARATOR,
    COMPARED_COLUMNS,
    cell_key_column,
    certain,
    compared_columns,
    comparison_frame,
    comparisons,
)
from expectations.checks.subjects import SUBJECT, TABLE, nesting, subject_rows
from transform.arithmetic import column_identities
from transform.statements import ALL as STATEMENTS

SUMMARY_KINDS = {s.kind for s in STATEMENTS if s.layout == "summary"}

CODE_ROLLUP, TOTAL_ROLLUP, ROW_IDENTITY = "code_rollup", "total_rollup", "row_identity"
# What the roll-ups read of a fact: a comparison's own columns, the codes and label a row is told by.
ROLLUP_COLUMNS = [*COMPARED_COLUMNS, *(c for c in SUBJECT if c not in COMPARED_COLUMNS)]
_ORDER = ["_table", "_part", "_a", "_b", "_c"]  # the comparisons in the order a table's rows and columns print them
_SUMMED = ["_key", "amount_mills", "rounding_mills", "_ocr"]


def rollup_comparisons(facts: pl.DataFrame, uncertain_rows: set[tuple[str, int, int]] = frozenset()) -> pl.DataFrame:
    """One comparison per parent cell and per identity total cell. `facts` carry amount_mills,
    rounding_mills and subject (expectations.checks.cells); rows in `uncertain_rows` (a number
    whose column is unknown) take no part."""
    detail = facts.filter(~pl.col("statement").is_in(list(SUMMARY_KINDS))).select(ROLLUP_COLUMNS)
    cells = certain(detail, uncertain_rows).with_columns(
        cell_key_column().alias("_key"), (pl.col("read_by") == "ocr").cast(pl.Int32).alias("_ocr")
    )
    if cells.is_empty():
        return comparisons([])
    subjects, cells = subject_rows(cells)
    found = pl.concat([_nesting(subjects, cells), _identities(cells, _columns(detail))], how="vertical_relaxed")
    return comparison_frame(found.sort(_ORDER))


def _nesting(subjects: pl.DataFrame, cells: pl.DataFrame) -> pl.DataFrame:
    """Down each column, within each code group (expectations.checks.subjects)."""
    links = nesting(subjects).with_columns(pl.col("_child_pos").min().over("_parent").alias("_b"))
    parts = links.join(subjects.select("_sid", "_lead", "_seq"), left_on="_child", right_on="_sid").join(
        cells.select("_sid", "col_index", *_SUMMED), left_on="_child", right_on="_sid"
    )
    summed = parts.group_by("_parent", "col_index").agg(
        pl.len().alias("_n"),
        pl.col("_lead").sort_by("_child_pos").str.join(", ").alias("_what"),
        pl.col("_key").sort_by("_child_pos").str.join(CELL_SEPARATOR).alias("_keys"),
        pl.col("amount_mills").sum().alias("_expected"),
        pl.col("rounding_mills").sum().alias("_rounding"),
        pl.col("_ocr").sum().alias("_ocrs"),
        pl.col("_total").first(),
        pl.col("_seq").first().alias("_a"),
        pl.col("_b").first(),
    )
    observed = cells.join(summed, left_on=["_sid", "col_index"], right_on=["_parent", "col_index"])
    return _compared(
        observed,
        pl.when(pl.col("_total")).then(pl.lit(TOTAL_ROLLUP)).otherwise(pl.lit(CODE_ROLLUP)),
        pl.format("sum of {} rows printed under it ({})", "_n", "_what"),
        part=0,
        a=pl.col("_a"),
        b=pl.col("_b"),
        c=pl.col("col_index"),
    )


def _columns(detail: pl.DataFrame) -> dict[tuple[str, int], list[tuple[int, str | None]]]:
    """(col_index, column_header) of each table's columns, in column order."""
    out: dict[tuple[str, int], list[tuple[int, str | None]]] = {}
    for file, table, col, header in detail.select(*TABLE, "col_index", "column_header").unique(maintain_order=True).iter_rows():
        out.setdefault((file, table), []).append((col, header))
    return {key: sorted(columns, key=lambda c: c[0]) for key, columns in out.items()}


@lru_cache(maxsize=4096)
def _identities_of(headers: tuple[str | None, ...]) -> tuple[tuple[int, tuple[int, ...], str], ...]:
    """(total column, part columns, detail) of each identity of a table printing `headers`: tables
    repeat the same headers across documents."""
    return tuple(
        (i.total, i.parts, f"{headers[i.total]} = {' + '.join(headers[p] for p in i.parts)}")
        for i in column_identities([tuple((h or "").split("/")) for h in headers])
    )


def _identities(cells: pl.DataFrame, columns: dict[tuple[str, int], list[tuple[int, str | None]]]) -> pl.DataFrame:
    """Across each row: a total column against the columns it is the sum of."""
    rows = []
    for (file, table), cols in columns.items():
        for j, (total, parts, detail) in enumerate(_identities_of(tuple(h for _, h in cols))):
            rows += [(file, table, j, cols[total][0], cols[p][0], k, detail) for k, p in enumerate(parts)]
    schema = {
        "source_file": cells.schema["source_file"],
        "table_index": cells.schema["table_index"],
        "_c": pl.Int64,
        "_total_col": cells.schema["col_index"],
        "col_index": cells.schema["col_index"],
        "_part_pos": pl.Int64,
        "_detail": pl.String,
    }
    identities = pl.DataFrame(rows, schema=schema, orient="row")
    summed = (
        identities.join(cells.select(*TABLE, "row_index", "col_index", *_SUMMED), on=[*TABLE, "col_index"])
        .group_by(*TABLE, "row_index", "_c")
        .agg(
            pl.col("_key").sort_by("_part_pos").str.join(CELL_SEPARATOR).alias("_keys"),
            pl.col("amount_mills").sum().alias("_expected"),
            pl.col("rounding_mills").sum().alias("_rounding"),
            pl.col("_ocr").sum().alias("_ocrs"),
            pl.len().alias("_n"),
            pl.col("_total_col").first(),
            pl.col("_detail").first(),
        )
    )
    observed = cells.join(summed, left_on=[*TABLE, "row_index", "col_index"], right_on=[*TABLE, "row_index", "_total_col"])
    rule, detail = pl.lit(ROW_IDENTITY), pl.col("_detail")
    return _compared(observed, rule, detail, part=1, a=pl.lit(0), b=pl.col("row_index"), c=pl.col("_c"))


def _compared(
    observed: pl.DataFrame, rule: pl.Expr, detail: pl.Expr, part: int, a: pl.Expr, b: pl.Expr, c: pl.Expr
) -> pl.DataFrame:
    """The comparison rows of observed cells joined to the sums of their parts, with their order
    (_ORDER)."""
    return observed.select(
        *compared_columns(
            rule,
            "_expected",
            "amount_mills",
            pl.col("rounding_mills") + pl.col("_rounding"),
            pl.col("_n") + 1,
            detail,
            "_keys",
            pl.col("_ocr") + pl.col("_ocrs"),
        ),
        pl.col("_table"),
        pl.lit(part).alias("_part"),
        *(e.cast(pl.Int64).alias(name) for e, name in ((a, "_a"), (b, "_b"), (c, "_c"))),
    )
