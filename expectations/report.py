"""The one-page quality report a person reads first: per document, what was loaded and which
figures to trust. HTML (escaped: document text never becomes markup) and Markdown, from the
warehouse alone."""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from common.safe_text import printable
from expectations import evidence
from expectations.checks.cells import position
from load.reads import files_param
from load.warehouse import Warehouse

TOP_FINDINGS = 6
EVIDENCE_PER_DOCUMENT = 10  # issues shown with their page crop or lines: a report stays a few MB at most
SECTIONS_DIR = ".sections"  # each document's part of the HTML report, kept between runs (write())
# A report draws its new parts in the workers when each would get at least this many: sending a
# part costs ~1 ms, drawing one ~7 ms on average (2,000 synthetic documents: 13 s of evidence and
# 12 s of templates, serial, issue 24).
SECTIONS_PER_WORKER_MIN = 20
# ...and sends them this many at a time: a worker holds one task's inputs (~8 KiB a part pickled,
# several times that unpickled), not its whole share, which at 2,000 documents (1,000 parts each)
# made each worker ~60 MiB larger than the run's validation did (issue 24, target 2).
SECTIONS_PER_TASK = 50
# The rows of each document's part (its tables, top findings, issues and their cells, ~35 KiB a
# document as Python objects) are read for this many documents at a time and only one such chunk
# is held: at 2,000 documents all of them were ~70 MiB held through the whole report, ten times
# that at 20,000. 200 keeps a chunk a few MiB while a report's queries run a few times per
# thousand documents (each a pass over the findings for the chunk's files).
DOCUMENTS_PER_CHUNK = 200


@dataclass
class Report:
    generated_at: str
    documents: list[dict]
    tables: Mapping[str, list[dict]]  # per document; plain dicts, or gather()'s read a chunk at a time (ByDocument)
    top: Mapping[str, list[dict]]
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
    """The report of the warehouse's documents. Their parts' rows are read from `warehouse` when a
    document is reached, DOCUMENTS_PER_CHUNK documents at a time: it stays open while the report
    is written or rendered."""
    documents = warehouse.rows("report/documents.sql")
    for row in documents:
        row["verdict_class"], row["verdict"] = verdict(row)
    files = [d["source_file"] for d in documents]

    def with_verdict(row: dict) -> None:
        row["verdict_class"], row["verdict"] = verdict(row)

    return Report(
        datetime.now().strftime("%Y-%m-%d %H:%M"),
        documents,
        ByDocument(warehouse, "report/tables.sql", files, each=with_verdict),
        ByDocument(warehouse, "report/top_findings.sql", files, [TOP_FINDINGS]),
        warehouse.rows("report/rules.sql"),
        warehouse.rows("report/ingest_errors.sql"),
        str(data_docs) if data_docs else None,
        WithEvidence(
            ByDocument(warehouse, "report/issues.sql", files),
            ByDocument(warehouse, "report/issue_cells.sql", files, keyed_by="issue_id"),
        ),
    )


