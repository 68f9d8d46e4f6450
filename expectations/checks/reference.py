"""Printed codes and names against the reference classification (data/reference/).

One row per printed code occurrence (table row and scheme) with what the reference says:
name_status is match | renamed (an official former name, still in use that year) |
obsolete (a former name printed after it was retired) | variant (a known other wording) |
similar (close to the reference name: a typo?) | mismatch (another subject's name: the code
or the name is wrong) | unknown_code | no_name. `nests` tells whether the code belongs under
the code printed above it (None when it is printed at the top).

Below those rows, one row per document that prints codes the reference does not know, with
no table or code of its own: `unknown_codes` lists them once per scheme
("function=2013901,2129999;department=30239"), so that a document gets one line listing its
unknown codes (rule reference_code), not a warning for every row that prints one.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import cache, lru_cache

import polars as pl

from expectations.checks.cells import PRINTED_IN
from expectations.checks.subjects import nesting, subject_rows
from transform import codes

SIMILAR = 0.6  # difflib ratio above which a differing name is taken for a misprint of the right one

REFERENCE_SCHEMA = {
    "source_file": pl.String,
    "department": pl.String,
    "fiscal_year": pl.Int32,
    "table_index": pl.Int32,
    "table_title": pl.String,
    "statement": pl.String,
    "row_index": pl.Int32,
    "line": pl.Int32,
    "page": pl.Int32,
    "scheme": pl.String,
    "code": pl.String,
    "printed_name": pl.String,
    "reference_name": pl.String,
    "name_status": pl.String,
    "printed_parent": pl.String,
    "nests": pl.Boolean,
    "subject": pl.String,
    "detail": pl.String,
    "unknown_codes": pl.String,
}
SCHEME_ORDER = (codes.FUNCTION, codes.ECON_DEPARTMENT, codes.ECON_GOVERNMENT)
# Printed (scheme, code, name, year) remembered with their status: a department prints the same
# subjects in several tables and years. Bounded, for a worker that checks a whole nightly.
NAME_STATUSES_KEPT = 65_536

_CODE_FIELDS = (
    (codes.FUNCTION, "function_code", "function_name"),
    (None, "economic_code", "economic_name"),  # scheme from economic_scheme
    (codes.ECON_GOVERNMENT, "gov_economic_code", "gov_economic_name"),
)
# What the rows here read of a fact (a row to Python is most of their cost): where it was printed,
# its codes and names, and what expectations.checks.subjects tells rows apart by.
REFERENCE_READS = [
    *PRINTED_IN,
    "row_index",
    "col_index",
    "line",
    "page",
    "economic_scheme",
    "row_label",
    *(f for _, code, name in _CODE_FIELDS for f in (code, name)),
]


@cache
def _reference(scheme: str) -> dict[str, dict]:
    return {row["code"]: row for row in codes.reference_rows(scheme)}


@lru_cache(maxsize=NAME_STATUSES_KEPT)
def name_status(scheme: str, code: str, printed: str | None, year: int | None) -> tuple[str, str | None, str]:
    """(status, reference name, explanation) of one printed code and name."""
    ref = _reference(scheme).get(code)
    if ref is None:
        return "unknown_code", None, f"{code} is not in the reference classification ({scheme})"
    name = ref["name"]
    if not printed:
        return "no_name", name, ""
    key = codes.name_key(printed)
    if key == codes.name_key(name):
        return "match", name, ""
    for former, until in codes.former_names(ref).items():
        if key == codes.name_key(former):
            if year is not None and year > until:
                return "obsolete", name, f"'{printed}' is the name {code} had until {until}; since then '{name}'"
            return "renamed", name, f"'{printed}' is the name {code} had until {until} (now '{name}')"
    if key in {codes.name_key(a) for a in codes.aliases(ref)}:
        return "variant", name, f"'{printed}' is a known other wording of '{name}'"
    ratio = SequenceMatcher(None, key, codes.name_key(name)).ratio()
    if ratio >= SIMILAR:
        return "similar", name, f"'{printed}' differs from the reference name '{name}' (misprint?)"
    return "mismatch", name, f"{code} is '{name}', but the row prints '{printed}'"


def reference_rows(facts: pl.DataFrame) -> pl.DataFrame:
    """One row per (table row, scheme, code) printed in `facts`: each printed row's first cell,
    in the order the tables and their code groups print them (expectations.checks.subjects), with
    the code printed above it (transform.arithmetic.printed_nesting, no total row). The reference's
    verdict is looked up once per distinct (scheme, code, name, year), not per row (a row to
    Python each was ~1 ms a synthetic document; issue 24)."""
    subjects, _ = subject_rows(facts.select(REFERENCE_READS))
    above = nesting(subjects, total_labels=None).join(
        subjects.select("_sid", pl.col("_lead").alias("_above")), left_on="_parent", right_on="_sid"
    )
    printed = subjects.join(above.select(pl.col("_child").alias("_sid"), "_above"), on="_sid", how="left")
    occurrences = pl.concat(
        [
            printed.select(
                *PRINTED_IN,
                "row_index",
                "line",
                "page",
                "_table",
                "_seq",
                "_pos",
                pl.lit(k).alias("_field"),
                (pl.lit(scheme) if scheme else pl.col("economic_scheme")).cast(pl.String).alias("scheme"),
                pl.col(code).alias("code"),
                pl.col(name).alias("printed_name"),
                pl.when(pl.col(code) == pl.col("_lead")).then(pl.col("_above")).alias("printed_parent"),
            ).filter(pl.col("code").is_not_null() & (pl.col("code") != ""))
            for k, (scheme, code, name) in enumerate(_CODE_FIELDS)
        ]
    ).sort("_table", "_seq", "_pos", "_field")
    rows = occurrences.join(_verdicts(occurrences), on=_VERDICT_KEY, how="left", nulls_equal=True, maintain_order="left")
    nests = pl.col("code").str.starts_with(pl.col("printed_parent"))
    rows = rows.with_columns(
        nests.alias("nests"),
        pl.concat_str([pl.col("code"), pl.lit(" "), pl.col("printed_name").fill_null("")]).str.strip_chars().alias("subject"),
        pl.when(pl.col("printed_parent").is_null() | nests)
        .then(pl.col("_detail"))
        .otherwise(
            pl.format(
                "{} is printed under {}, which is not its parent {}",
                "code",
                "printed_parent",
                pl.col("code").map_elements(codes.parent_of, return_dtype=pl.String),
            )
        )
        .alias("detail"),
        pl.lit(None, pl.String).alias("unknown_codes"),
    ).select(list(REFERENCE_SCHEMA))
    unknown = unknown_code_rows(rows.filter(pl.col("name_status") == "unknown_code").to_dicts())
    return pl.concat([rows.cast(REFERENCE_SCHEMA), pl.DataFrame(unknown, schema=REFERENCE_SCHEMA)])


_VERDICT_KEY = ["scheme", "code", "printed_name", "fiscal_year"]


def _verdicts(occurrences: pl.DataFrame) -> pl.DataFrame:
    """name_status of each distinct printed (scheme, code, name, year)."""
    distinct = occurrences.select(_VERDICT_KEY).unique(maintain_order=True)
    verdicts = [name_status(*key) for key in distinct.iter_rows()]
    return distinct.with_columns(
        pl.Series("name_status", [v[0] for v in verdicts], dtype=pl.String),
        pl.Series("reference_name", [v[1] for v in verdicts], dtype=pl.String),
        pl.Series("_detail", [v[2] for v in verdicts], dtype=pl.String),
    )


def encode_unknown(found: dict[str, set[str]]) -> str:
    """{'function': {'2129999', '2013901'}} -> 'function=2013901,2129999' (schemes in a fixed order)."""
    return ";".join(f"{s}={','.join(sorted(found[s]))}" for s in sorted(found, key=_scheme_rank))


def decode_unknown(text: str) -> list[tuple[str, list[str]]]:
    """'function=2013901,2129999;department=30239' -> [('function', ['2013901', '2129999']), ...]."""
    return [(scheme, listed.split(",")) for scheme, _, listed in (part.partition("=") for part in text.split(";"))]


def _scheme_rank(scheme: str) -> int:
    return SCHEME_ORDER.index(scheme) if scheme in SCHEME_ORDER else len(SCHEME_ORDER)


def unknown_code_rows(rows: list[dict]) -> list[dict]:
    """One row per document with unknown codes: each (scheme, code) once, however often printed."""
    found: dict[str, dict[str, set[str]]] = {}
    first: dict[str, dict] = {}
    for r in rows:
        if r["name_status"] == "unknown_code":
            found.setdefault(r["source_file"], {}).setdefault(r["scheme"], set()).add(r["code"])
            first.setdefault(r["source_file"], r)
    return [
        {
            "source_file": doc,
            "department": first[doc]["department"],
            "fiscal_year": first[doc]["fiscal_year"],
            "unknown_codes": encode_unknown(by_scheme),
        }
        for doc, by_scheme in found.items()
    ]
