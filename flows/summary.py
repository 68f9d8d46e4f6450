"""The run summary as Markdown, for the Prefect artifact an operator reads in the UI."""
from __future__ import annotations

from common.safe_text import markdown
from flows.steps import RunSummary


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
        sev = findings["severity"]
        rounding = int(((sev == "warning") & (findings["kind"] == "rounding")).sum())
        lines += ["", f"Findings: {int((sev == 'error').sum())} errors, {int((sev == 'warning').sum()) - rounding} warnings, "
                      f"{rounding} rounding, {int((sev == 'info').sum())} info (view v_dq_findings)"]
    if summary.failed:
        lines += ["", "## Failed", ""] + [f"- {markdown(f.source_file)} ({f.stage}): {markdown(f.message)}"
                                          for f in summary.failed]
    refused = summary.duplicates
    if refused:
        lines += ["", "## Refused", ""] + [f"- {markdown(f.path)}: {markdown(f.message)}" for f in refused]
    if not (summary.new or summary.changed or summary.failed):
        lines += ["", "Nothing new or changed: the warehouse is up to date."]
    return "\n".join(lines) + "\n"
