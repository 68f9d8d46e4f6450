"""The run summary: its per-document rows and finding counts (what the terminal prints) and
the Markdown of the Prefect artifact an operator reads in the UI."""

from __future__ import annotations

from typing import TYPE_CHECKING

from common.safe_text import markdown
from flows import phases
from flows.steps import SHOWN_PER_TABLE, RunSummary

if TYPE_CHECKING:  # the nothing-changed run prints a summary without importing polars
    import polars as pl

UNKNOWN = "unknown"  # a department, year, kind or scope the document does not say
DOCUMENT_COLUMNS = (
    "document",
    "layout",
    "department",
    "year",
    "kind",
    "scope",
    "tables",
    "loaded tables",
    "facts",
    "placed by arithmetic",
    "ambiguous",
    "unplaced",
    "projects · 三公 · targets · lines · narrative",
)
SEVERITIES = ("errors", "warnings", "rounding", "info")


def finding_rows(findings: pl.DataFrame, limit: int = SHOWN_PER_TABLE) -> tuple[list[list[str]], int]:
    """(document, errors, warnings, rounding, info) of the documents with findings, in their
    order, and how many documents were left out: beyond `limit`, the documents with the most
    errors, then warnings, are the ones shown (a reader of the terminal looks for those first)."""
    rows = [
        [source_file, *(str(n) for n in finding_counts(part).values())]
        for (source_file,), part in findings.group_by(["source_file"], maintain_order=True)
    ]
    if len(rows) <= limit:
        return rows, 0
    worst = sorted(range(len(rows)), key=lambda i: (-int(rows[i][1]), -int(rows[i][2]), i))[:limit]
    return [rows[i] for i in sorted(worst)], len(rows) - limit


def document_rows(summary: RunSummary, limit: int = SHOWN_PER_TABLE) -> tuple[list[list[str]], int]:
    """One row per loaded document, the first `limit` of them, in DOCUMENT_COLUMNS' order
    (document text as printed: the caller makes it safe for its medium), and how many documents
    were left out."""
    rows = [
        [
            d["source_file"],
            d["format"],
            d["department"] or UNKNOWN,
            str(d["fiscal_year"] or UNKNOWN),
            d.get("kind") or UNKNOWN,
            d.get("scope") or UNKNOWN,
            str(d["tables"]),
            str(d["loaded_tables"]),
            str(d["facts"]),
            str(d["placed_by_arithmetic"]),
            str(d["ambiguous"]),
            str(d["unplaced"]),
            " · ".join(str(n) for n in d.get("items", ())),
        ]
        for d in summary.per_document[:limit]
    ]
    return rows, max(0, len(summary.new) + len(summary.changed) - len(rows))


def finding_counts(findings: pl.DataFrame) -> dict[str, int]:
    """errors, warnings (not rounding), rounding warnings and info of some findings."""
    sev = findings["severity"]
    rounding = int(((sev == "warning") & (findings["kind"] == "rounding")).sum())
    return {
        "errors": int((sev == "error").sum()),
        "warnings": int((sev == "warning").sum()) - rounding,
        "rounding": rounding,
        "info": int((sev == "info").sum()),
    }


def summary_markdown(summary: RunSummary) -> str:
    lines = [
        "# Ingestion run",
        "",
        "| documents | count |",
        "|---|---|",
        f"| new | {len(summary.new)} |",
        f"| changed (reloaded) | {len(summary.changed)} |",
        f"| unchanged (skipped) | {len(summary.unchanged)} |",
        f"| failed before, unchanged (skipped) | {len(summary.still_failing)} |",
        f"| failed | {len(summary.failed)} |",
        "",
        f"Facts loaded: {summary.facts} · unplaced cells: {summary.unplaced}",
    ]
    findings = getattr(summary.validation, "findings", None)
    if findings is not None and findings.height:
        lines += [
            "",
            "Findings: " + ", ".join(f"{n} {name}" for name, n in finding_counts(findings).items()) + " (view v_dq_findings)",
        ]
    if summary.failed:
        lines += ["", "## Failed", ""] + [
            f"- {markdown(f.source_file)} ({f.stage}): {markdown(f.message)}" for f in summary.failed
        ]
    refused = summary.duplicates
    if refused:
        lines += ["", "## Refused", ""] + [f"- {markdown(f.path)}: {markdown(f.message)}" for f in refused]
    if not (summary.new or summary.changed or summary.failed):
        lines += ["", "Nothing new or changed: the warehouse is up to date."]
    if summary.phases:
        lines += ["", "Time (wall, and the flow's CPU): " + phases.line(summary.phases).removeprefix(phases.PREFIX).strip()]
    return "\n".join(lines) + "\n"
