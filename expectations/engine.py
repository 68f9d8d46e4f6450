"""The suites' expectations evaluated on a check frame in one vectorised polars pass.

The suites stay Great Expectations suites (gx/expectations/<suite>.json, rendered in Data Docs);
what runs them in the nightly is this module, because GX's pandas path cost ~1.5 s a suite a
pass in metric graphs, pydantic configurations and row conditions through `DataFrame.query`
(issue 24's profile: 10.6 s of a 22 s validation of 200 documents, plus 4.5 s importing GX).
Each expectation type below reproduces GX 1.x's semantics for the arguments the suites use, and
`tests/expectations/test_engine_matches_gx.py` runs GX itself on the same frames and asserts the
same failing rows, expectation by expectation. An expectation type or argument this module does
not know is an error, never a silent pass.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polars as pl

SUITES_DIR = Path(__file__).resolve().parent / "gx" / "expectations"


@dataclass(frozen=True)
class Outcome:
    """One expectation on one frame: the rows it judged and the rows that failed it (their
    positions in the frame, as GX's unexpected_index_list)."""

    expectation: dict  # the suite's JSON entry: type, kwargs, meta, severity
    element_count: int  # rows after the row condition
    evaluated: int  # rows judged (GX leaves out a column map's nulls)
    unexpected: list[int]

    @property
    def success(self) -> bool:
        return not self.unexpected


@cache
def suite(name: str) -> tuple[dict, ...]:
    """The expectations of a suite, as stored for Great Expectations."""
    return tuple(json.loads((SUITES_DIR / f"{name}.json").read_text(encoding="utf-8"))["expectations"])


def evaluate(name: str, frame: pl.DataFrame) -> list[Outcome]:
    """Every expectation of suite `name` on `frame`."""
    return evaluate_all(suite(name), frame, name)


def evaluate_all(expectations: tuple[dict, ...], frame: pl.DataFrame, name: str = "?") -> list[Outcome]:
    """Each expectation (GX's JSON form) on `frame`: all masks computed in one polars select."""
    indexed = frame.with_row_index("__row")
    columns = []
    for i, e in enumerate(expectations):
        kwargs = dict(e["kwargs"])
        condition = _condition(kwargs.pop("row_condition", None))
        kwargs.pop("condition_parser", None)
        rule = _RULES.get(e["type"])
        if rule is None:
            raise ValueError(f"expectation type not supported by expectations/engine.py: {e['type']} (suite {name})")
        judged, failed = rule(kwargs, condition)
        columns += [condition.alias(f"c{i}"), (condition & judged).alias(f"j{i}"), (condition & judged & failed).alias(f"f{i}")]
    masks = indexed.select(pl.col("__row"), *columns)
    counts = masks.select(pl.exclude("__row").sum()).row(0, named=True)
    out = []
    for i, e in enumerate(expectations):
        unexpected = masks.filter(pl.col(f"f{i}"))["__row"].to_list() if counts[f"f{i}"] else []
        out.append(Outcome(e, counts[f"c{i}"], counts[f"j{i}"], unexpected))
    return out


def _condition(row_condition: dict | None) -> pl.Expr:
    """GX's structured row condition: the suites only compare a column with a value."""
    if row_condition is None:
        return pl.lit(True)
    if row_condition.get("type") != "comparison" or row_condition.get("operator") != "==":
        raise ValueError(f"row condition not supported by expectations/engine.py: {row_condition}")
    return (pl.col(row_condition["column"]["name"]) == pl.lit(row_condition["parameter"])).fill_null(False)


def _column(kwargs: dict) -> pl.Expr:
    return pl.col(kwargs.pop("column"))


def _done(kwargs: dict, judged: pl.Expr, failed: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    if kwargs:
        raise ValueError(f"expectation arguments not supported by expectations/engine.py: {sorted(kwargs)}")
    return judged, failed.fill_null(True)


# Column map expectations judge the non-null values only (GX's default for them).
def _not_null(kwargs: dict, _where: pl.Expr):
    c = _column(kwargs)
    return _done(kwargs, pl.lit(True), c.is_null())


def _null(kwargs: dict, _where: pl.Expr):
    c = _column(kwargs)
    return _done(kwargs, pl.lit(True), c.is_not_null())


def _between(kwargs: dict, _where: pl.Expr):
    c = _column(kwargs)
    low, high = kwargs.pop("min_value", None), kwargs.pop("max_value", None)
    strict_low, strict_high = kwargs.pop("strict_min", False), kwargs.pop("strict_max", False)
    ok = pl.lit(True)
    if low is not None:
        ok = ok & ((c > low) if strict_low else (c >= low))
    if high is not None:
        ok = ok & ((c < high) if strict_high else (c <= high))
    return _done(kwargs, c.is_not_null(), ~ok)


def _in_set(kwargs: dict, _where: pl.Expr):
    c = _column(kwargs)
    values = kwargs.pop("value_set")
    return _done(kwargs, c.is_not_null(), ~c.is_in(values))


def _not_in_set(kwargs: dict, _where: pl.Expr):
    c = _column(kwargs)
    values = kwargs.pop("value_set")
    return _done(kwargs, c.is_not_null(), c.is_in(values))


def _match_regex(kwargs: dict, _where: pl.Expr):
    c = _column(kwargs)
    regex = kwargs.pop("regex")
    return _done(kwargs, c.is_not_null(), ~c.cast(pl.String).str.contains(regex))


def _a_greater_than_b(kwargs: dict, _where: pl.Expr):
    """GX ignores a row only when both values are missing; one missing value fails the row."""
    a, b = pl.col(kwargs.pop("column_A")), pl.col(kwargs.pop("column_B"))
    ok = (a >= b) if kwargs.pop("or_equal", False) else (a > b)
    return _done(kwargs, a.is_not_null() | b.is_not_null(), ~ok)


def _compound_unique(kwargs: dict, where: pl.Expr):
    """Every row of a duplicated combination fails (pandas `duplicated(keep=False)`); a row whose
    columns are all missing is not judged."""
    columns = kwargs.pop("column_list")
    judged = pl.any_horizontal([pl.col(c).is_not_null() for c in columns])
    return _done(kwargs, judged, pl.when(where & judged).then(pl.struct(columns)).is_duplicated())


_RULES: dict[str, Callable[[dict, pl.Expr], tuple[pl.Expr, pl.Expr]]] = {
    "expect_column_values_to_not_be_null": _not_null,
    "expect_column_values_to_be_null": _null,
    "expect_column_values_to_be_between": _between,
    "expect_column_values_to_be_in_set": _in_set,
    "expect_column_values_to_not_be_in_set": _not_in_set,
    "expect_column_values_to_match_regex": _match_regex,
    "expect_column_pair_values_a_to_be_greater_than_b": _a_greater_than_b,
    "expect_compound_columns_to_be_unique": _compound_unique,
}
