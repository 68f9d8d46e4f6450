"""The per-document steps the ingestion flow runs: discover, fingerprint, prepare (read +
extract + normalize, no database), load (single writer). Plain functions, so they are tested
without Prefect."""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from common.version import PARSER_VERSION
from extract import formats
from extract.errors import ExtractError

if TYPE_CHECKING:  # the parsers and the warehouse are imported where used: discover and
    # fingerprint serve the nothing-changed run (flows/plan.py), which needs neither
    from load.warehouse import DocumentRecord, Warehouse
    from transform.normalize import NormalizedDocument


@dataclass
class Prepared:
    record: DocumentRecord
    normalized: NormalizedDocument


@dataclass
class Failure:
    source_file: str
    path: str
    stage: str
    message: str
    sha256: str | None = None

    @classmethod
    def internal(cls, path: Path, stage: str, exc: BaseException, sha256: str | None) -> Failure:
        """A bug, not a property of the file: named as one, with the file it happened on."""
        return cls(path.name, str(path), stage, f"internal error ({type(exc).__name__}: {exc})", sha256)


# Rows of a per-document table the run summary keeps and the terminal prints: a night of 20,000
# documents printed 20,000 rows nobody reads there (the quality report and source_document hold
# every one), and rich lays out a table whole before printing it. 50 fit a few screens.
SHOWN_PER_TABLE = 50


@dataclass
class RunSummary:
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    still_failing: list[str] = field(default_factory=list)  # unchanged files that failed before: not retried
    duplicates: list[Failure] = field(default_factory=list)  # same file name as another file: not read, not recorded
    ignored: list[str] = field(default_factory=list)  # hidden files and files of other types under the inbox
    tables_by_kind: Counter = field(default_factory=Counter)
    tables_by_status: Counter = field(default_factory=Counter)
    facts: int = 0
    unplaced: int = 0
    unplaced_by_reason: Counter = field(default_factory=Counter)
    # The first SHOWN_PER_TABLE documents loaded (new + changed counts them all), and of those with
    # totals set aside or ambiguous numbers, with how many there were: what the terminal prints.
    # Every document's row was kept, ~1.8 KiB each, 35 MiB through a run of 20,000 (issue 24,
    # target 2); source_document has them all.
    per_document: list[dict] = field(default_factory=list)
    noted: list[dict] = field(default_factory=list)
    documents_noted: int = 0
    validation: object | None = None  # expectations.runner.Validation of the documents loaded
    report: tuple[Path, Path] | None = None  # quality report (HTML, Markdown)
    phases: list = field(default_factory=list)  # flows/phases.Phase: where the run's time went


@dataclass
class Discovery:
    files: list[Path] = field(default_factory=list)
    refused: list[Failure] = field(default_factory=list)  # never read: links outside the inbox, pipes, devices
    duplicates: list[Failure] = field(default_factory=list)  # a second file with a name already taken: never read
    ignored: list[str] = field(default_factory=list)  # hidden files and other types, named so nothing vanishes unseen


def discover(paths: list[Path]) -> Discovery:
    """Files to ingest under the given files/folders, in a stable order.

    A link under a folder that leads outside it is refused unread; so is a second file with a
    name already taken (documents are identified by file name)."""
    found: set[Path] = set()
    result = Discovery()
    for root in paths:
        if root.is_dir():
            base = root.resolve()
            for parts, entry in sorted(_walk(str(root), ()), key=lambda found: found[0]):
                p = root.joinpath(*parts)
                if isinstance(entry, OSError):  # Path.rglob passed such a folder over in silence
                    result.refused.append(
                        Failure(p.name, str(p), "discover", f"refused: cannot list the folder ({entry.strerror or entry})")
                    )
                elif any(part.startswith(".") for part in parts) or p.suffix.lower() not in formats.SUFFIXES:
                    result.ignored.append("/".join(parts))
                elif entry.is_symlink() and not (target := p.resolve()).is_relative_to(base):
                    # linked folders are not walked into, so only a link itself can lead out
                    result.refused.append(
                        Failure(p.name, str(p), "discover", f"refused: the link leads outside {root} (to {target})")
                    )
                elif not entry.is_file():
                    result.refused.append(
                        Failure(p.name, str(p), "discover", "refused: not a regular file (a broken link, a pipe or a device)")
                    )
                else:
                    found.add(p)
        elif root.is_file():
            found.add(root)
        else:
            raise FileNotFoundError(f"no such file or folder: {root}")
    by_name: dict[str, Path] = {}
    for path in sorted(found, key=lambda p: (p.name, str(p))):
        if path.name in by_name:
            result.duplicates.append(
                Failure(
                    path.name,
                    str(path),
                    "discover",
                    f"{by_name[path.name]} has the same file name, and documents are identified by file name; rename one of them",
                )
            )
        else:
            by_name[path.name] = path
            result.files.append(path)
    return result


def _walk(folder: str, parts: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], os.DirEntry | OSError]]:
    """(path parts under the root, entry) of everything but folders under `folder`, and (the
    folder's parts, the error) for a folder that cannot be listed; a linked folder is neither
    walked into nor listed. os.scandir's entries carry their type: Path.rglob and a stat or three
    a file were most of the nothing-changed run (~150 ms of its 470 at 2,000 files, issue 24)."""
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError as exc:
        yield parts, exc
        return
    for entry in entries:
        if entry.is_dir():
            if not entry.is_symlink():
                yield from _walk(entry.path, (*parts, entry.name))
        else:
            yield (*parts, entry.name), entry


