"""Which of the tables its kind and scope require a document prints (rule required_tables):
the set is data (data/reference/required_tables.csv, with its source), a table counts when any
of its kinds is printed (an empty one with its 说明 included), and a table the document's own
list names but does not print is left to rule table_printed, so one gap is one finding."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import polars as pl

from extract.document_meta import KIND_WORDS, SCOPE_WORDS
from transform import codes, statements

REQUIRED = codes.REFERENCE_DIR / "required_tables.csv"
_NAMES = {s.kind: s.name_zh for s in statements.ALL}
REQUIRED_SCHEMA = {
    "source_file": pl.String,
    "n_required": pl.Int32,
    "n_required_present": pl.Int32,
    "required_tables_present": pl.Boolean,
    "required_missing": pl.String,
    "required_detail": pl.String,
}


@dataclass(frozen=True)
class Required:
    statement: str
    alternatives: frozenset[str]

    @property
    def kinds(self) -> frozenset[str]:
        return self.alternatives | {self.statement}


@lru_cache(maxsize=4)
def read_required(path: Path = REQUIRED) -> dict[tuple[str, str], tuple[Required, ...]]:
    with path.open(encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    out: dict[tuple[str, str], list[Required]] = {}
    for r in csv.DictReader(lines):
        alternatives = frozenset(a for a in (r["alternatives"] or "").split("|") if a)
        out.setdefault((r["document_kind"], r["scope"]), []).append(Required(r["statement"], alternatives))
    return {k: tuple(v) for k, v in out.items()}


def required_rows(documents: pl.DataFrame, tables: pl.DataFrame) -> pl.DataFrame:
    """One row per document whose kind and scope are known: how many required tables it prints,
    which it lacks (in words), and how many of its tables could not be classified (a missing one
    may be among them, so the finding says so)."""
    required = read_required()
    printed, listed, unclassified = defaultdict(set), defaultdict(set), Counter()
    for t in tables.select("source_file", "statement", "status", "table_title").iter_rows(named=True):
        if t["status"] == "listed_not_printed":
            if t["table_title"] is not None:
                listed[t["source_file"]].add(statements.classify(t["table_title"]).kind)
        elif t["statement"] is not None:
            printed[t["source_file"]].add(t["statement"])
        unclassified[t["source_file"]] += t["status"] == "unclassified"
    rows = []
    for d in documents.iter_rows(named=True):
        wanted = required.get((d.get("document_kind"), d.get("scope")))
        if not wanted:
            continue
        source_file = d["source_file"]
        missing = [r for r in wanted if not r.kinds & (printed[source_file] | listed[source_file])]
        names = "、".join(_NAMES.get(r.statement, r.statement) for r in missing)
        detail = None
        if missing:
            detail = (
                f"a {SCOPE_WORDS[d['scope']]}{KIND_WORDS[d['document_kind']]} prints {len(wanted)} required tables; "
                f"not found: {names}"
                + (
                    f" ({unclassified[source_file]} of its tables could not be classified and may be among them)"
                    if unclassified[source_file]
                    else ""
                )
            )
        rows.append(
            {
                "source_file": d["source_file"],
                "n_required": len(wanted),
                "n_required_present": len(wanted) - len(missing),
                "required_tables_present": not missing,
                "required_missing": names or None,
                "required_detail": detail,
            }
        )
    return pl.DataFrame(rows, schema=REQUIRED_SCHEMA)
