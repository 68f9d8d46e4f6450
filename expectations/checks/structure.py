"""The facts and tables as the structure and table suites see them."""

from __future__ import annotations

import re

import polars as pl

from expectations.checks.cells import subject_of, with_mills

_TITLE_YEAR = re.compile(r"^(?:\d{3,}\s*)?((?:19|20)\d{2})\s*年|[（(]((?:19|20)\d{2})\s*年度?[)）]")


def fact_rows(facts: pl.DataFrame) -> pl.DataFrame:
    """Facts with amount_mills, rounding_mills, subject and position (line, else page)."""
    out = with_mills(facts)
    return out.with_columns(subject_of(out).alias("subject"), pl.coalesce("line", "page").alias("position"))


def title_year(title: str | None) -> int | None:
    """The budget year a table title states ('2020年部门综合预算收支总表', '…(2023年度)'), if any."""
    m = _TITLE_YEAR.search(title or "")
    return int(m.group(1) or m.group(2)) if m else None


def table_rows(tables: pl.DataFrame) -> pl.DataFrame:
    """Tables (and headings naming the document: stated_year) with the year their title states and
    whether it is the document's year."""
    stated = tables["stated_year"].to_list() if "stated_year" in tables.columns else [None] * tables.height
    years = [s if s is not None else title_year(t) for s, t in zip(stated, tables["table_title"].to_list())]
    out = tables.with_columns(pl.Series("title_year", years, dtype=pl.Int32))
    return out.with_columns(
        (
            pl.col("title_year").is_null() | pl.col("fiscal_year").is_null() | (pl.col("title_year") == pl.col("fiscal_year"))
        ).alias("title_year_matches"),
        pl.coalesce(*(["row_label"] if "row_label" in tables.columns else []), "table_title", "table_number").alias("subject"),
    )