class ByDocument(Mapping):
    """A report query's rows per document (source_file), read for the chunk of `files` (the
    report's documents, in their order) holding the document asked for; only that chunk is kept.
    The report reads its documents in order, a few passes, so each chunk is read once a pass. The
    query's last parameter is the chunk's files (load/reads.files_param), after `params`.
    A document's rows are a list, or with `keyed_by` a dict by that column; `each` is applied to
    every row read."""

    def __init__(
        self,
        warehouse: Warehouse,
        sql: str,
        files: list[str],
        params: list | None = None,
        keyed_by: str | None = None,
        each: Callable[[dict], None] | None = None,
    ):
        self.warehouse, self.sql, self.params, self.keyed_by, self.each = warehouse, sql, params or [], keyed_by, each
        self.files = list(files)
        self.per_chunk = DOCUMENTS_PER_CHUNK
        self.chunk_of = {f: i // self.per_chunk for i, f in enumerate(self.files)}
        self.chunk: int | None = None  # the chunk held, and its documents' rows
        self.held: dict[str, list[dict] | dict] = {}

    def _hold(self, chunk: int) -> dict[str, list[dict] | dict]:
        if chunk != self.chunk:
            self.held = {}  # the chunk before is let go before the next is read
            files = self.files[chunk * self.per_chunk : (chunk + 1) * self.per_chunk]
            held: dict[str, list[dict] | dict] = {}
            for row in self.warehouse.rows(self.sql, [*self.params, *files_param(files)]):
                if self.each is not None:
                    self.each(row)
                if self.keyed_by is None:
                    held.setdefault(row["source_file"], []).append(row)
                else:
                    held.setdefault(row["source_file"], {})[row[self.keyed_by]] = row
            self.chunk, self.held = chunk, held
        return self.held

    def __getitem__(self, source_file: str):
        if source_file not in self.chunk_of:
            raise KeyError(source_file)
        return self._hold(self.chunk_of[source_file])[source_file]

    def __iter__(self) -> Iterator[str]:
        for chunk in range(0, (len(self.files) + self.per_chunk - 1) // self.per_chunk):
            yield from list(self._hold(chunk))

    def __len__(self) -> int:
        return sum(1 for _ in self)


class WithEvidence(Mapping):
    """A document's issues with their evidence, drawn when the document's part of the report is
    written and not kept: the pictures of a whole run are never in memory at once (issue 24: at
    2,000 documents they were 21 MiB of PNG inline and most of the report's growth)."""

    def __init__(self, rows: Mapping[str, list[dict]], cells: Mapping[str, dict[int, dict]]):
        self.rows = rows  # per document, its issues
        self.cells = cells  # per document, its issues' cells by issue_id

    def __getitem__(self, source_file: str) -> list[dict]:
        issues = [dict(i) for i in self.rows[source_file]]
        _attach_evidence(issues, self.cells.get(source_file, {}))
        return issues

    def __iter__(self) -> Iterator[str]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def _attach_evidence(issues: list[dict], where: dict[int, dict]) -> None:
    """Each issue's evidence (the first EVIDENCE_PER_DOCUMENT of a document, rounding clusters
    aside): a crop of the PDF page with the row's cells outlined, or the text's printed lines."""
    for issue in [i for i in issues if i["kind"] != "rounding"][:EVIDENCE_PER_DOCUMENT]:
        c = where.get(issue["issue_id"])
        if c is None:
            continue
        path = Path(c["path"])
        if c["format"] == "pdf" and c["cell_boxes"] and (c["fact_page"] or c["page"]):
            issue["image"] = evidence.pdf_crop(
                path,
                c["fact_page"] or c["page"],
                evidence.boxes_of(c["cell_boxes"]),
                c["quarter_turns"] or 0,
                c["skew_deg"] or 0.0,
            )
        elif c["format"] != "pdf" and (c["fact_line"] or c["line"]):
            issue["excerpt"] = evidence.text_lines(path, c["fact_line"] or c["line"])
        if not (issue.get("image") or issue.get("excerpt")):
            issue["evidence_missing"] = (
                "the source file is no longer where it was read: no page to show"
                if not path.exists()
                else "no printed cell of this issue has a place on the page to show"
            )


@cache
def _env() -> Environment:
    """One environment a process: its templates are compiled once (a section each time cost
    48 ms of compiling)."""
    env = Environment(
        loader=PackageLoader("expectations", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=lambda value: printable(value) if type(value) is str else value,
    )
    env.filters["position"] = position
    return env


def _without_evidence(report: Report) -> Mapping[str, list[dict]]:
    """The report's issues per document as rows, their evidence not drawn."""
    return report.issues.rows if isinstance(report.issues, WithEvidence) else report.issues


def section_inputs(report: Report, d: dict) -> dict:
    """What a document's part of the report is made of (its rows, its issues' cells): all it
    depends on, with the file the evidence is drawn from as it is now."""
    source_file = d["source_file"]
    issues = _without_evidence(report)
    cells = report.issues.cells.get(source_file, {}) if isinstance(report.issues, WithEvidence) else {}
    files = sorted({c["path"] for c in cells.values()})
    return {
        "d": d,
        "issues": issues.get(source_file, []),
        "cells": cells,
        "top": report.top.get(source_file, []),
        "tables": report.tables.get(source_file, []),
        "files": [(f, evidence.stamp(Path(f))) for f in files],
    }


def render_section(inputs: dict) -> str:
    """A document's part of the HTML report, its evidence drawn."""
    issues = [dict(i) for i in inputs["issues"]]
    _attach_evidence(issues, inputs["cells"])
    template = _env().get_template("document_section.html.j2")
    return template.render(d=inputs["d"], issues=issues, top=inputs["top"], tables=inputs["tables"])


def write_sections(work: list[tuple[dict, Path]]) -> None:
    """Render and store sections (a worker process does a share of a large report's)."""
    for inputs, path in work:
        partial = path.with_name(path.name + ".partial")
        partial.write_text(render_section(inputs), encoding="utf-8")
        partial.replace(path)


@cache
def _templates_key() -> str:
    """The templates and the evidence's drawing constants: a kept section is stale when they change."""
    digest = hashlib.sha1()
    for name in ("document_section.html.j2",):
        digest.update((Path(__file__).parent / "templates" / name).read_bytes())
    digest.update(repr((EVIDENCE_PER_DOCUMENT, evidence.MARGIN_PT, evidence.SCALE, evidence.PNG_COMPRESS_LEVEL)).encode())
    return digest.hexdigest()


def _section_key(inputs: dict) -> str:
    text = json.dumps(inputs, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha1((_templates_key() + text).encode("utf-8")).hexdigest()


def html_pieces(report: Report, section=None) -> Iterator[str]:
    """The HTML in pieces: `section(d)` gives a document's part (drawn when it is reached by default)."""
    section = section or (lambda d: Markup(render_section(section_inputs(report, d))))
    return _env().get_template("quality_report.html.j2").generate(r=report, section=section)


def markdown_pieces(report: Report) -> Iterator[str]:
    """The Markdown in pieces; it shows no pictures, so none are drawn for it."""
    return _env().get_template("quality_report.md.j2").generate(r=replace(report, issues=_without_evidence(report)))


def render_html(report: Report) -> str:
    return "".join(html_pieces(report))


def render_markdown(report: Report) -> str:
    return "".join(markdown_pieces(report))


def _draw_missing(report: Report, kept: Path, pool, workers: int) -> dict[str, Path]:
    """Each document's kept part (its path by source_file), the missing ones drawn, their inputs
    taken DOCUMENTS_PER_CHUNK documents at a time. The workers draw them, SECTIONS_PER_TASK a task,
    once at least two would get SECTIONS_PER_WORKER_MIN (a report with fewer new parts is drawn
    here); until that is known the new parts wait (fewer than that), and at most two tasks a worker
    are sent ahead: the new parts of a run are never all held at once."""
    where: dict[str, Path] = {}
    waiting: list[tuple[dict, Path]] = []  # new parts not yet drawn nor sent
    pending: deque = deque()  # the tasks sent
    parallel = False if pool is None or workers < 2 else None  # None: not yet known
    for start in range(0, len(report.documents), DOCUMENTS_PER_CHUNK):
        for d in report.documents[start : start + DOCUMENTS_PER_CHUNK]:
            inputs = section_inputs(report, d)
            path = where[d["source_file"]] = kept / f"{_section_key(inputs)}.html"
            if not path.exists():
                waiting.append((inputs, path))
        if parallel is None and len(waiting) >= 2 * SECTIONS_PER_WORKER_MIN:
            parallel = True
        if parallel is False:
            write_sections(waiting)
            waiting = []
        while parallel and len(waiting) >= SECTIONS_PER_TASK:
            pending.append(pool.schedule(write_sections, args=(waiting[:SECTIONS_PER_TASK],)))
            del waiting[:SECTIONS_PER_TASK]
            while len(pending) > 2 * workers:
                pending.popleft().result()
    if parallel and waiting:
        pending.append(pool.schedule(write_sections, args=(waiting,)))
    elif waiting:
        write_sections(waiting)
    for future in pending:
        future.result()
    return where


def write(report: Report, reports_dir: Path, pool=None, workers: int = 1) -> tuple[Path, Path]:
    """Both reports, streamed to their files (written beside, then moved into place). Each
    document's part of the HTML is kept under SECTIONS_DIR and drawn again only when something it
    depends on changed, so a nightly run draws the new documents' evidence only; `pool` (the
    `workers` processes, flows/isolation.py) draws a large report's new parts in parallel."""
    reports_dir.mkdir(parents=True, exist_ok=True)
    kept = reports_dir / SECTIONS_DIR
    kept.mkdir(exist_ok=True)
    where = _draw_missing(report, kept, pool, workers)
    html, md = reports_dir / "quality_report.html", reports_dir / "quality_report.md"
    section = lambda d: Markup(where[d["source_file"]].read_text(encoding="utf-8"))  # noqa: E731
    for path, pieces in ((html, html_pieces(report, section)), (md, markdown_pieces(report))):
        partial = path.with_name(path.name + ".partial")
        with partial.open("w", encoding="utf-8") as out:
            out.writelines(pieces)
        partial.replace(path)
    used = {p.name for p in where.values()}
    for old in kept.iterdir():  # sections of documents no longer reported, or reported otherwise
        if old.name not in used:
            old.unlink(missing_ok=True)
    return html, md
