"""Failed expectations -> findings: one row per checked item and rule, the most severe kept."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import polars as pl

from expectations.checks.reference import decode_unknown

SEVERITY = {"critical": "error", "warning": "warning", "info": "info"}
_RANK = {"error": 0, "warning": 1, "info": 2}
_MILLS = Decimal(1000)

FINDING_SCHEMA = {
    "source_file": pl.String,
    "department": pl.String,
    "fiscal_year": pl.Int32,
    "statement": pl.String,
    "table_title": pl.String,
    "table_index": pl.Int32,
    "row_index": pl.Int32,
    "rule": pl.String,
    "kind": pl.String,
    "severity": pl.String,
    "subject": pl.String,
    "measure": pl.String,
    "fund_source": pl.String,
    "expected": pl.String,
    "observed": pl.String,
    "expected_yuan": pl.Decimal(18, 2),
    "observed_yuan": pl.Decimal(18, 2),
    "difference_yuan": pl.Decimal(18, 3),
    "tolerance_yuan": pl.Decimal(18, 3),
    "message": pl.String,
    "page": pl.Int32,
    "line": pl.Int32,
    "suite": pl.String,
    "expectation": pl.String,
    "validated_at": pl.Datetime("us"),
}
COMPARISON_SUITES = {"rollups", "reconciliation"}
ORDER = (
    "source_file",
    "table_index",
    "row_index",
    "line",
    "page",
    "suite",
    "rule",
    "subject",
    "measure",
    "fund_source",
    "message",
)


def yuan(mills: int | None) -> Decimal | None:
    return None if mills is None else Decimal(mills) / _MILLS


def fmt(amount: Decimal | None) -> str:
    """Amounts to the cent; a tolerance of half a cent keeps its third decimal."""
    if amount is None:
        return "blank"
    return f"{amount:,.2f}" if amount == amount.quantize(Decimal("0.01")) else f"{amount:,.3f}"


def finding(suite: str, expectation: dict, row: dict) -> dict:
    """One failed check of one frame row, in the words of the suite's expectation."""
    meta, kwargs = expectation["meta"], expectation["kwargs"]
    severity = SEVERITY[expectation["severity"]]
    out = {
        k: row.get(k)
        for k in (
            "source_file",
            "department",
            "fiscal_year",
            "statement",
            "table_title",
            "table_index",
            "row_index",
            "subject",
            "measure",
            "fund_source",
            "page",
            "line",
        )
    }
    out.update(
        rule=row.get("rule") if suite in COMPARISON_SUITES else meta["rule"],
        kind=meta["kind"],
        severity=severity,
        suite=suite,
        expectation=expectation["type"],
    )
    if suite in COMPARISON_SUITES:
        exp, obs = yuan(row["expected_mills"]), yuan(row["observed_mills"])
        diff, tol = yuan(row["difference_mills"]), yuan(row["tolerance_mills"])
        out.update(
            expected=fmt(exp), observed=fmt(obs), expected_yuan=exp, observed_yuan=obs, difference_yuan=diff, tolerance_yuan=tol
        )
        verdict = (
            f"within the rounding of its {row['n_cells']} printed cells (±{fmt(tol)} 元)"
            if meta["kind"] == "rounding"
            else f"more than the rounding of its {row['n_cells']} printed cells allows (±{fmt(tol)} 元)"
        )
        out["message"] = (
            f"{row['subject']} [{row['column_header']}]: expected {fmt(exp)} 元 ({row['detail']}), printed {fmt(obs)} 元; "
            f"off by {fmt(diff)} 元, {verdict}"
        )
        if row.get("n_ocr_cells"):
            out["message"] += (
                f"; {row['n_ocr_cells']} of its {row['n_cells']} cells were read by OCR from a scan: "
                "check them on the page image before taking this as the document's mistake"
            )
    elif suite == "reference":
        if meta["rule"] == "reference_code":
            listed = decode_unknown(row["unknown_codes"])
            n = sum(len(c) for _, c in listed)
            out.update(
                subject=f"{n} code{'s' * (n > 1)} not in the reference",
                expected="codes of data/reference",
                observed="; ".join(f"{scheme}: {', '.join(c)}" for scheme, c in listed),
            )
            out["message"] = "; ".join(
                f"{len(c)} code{'s' * (len(c) > 1)} not in the reference ({scheme}): {', '.join(c)}" for scheme, c in listed
            )
            return out
        if meta["rule"] == "code_nesting":
            out.update(
                expected=f"under {row['code'][:-2] if len(row['code']) > 3 else 'the top level'}",
                observed=f"under {row['printed_parent']}",
            )
        else:
            out.update(expected=row["reference_name"] or "a code of the reference", observed=row["printed_name"])
        out["message"] = row["detail"] or f"{row['subject']}: {meta['description']}"
    elif suite == "documents" and meta["rule"] == "required_tables":
        out.update(
            subject="required tables",
            expected=f"{row['n_required']} required tables",
            observed=f"{row['n_required_present']} printed; not found: {row['required_missing']}",
        )
        out["message"] = row["required_detail"]
    elif suite == "documents" and meta["rule"] == "department_unambiguous":
        out.update(expected=meta.get("expected"), observed=row["ambiguous_with"])
        out["message"] = (
            f"{row['subject']}: the same name as {row['ambiguous_with']}, kept apart because one names no "
            "place; merge or split them in data/reference/department_overrides.csv"
        )
    elif suite == "documents":
        out.update(
            expected=meta.get("expected"),
            observed=str(row["fiscal_year"])
            if meta["rule"] == "document_year" and row["fiscal_year"]
            else ("no year printed" if meta["rule"] == "document_year" else row["observed"]),
        )
        out["message"] = (
            f"{row['subject']}: {meta['description']}"
            if meta["rule"] == "document_year"
            else row["detail"] or f"{row['subject']}: {meta['description']}"
        )
    elif meta["rule"] == "ocr_unverified":
        score = row.get("ocr_confidence")
        out.update(expected=meta.get("expected"), observed=row.get("amount_printed"))
        out["message"] = (
            f"{row.get('subject') or ''} [{row.get('column_header') or ''}]: printed {row.get('amount_printed')} "
            f"(read by OCR{f', confidence {score:.2f}' if score is not None else ''}); no sum of the document "
            "takes it and holds: check it on the scan"
        )
    else:
        column = kwargs.get("column") or ",".join(kwargs.get("column_list", []))
        value = row.get(column) if column in row else None
        out.update(expected=meta.get("expected"), observed=None if value is None else str(value))
        out["message"] = f"{row.get('subject') or ''}: {meta['description']}; {column} = {value}".lstrip(": ")
    return out


