"""Validation after loading: check frames from the warehouse -> Great Expectations -> findings
back into the warehouse, replaced per document. Findings about documents never fail the run."""
from __future__ import annotations

from pathlib import Path

from expectations import issues, runner
from expectations.checks.frames import check_frames
from expectations.scores import document_scores
from load.warehouse import Warehouse


def validate(warehouse: Warehouse, source_files: list[str] | None, reports_dir: Path,
             data_docs: bool = True) -> runner.Validation:
    """Validate the given documents (all loaded ones when None) and store their findings."""
    files = warehouse.documents() if source_files is None else list(source_files)
    facts, tables, uncertain = warehouse.check_inputs(files)
    pages = warehouse.check_pages(files)
    frames = check_frames(facts, tables, uncertain, pages, warehouse.check_items(files), warehouse.check_documents(files))
    validation = runner.run(frames, reports_dir, data_docs)
    validation.findings, validation.issues = issues.group(validation.findings)
    warehouse.replace_findings(files, validation.findings, validation.issues, document_scores(frames))
    return validation
