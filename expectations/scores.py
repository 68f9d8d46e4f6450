"""A verdict per document a reader can sort by: of the sums the document prints (roll-ups, row
identities, totals, cross-statement figures) how many hold, and of the figures its narrative
restates from its tables how many are confirmed — counted on the check frames themselves, so a
document is judged by what was checked, not only by what failed. Pure: frames in, one row per
document out."""
from __future__ import annotations

import polars as pl

from expectations.checks.execution import RULES as EXECUTION_RULES
from expectations.checks.narrative import RULES as NARRATIVE_RULES

SCORE_SCHEMA = {
    "source_file": pl.String, "sums_checked": pl.Int32, "sums_holding": pl.Int32,
    "narrative_checked": pl.Int32, "narrative_confirmed": pl.Int32,
}
_NARRATIVE = set(NARRATIVE_RULES) | set(EXECUTION_RULES)


def document_scores(frames: dict[str, pl.DataFrame | None]) -> pl.DataFrame:
    """Per document: sums checked and holding (within the rounding of their cells), narrative
    figures checked against the tables or their own arithmetic and confirmed."""
    parts = [f for f in (frames.get("rollups"), frames.get("reconciliation")) if f is not None and f.height]
    if not parts:
        return pl.DataFrame(schema=SCORE_SCHEMA)
    rows = pl.concat([p.select("source_file", "rule", "abs_difference_mills", "tolerance_mills") for p in parts])
    holds = pl.col("abs_difference_mills") <= pl.col("tolerance_mills")
    narrative = pl.col("rule").is_in(list(_NARRATIVE))
    return rows.group_by("source_file").agg(
        (~narrative).sum().cast(pl.Int32).alias("sums_checked"),
        (~narrative & holds).sum().cast(pl.Int32).alias("sums_holding"),
        narrative.sum().cast(pl.Int32).alias("narrative_checked"),
        (narrative & holds).sum().cast(pl.Int32).alias("narrative_confirmed"),
    ).sort("source_file").select(list(SCORE_SCHEMA))
