"""The one-page quality report a person reads first: per document, what was loaded and which
figures to trust. HTML (escaped: document text never becomes markup) and Markdown, from the
warehouse alone."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from common.safe_text import printable
from expectations import evidence
from expectations.checks.cells import position
from load.warehouse import Warehouse

TOP_FINDINGS = 6
EVIDENCE_PER_DOCUMENT = 10  # issues shown with their page crop or lines: a report stays a few MB at most


@dataclass
class Report:
    generated_at: str
    documents: list[dict]
    tables: dict[str, list[dict]]
    top: dict[str, list[dict]]
    rules: list[dict]
    failed_files: list[dict]
    data_docs: str | None
    issues: Mapping[str, list[dict]] = field(default_factory=dict)  # per document, the mistakes that explain the findings


def verdict(row: dict) -> tuple[str, str]:
    """(css class, words) for a document or table from its findings."""
    if row.get("status") not in (None, "loaded"):
        return "muted", row["status"].replace("_", " ")
    if row["errors"]:
        return "bad", f"{row['errors']} error{'s' * (row['errors'] > 1)}: check before use"
    if row["warnings"]:
        return "warn", "warnings to read"
    if row["rounding"]:
        return "ok", "adds up (cent rounding only)"
    return "ok", "adds up"


def gather(warehouse: Warehouse, data_docs: Path | None = None) -> Report:
    documents = warehouse.rows("report/documents.sql")
    tables: dict[str, list[dict]] = {}
    for t in warehouse.rows("report/tables.sql"):
        tables.setdefault(t["source_file"], []).append(t)
    top: dict[str, list[dict]] = {}
    for f in warehouse.rows("report/top_findings.sql", [TOP_FINDINGS]):
        top.setdefault(f["source_file"], []).append(f)
    issues: dict[str, list[dict]] = {}
    for i in warehouse.rows("report/issues.sql"):
        issues.setdefault(i["source_file"], []).append(i)
    for row in [*documents, *(t for ts in tables.values() for t in ts)]:
        row["verdict_class"], row["verdict"] = verdict(row)
    return Report(
        datetime.now().strftime("%Y-%m-%d %H:%M"),
        documents,
        tables,
        top,
        warehouse.rows("report/rules.sql"),
        warehouse.rows("report/ingest_errors.sql"),
        str(data_docs) if data_docs else None,
        WithEvidence(issues, warehouse.rows("report/issue_cells.sql")),
    )


class WithEvidence(Mapping):
    """A document's issues with their evidence, drawn when the document's part of the report is
    written and not kept: the pictures of a whole run are never in memory at once (issue 24: at
    2,000 documents they were 21 MiB of PNG inline and most of the report's growth)."""

    def __init__(self, rows: dict[str, list[dict]], cells: list[dict]):
        self.rows = rows
        self._cells = {(c["source_file"], c["issue_id"]): c for c in cells}

    def __getitem__(self, source_file: str) -> list[dict]:
        issues = [dict(i) for i in self.rows[source_file]]
        _attach_evidence(source_file, issues, self._cells)
        return issues

    def __iter__(self) -> Iterator[str]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def _attach_evidence(source_file: str, issues: list[dict], where: dict[tuple[str, int], dict]) -> None:
    """Each issue's evidence (the first EVIDENCE_PER_DOCUMENT of a document, rounding clusters
    aside): a crop of the PDF page with the row's cells outlined, or the text's printed lines."""
    for issue in [i for i in issues if i["kind"] != "rounding"][:EVIDENCE_PER_DOCUMENT]:
        c = where.get((source_file, issue["issue_id"]))
        if c is None:
            continue
        path = Path(c["path"])
        if c["format"] == "pdf" and c["cell_boxes"] and (c["fact_page"] or c["page"]):
            issue["image"] = evidence.pdf_crop(path, c["fact_page"] or c["page"], evidence.boxes_of(c["cell_boxes"]))
        elif c["format"] != "pdf" and (c["fact_line"] or c["line"]):
            issue["excerpt"] = evidence.text_lines(path, c["fact_line"] or c["line"])
        if not (issue.get("image") or issue.get("excerpt")):
            issue["evidence_missing"] = (
                "the source file is no longer where it was read: no page to show"
                if not path.exists()
                else "no printed cell of this issue has a place on the page to show"
            )


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("expectations", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=lambda value: printable(value) if type(value) is str else value,
    )
    env.filters["position"] = position
    return env


def html_pieces(report: Report) -> Iterator[str]:
    """The HTML in pieces, a document's evidence drawn as its part is reached."""
    return _env().get_template("quality_report.html.j2").generate(r=report)


def markdown_pieces(report: Report) -> Iterator[str]:
    """The Markdown in pieces; it shows no pictures, so none are drawn for it."""
    plain = report.issues.rows if isinstance(report.issues, WithEvidence) else report.issues
    return _env().get_template("quality_report.md.j2").generate(r=replace(report, issues=plain))


def render_html(report: Report) -> str:
    return "".join(html_pieces(report))


def render_markdown(report: Report) -> str:
    return "".join(markdown_pieces(report))


def write(report: Report, reports_dir: Path) -> tuple[Path, Path]:
    """Both reports, streamed to their files (written beside, then moved into place)."""
    reports_dir.mkdir(parents=True, exist_ok=True)
    html, md = reports_dir / "quality_report.html", reports_dir / "quality_report.md"
    for path, pieces in ((html, html_pieces(report)), (md, markdown_pieces(report))):
        partial = path.with_name(path.name + ".partial")
        with partial.open("w", encoding="utf-8") as out:
            out.writelines(pieces)
        partial.replace(path)
    return html, md