def most_severe_rows(suite: str, failed: list[tuple[dict, list[int], list[str] | None]]) -> list[list[int]]:
    """most_severe's choice, made before the findings are written: for each failed expectation of
    a suite (its JSON entry, its failing rows, their `rule` column in a comparison suite), the rows
    whose finding most_severe would keep. A comparison beyond its rounding fails the rounding
    test (a warning) and the exact one (an error): writing both was ~40 % of the findings written
    and dropped (issue 24)."""
    best: dict[tuple, tuple[int, int]] = {}
    for k, (expectation, rows, rules) in enumerate(failed):
        rank = _RANK[SEVERITY[expectation["severity"]]]
        for item, rule in zip(rows, rules if suite in COMPARISON_SUITES else [expectation["meta"]["rule"]] * len(rows)):
            if (item, rule) not in best or rank < best[(item, rule)][0]:
                best[(item, rule)] = (rank, k)
    kept: list[list[int]] = [[] for _ in failed]
    for (item, _), (_, k) in best.items():
        kept[k].append(item)
    return [sorted(rows) for rows in kept]


def most_severe(findings: list[dict]) -> pl.DataFrame:
    """Keep one finding per (suite, checked item, rule): the error when a sum fails both the
    rounding test and the exact test, a warning of kind rounding when it fails only the exact one."""
    best: dict[tuple, dict] = {}
    for f in findings:
        key = (f["suite"], f.pop("_item"), f["rule"])
        if key not in best or _RANK[f["severity"]] < _RANK[best[key]["severity"]]:
            best[key] = f
    now = datetime.now(UTC).replace(tzinfo=None)
    rows = [{**f, "validated_at": now} for f in best.values()]
    # One total order, whatever order the checks' rows came in (a pass's documents are checked in
    # shares by the workers): issues are numbered in it, so ties must not fall to chance.
    return in_order(pl.DataFrame(rows, schema=FINDING_SCHEMA, strict=False))


def in_order(findings: pl.DataFrame) -> pl.DataFrame:
    """Findings in their one total order: most severe first, then where they were printed. Stable,
    and the document is the first key after the severity: findings of documents checked apart
    (flows/validate.py's shares) concatenated and put in order are as if checked together."""
    return findings.sort(
        pl.col("severity").replace_strict(_RANK, return_dtype=pl.Int8),
        *ORDER,
        nulls_last=True,
        maintain_order=True,
    )