def fingerprint(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def prepare(path: Path, sha256: str, max_bytes: int | None = None) -> Prepared | Failure:
    """Read, extract and normalize one file. Known input problems come back as a Failure with
    the cause; anything else is a bug and is reported as one, naming the file."""
    from extract.documents import read_document
    from flows.second_reading import second_reading
    from load.warehouse import DocumentRecord
    from transform.normalize import normalize_document

    stage = "extract"
    try:
        doc = read_document(path, max_bytes)
        stage = "transform"
        normalized = normalize_document(doc, path.name)
        doc, normalized, _ = second_reading(path, doc, normalized)  # the OCR'd cells of failing sums, read again
    except ExtractError as exc:
        return Failure(path.name, str(path), stage, str(exc), sha256)
    except OSError as exc:
        if is_transient(exc):
            raise  # the flow retries it with back-off
        return Failure(path.name, str(path), "read", f"cannot read the file: {exc.strerror or exc}", sha256)
    except MemoryError:
        return Failure(
            path.name, str(path), stage, "ran out of memory: over the memory limit for one file (setting memory_mb)", sha256
        )
    except Exception as exc:  # a parser bug must not stop the other files
        return Failure.internal(path, stage, exc, sha256)
    record = DocumentRecord(
        source_file=path.name,
        path=str(path.resolve()),
        sha256=sha256,
        format=doc.format,
        encoding=doc.encoding,
        n_lines=doc.n_lines,
        n_pages=doc.n_pages,
        department=doc.department,
        fiscal_year=doc.fiscal_year,
        parser_version=PARSER_VERSION,
        **identity_fields(doc.identity),
    )
    return Prepared(record, normalized)


def identity_fields(identity) -> dict:
    """The document's kind, scope, place and where its department was read, as loaded."""
    if identity is None:
        return {}
    variants = "; ".join(f"{name} ×{n}" for name, n in identity.variants) or None
    return {
        "document_kind": identity.kind,
        "scope": identity.scope,
        "government_level": identity.level,
        "region": identity.region,
        "unit_code": identity.unit_code,
        "department_sources": identity.sources_text(),
        "department_variants": variants,
        "department_placeholder": identity.placeholder,
    }


def is_transient(exc: BaseException) -> bool:
    """An I/O error that may pass if tried again (a network share, a file being written):
    not a missing file, a folder or a permission, and not a parser's error."""
    permanent = (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError)
    return isinstance(exc, OSError) and not isinstance(exc, permanent)


def store(warehouse: Warehouse, result: Prepared | Failure, summary: RunSummary, previously_loaded: bool) -> None:
    """A prepared document into the warehouse (its own transaction), or its failure recorded;
    either way counted in the run's summary."""
    if isinstance(result, Failure):
        warehouse.record_error(result.source_file, result.path, result.stage, result.message, result.sha256, PARSER_VERSION)
        summary.failed.append(result)
        return
    n = result.normalized
    warehouse.load_document(result.record, n.tables, n.facts, n.unplaced, n.pages, n.items)
    count_loaded(summary, document_stats(result), previously_loaded)


def document_stats(prepared: Prepared) -> dict:
    """What the run summary and the document's row need of its frames, computed where the frames
    are (a worker, before staging): the writer then loads the staged files without reading them."""
    n, record = prepared.normalized, prepared.record
    return {
        "n_tables": n.tables.height,
        "n_facts": n.facts.height,
        "n_unplaced": n.unplaced.height,
        "tables_by_kind": n.tables["statement"].to_list(),
        "tables_by_status": n.tables["status"].to_list(),
        "unplaced_by_reason": n.unplaced["reason"].to_list(),
        "per_document": {
            "source_file": record.source_file,
            "department": record.department,
            "fiscal_year": record.fiscal_year,
            "kind": record.document_kind,
            "scope": record.scope,
            "tables": n.tables.height,
            "loaded_tables": n.tables["status"].to_list().count("loaded"),
            "facts": n.facts.height,
            "unplaced": n.unplaced.height,
            "format": record.format,
            # counted in Python: a polars expression starts its engine's threads, ~1 ms a document
            # in a busy worker against 0.3 alone (py-spy of the 2,000-document nightly; issue 24)
            "placed_by_arithmetic": sum(1 for p in n.facts["placement"].to_list() if p and p.startswith("arithmetic")),
            "ambiguous": n.unplaced["reason"].to_list().count("ambiguous_column"),
            "items": [
                n.items[t].height
                for t in ("project", "fact_three_public", "performance_target", "fact_line_item", "narrative_fact")
                if t in n.items
            ],
            "set_aside": [  # from the columns as lists: a polars filter costs its engine's start (~1 ms)
                f"{number or title}: {notes}"
                for number, title, notes in zip(
                    n.tables["table_number"].to_list(), n.tables["title"].to_list(), n.tables["placement_notes"].to_list()
                )
                if notes is not None
            ],
        },
    }


def count_loaded(summary: RunSummary, stats: dict, previously_loaded: bool) -> None:
    """A loaded document in the run summary."""
    (summary.changed if previously_loaded else summary.new).append(stats["per_document"]["source_file"])
    summary.tables_by_kind.update(stats["tables_by_kind"])
    summary.tables_by_status.update(stats["tables_by_status"])
    summary.facts += stats["n_facts"]
    summary.unplaced += stats["n_unplaced"]
    summary.unplaced_by_reason.update(stats["unplaced_by_reason"])
    document = stats["per_document"]
    if len(summary.per_document) < SHOWN_PER_TABLE:
        summary.per_document.append(document)
    if document["set_aside"] or document["ambiguous"]:
        summary.documents_noted += 1
        if len(summary.noted) < SHOWN_PER_TABLE:
            summary.noted.append(document)
