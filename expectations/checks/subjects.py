"""A table's printed rows as the checks see them, for every table of a frame at once: one row per
printed subject (a table row, or one code group of a row printing groups side by side: 决算
基本支出表 301 … | 决算数 | 302 … | 决算数), told apart by its codes and label, with the sequence it
nests in (one per code group, so that each group nests on its own) and its place there. A subject
belongs to the group whose columns it starts in, as the rows printing every group show them.

Only the subjects reach Python, to follow the printed nesting (transform.arithmetic.printed_nesting);
the cells stay in polars. The checks used to walk each table's cells as Python dicts: a row to
Python for every cell was most of the roll-ups' time (1.7 ms a synthetic document; issue 24)."""

from __future__ import annotations

from itertools import groupby

import polars as pl

from transform.arithmetic import TOTAL_LABELS, printed_nesting

TABLE = ("source_file", "table_index")
SUBJECT = ("function_code", "economic_code", "gov_economic_code", "row_label")  # what tells a row's subjects apart
SUBJECT_KEY = [*TABLE, "row_index", *SUBJECT]


def subject_rows(cells: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(subjects, cells with their subject's `_sid`). A subject's row carries its first cell's
    columns (the one printed leftmost), `_table` (tables in the order they come), `_seq` (its
    code group, left to right) and `_pos` (its place in that sequence), and `_lead` (the code the
    row is known by: its function code, else its economic code, else its government economic
    code). The cells come sorted by table,
    row and column."""
    order = cells.select(TABLE).unique(maintain_order=True).with_row_index("_table")
    cells = cells.join(order, on=TABLE, how="left", nulls_equal=True, maintain_order="left").sort(
        "_table", "row_index", "col_index", maintain_order=True
    )
    subjects = (
        cells.group_by(SUBJECT_KEY, maintain_order=True)
        .agg(pl.all().first(), pl.col("col_index").min().alias("_first"))
        .with_row_index("_sid")
        .with_columns(pl.coalesce("function_code", "economic_code", "gov_economic_code").alias("_lead"))
    )
    subjects = subjects.with_columns(pl.len().over("_table", "row_index").alias("_n"))
    subjects = subjects.with_columns(pl.col("_n").max().over("_table").alias("_widest"))
    # where each code group starts: the leftmost column of the k-th subject of the rows printing every group
    starts = (
        subjects.filter((pl.col("_widest") > 1) & (pl.col("_n") == pl.col("_widest")))
        .with_columns((pl.col("_first").rank("ordinal").over("_table", "row_index") - 1).alias("_k"))
        .group_by("_table", "_k")
        .agg(pl.col("_first").min().alias("_start"))
    )
    grouped = (
        subjects.select("_sid", "_table", "_first")
        .join(starts, on="_table", how="inner")
        .filter(pl.col("_start") <= pl.col("_first"))
        .group_by("_sid")
        .agg(pl.col("_k").max().alias("_seq"))
    )
    subjects = (
        subjects.join(grouped, on="_sid", how="left", maintain_order="left")
        .with_columns(pl.col("_seq").fill_null(0).cast(pl.Int64))
        .with_columns(pl.int_range(pl.len()).over("_table", "_seq").alias("_pos"))
        .drop("_n", "_widest")
    )
    with_sid = cells.join(
        subjects.select(*SUBJECT_KEY, "_sid"), on=SUBJECT_KEY, how="left", nulls_equal=True, maintain_order="left"
    )
    return subjects, with_sid


def nesting(subjects: pl.DataFrame, total_labels: frozenset[str] | set[str] | None = frozenset(TOTAL_LABELS)) -> pl.DataFrame:
    """(parent `_sid`, child `_sid`, child `_pos`, parent_is_total) of every subject printed under
    another, by printed_nesting within each sequence; the 合计 row (no code, a total label) over
    the top-level rows when `total_labels` is given, else no total row."""
    parents, children, positions, totals = [], [], [], []
    rows = subjects.sort("_table", "_seq", "_pos").select("_table", "_seq", "_sid", "_lead", "row_label").rows()
    for _, group in groupby(rows, key=lambda s: s[:2]):  # one sequence: a table's code group
        sequence = list(group)
        codes = [s[3] for s in sequence]
        total = next((i for i, s in enumerate(sequence) if s[3] is None and s[4] in total_labels), None) if total_labels else None
        for parent, kids in printed_nesting(codes, total):
            for child in kids:
                parents.append(sequence[parent][2])
                children.append(sequence[child][2])
                positions.append(child)
                totals.append(parent == total)
    return pl.DataFrame(
        {"_parent": parents, "_child": children, "_child_pos": positions, "_total": totals},
        schema={"_parent": pl.UInt32, "_child": pl.UInt32, "_child_pos": pl.Int64, "_total": pl.Boolean},
    )
