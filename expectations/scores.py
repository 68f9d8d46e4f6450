"""A verdict per document a reader can sort by: of the sums the document prints (roll-ups, row
identities, totals, cross-statement figures) how many hold, and of the figures its narrative
restates from its tables how many are confirmed, and of the tables its kind and scope require how
many it prints — counted on the check frames themselves, so a document is judged by what was
checked, not only by what failed. Pure: frames in, one row per document out."""

from __future__ import annotations

import polars as pl

from expectations.checks.cells import COMPARISON_SCHEMA
from expectations.checks.execution import RULES as EXECUTION_RULES
from expectations.checks.narrative import RULES as NARRATIVE_RULES

SCORE_SCHEMA = {
    "source_file": pl.String,
    "sums_checked": pl.Int32,
    "sums_holding": pl.Int32,
    "narrative_checked": pl.Int32,
    "narrative_confirmed": pl.Int32,
    "required_tables": pl.Int32,
    "required_tables_printed": pl.Int32,  # NULL: kind or scope unknown
}
_NARRATIVE = set(NARRATIVE_RULES) | set(EXECUTION_RULES)


def document_scores(frames: dict[str, pl.DataFrame | None]) -> pl.DataFrame:
    """Per document: sums checked and holding (within the rounding of their cells), narrative
    figures checked against the tables or their own arithmetic and confirmed."""
    parts = [f for f in (frames.get("rollups"), frames.get("reconciliation")) if f is not None and f.height]
    documents = frames.get("documents")
    required = (
        documents.select(
            "source_file",
            pl.col("n_required").alias("required_tables"),
            pl.col("n_required_present").alias("required_tables_printed"),
        )
        if documents is not None and "n_required" in documents.columns
        else pl.DataFrame(schema={"source_file": pl.String, "required_tables": pl.Int32, "required_tables_printed": pl.Int32})
    )
    columns = ("source_file", "rule", "abs_difference_mills", "tolerance_mills")
    rows = (
        pl.concat([p.select(columns) for p in parts])
        if parts
        else pl.DataFrame(schema={c: COMPARISON_SCHEMA[c] for c in columns})
    )
    holds = pl.col("abs_difference_mills") <= pl.col("tolerance_mills")
    narrative = pl.col("rule").is_in(list(_NARRATIVE))
    sums = rows.group_by("source_file").agg(
        (~narrative).sum().cast(pl.Int32).alias("sums_checked"),
        (~narrative & holds).sum().cast(pl.Int32).alias("sums_holding"),
        narrative.sum().cast(pl.Int32).alias("narrative_checked"),
        (narrative & holds).sum().cast(pl.Int32).alias("narrative_confirmed"),
    )
    # a document with required tables but no sum checked counts zeros; one with sums but no verdict on its
    # tables (kind or scope unknown, or no documents frame) has NULL required tables
    sums = sums.join(required, on="source_file", how="full", coalesce=True).with_columns(
        pl.col(c).fill_null(0) for c in ("sums_checked", "sums_holding", "narrative_checked", "narrative_confirmed")
    )
    return sums.sort("source_file").select([pl.col(c).cast(t) for c, t in SCORE_SCHEMA.items()])
