"""Findings -> issues: the printed mistakes that explain them. A reader acts on issues, not findings.

One misprinted cell fails every check it takes part in — its own roll-up, its parent's, the row
identity, every table that repeats it — and each of those findings is off by the same amount. So,
within a document:

- comparison findings beyond rounding that are off by the same amount (|observed − expected|) are
  one issue; the suspected cell is the most detailed subject among them (21015 under 210: the 款
  whose misprint also puts its 类 off), named with every table and column that prints it;
- rounding findings (cent rounding, not errors) are one issue per document;
- codes printed under other subjects' names, three or more in one table, are one issue (the table
  numbers its subjects its own way);
- any other finding is an issue with the findings of the same rule and subject (a misnamed code in
  two tables is one issue).

Issues are numbered per document, most severe first. Pure: findings frame in, (findings with
issue_id, issues frame) out.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import polars as pl

from expectations.findings import COMPARISON_SUITES, fmt

ISSUE_SCHEMA = {
    "source_file": pl.String,
    "issue_id": pl.Int32,
    "severity": pl.String,
    "kind": pl.String,
    "rules": pl.String,
    "subject": pl.String,
    "statement": pl.String,
    "table_title": pl.String,
    "table_index": pl.Int32,
    "row_index": pl.Int32,
    "measures": pl.String,
    "page": pl.Int32,
    "line": pl.Int32,
    "difference_yuan": pl.Decimal(18, 3),
    "n_findings": pl.Int32,
    "n_tables": pl.Int32,
    "explanation": pl.String,
}
_RANK = {"error": 0, "warning": 1, "info": 2}


def group(findings: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    rows = findings.to_dicts()
    renumbered = _renumbered_tables(rows)
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, f in enumerate(rows):
        key = (
            ("numbering", f["table_index"])
            if (f["source_file"], f["table_index"]) in renumbered and _is_misnamed_code(f)
            else _key(f)
        )
        groups[(f["source_file"], *key)].append(i)
    issues: list[dict] = []
    issue_of = [0] * len(rows)
    by_document: dict[str, list[list[int]]] = defaultdict(list)
    for (source_file, *_), members in groups.items():
        by_document[source_file].append(members)
    for source_file, member_lists in by_document.items():
        ordered = sorted(
            member_lists,
            key=lambda m: (min(_RANK[rows[i]["severity"]] for i in m), -len(m), min((rows[i]["table_index"] or 0) for i in m)),
        )
        for number, members in enumerate(ordered, start=1):
            for i in members:
                issue_of[i] = number
            issues.append(_issue(source_file, number, [rows[i] for i in members]))
    with_ids = (
        findings.with_columns(pl.Series("issue_id", issue_of, dtype=pl.Int32))
        if rows
        else findings.with_columns(pl.lit(None, dtype=pl.Int32).alias("issue_id"))
    )
    return with_ids, pl.DataFrame(issues, schema=ISSUE_SCHEMA)


# A table printing this many codes under other subjects' names numbers its subjects its own way
# (福利院 2024 page 14: 302 02 咨询费 … 303 离退休人员经费): one issue, not one per code. Three: two
# misnamed codes can be two misprints; three in one table is a pattern.
RENUMBERED_TABLE = 3


def _is_misnamed_code(f: dict) -> bool:
    return f["rule"] == "reference_name" and f["severity"] == "error"


def _renumbered_tables(rows: list[dict]) -> set[tuple]:
    counts: dict[tuple, int] = defaultdict(int)
    for f in rows:
        if _is_misnamed_code(f) and f["table_index"] is not None:
            counts[(f["source_file"], f["table_index"])] += 1
    return {table for table, n in counts.items() if n >= RENUMBERED_TABLE}


def _key(f: dict) -> tuple:
    if f["suite"] in COMPARISON_SUITES and f["kind"] == "rounding":
        return ("rounding",)
    if f["suite"] in COMPARISON_SUITES and f["difference_yuan"] is not None:
        return ("off_by", abs(f["difference_yuan"]))
    return ("rule", f["rule"], f["subject"])


def _issue(source_file: str, number: int, members: list[dict]) -> dict:
    worst = min(members, key=lambda f: _RANK[f["severity"]])
    suspect = _suspect(members)
    tables = sorted({f["table_title"] for f in members if f["table_title"]})
    rules = sorted({f["rule"] for f in members})
    same_subject = [f for f in members if f["subject"] == suspect["subject"]]
    measures = sorted({f["measure"] for f in same_subject if f["measure"]})
    if worst["kind"] == "rounding" and worst["suite"] in COMPARISON_SUITES:  # no one figure: the cluster
        suspect = dict(
            suspect,
            subject="cent rounding",
            statement=None,
            table_title=None,
            table_index=None,
            row_index=None,
            page=None,
            line=None,
            difference_yuan=None,
        )
        measures = []
    return {
        "source_file": source_file,
        "issue_id": number,
        "severity": worst["severity"],
        "kind": worst["kind"],
        "rules": ", ".join(rules),
        "subject": suspect["subject"],
        "statement": suspect["statement"],
        "table_title": suspect["table_title"],
        "table_index": suspect["table_index"],
        "row_index": suspect["row_index"],
        "measures": ", ".join(measures) or None,
        "page": suspect["page"],
        "line": suspect["line"],
        "difference_yuan": suspect["difference_yuan"],
        "n_findings": len(members),
        "n_tables": len(tables),
        "explanation": _explain(members, suspect, tables, measures, rules),
    }


def _suspect(members: list[dict]) -> dict:
    """The most detailed subject (the longest code) among the findings, the one printed most often
    on ties; its first finding in printed order stands for it."""
    counts: dict[str, int] = defaultdict(int)
    for f in members:
        counts[f["subject"] or ""] += 1

    def detail(f: dict) -> tuple:
        code = (f["subject"] or "").split(" ", 1)[0]
        return (
            -(len(code) if code.isdigit() else 0),
            -counts[f["subject"] or ""],
            f["table_index"] if f["table_index"] is not None else 1 << 30,
            f["row_index"] or 0,
        )

    return min(members, key=detail)


def _explain(members: list[dict], suspect: dict, tables: list[str], measures: list[str], rules: list[str]) -> str:
    n = len(members)
    where = f" in {len(tables)} table{'s' * (len(tables) > 1)} ({'; '.join(tables)})" if tables else ""
    if suspect["subject"] == "cent rounding":
        largest = max((abs(f["difference_yuan"]) for f in members if f["difference_yuan"] is not None), default=Decimal(0))
        return (
            f"{n} printed sum{'s' * (n > 1)} miss by cent rounding only (at most {fmt(largest)} 元){where}: "
            f"each figure is rounded on its own; no figure is wrong"
        )
    if suspect["suite"] in COMPARISON_SUITES and suspect["difference_yuan"] is not None:
        diff = suspect["difference_yuan"]
        columns = f" [{', '.join(measures)}]" if measures else ""
        others = sorted({f["subject"] for f in members if f["subject"] != suspect["subject"]})
        also = f"; it also puts {', '.join(others)} off by as much" if others else ""
        return (
            f"{suspect['subject']}{columns} is printed {fmt(abs(diff))} 元 {'above' if diff > 0 else 'below'} "
            f"what {suspect['rule']} expects (expected {suspect['expected']}, printed {suspect['observed']}){where}{also}: "
            f"one figure explains {n} finding{'s' * (n > 1)} ({', '.join(rules)})"
        )
    if n >= RENUMBERED_TABLE and all(_is_misnamed_code(f) for f in members):
        codes = ", ".join(sorted({(f["subject"] or "").split(" ", 1)[0] for f in members}))
        return (
            f"{n} codes of {suspect['table_title']} are printed with other subjects' names ({codes}): the table "
            f"numbers its subjects its own way, not as the classification it cites (e.g. {suspect['message']})"
        )
    return f"{suspect['message']}" + (f" ({n} findings{where})" if n > 1 else "")
