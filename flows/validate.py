"""Validation after loading: check frames from the warehouse -> Great Expectations -> findings
back into the warehouse, replaced per document. Findings about documents never fail the run."""
from __future__ import annotations

from pathlib import Path

import polars as pl

from expectations import issues, runner
from expectations.scores import document_scores
from load.warehouse import Warehouse
from transform.checks.cells import FACT_COLUMNS
from transform.checks.disclosure import disclosure_comparisons
from transform.checks.documents import document_rows
from transform.checks.execution import execution_comparisons
from transform.checks.narrative import narrative_comparisons
from transform.checks.ocr_proof import ocr_proofs, with_proofs, with_read_by
from transform.checks.reconcile import reconcile_comparisons
from transform.checks.reference import reference_rows
from transform.checks.rollups import rollup_comparisons
from transform.checks.structure import fact_rows, table_rows


def check_frames(facts: pl.DataFrame, tables: pl.DataFrame, uncertain: set[tuple[str, int, int]],
                 pages: pl.DataFrame | None = None, items: tuple[pl.DataFrame, ...] | None = None,
                 documents: pl.DataFrame | None = None) -> dict[str, pl.DataFrame]:
    """Each suite's frame, from the documents' facts, tables, PDF pages, (project amounts, 三公
    amounts, narrative execution figures) and who the documents are (pure)."""
    rows = fact_rows(with_read_by(facts).select(FACT_COLUMNS))
    reconciliation = reconcile_comparisons(rows, uncertain)
    if items is not None:
        projects, three_public, *narrative = items
        reconciliation = pl.concat([reconciliation, disclosure_comparisons(rows, projects, three_public),
                                    *(execution_comparisons(rows, n) for n in narrative),
                                    *(narrative_comparisons(rows, n) for n in narrative)])
    rollups = rollup_comparisons(rows, uncertain)
    return {
        "documents": None if documents is None else document_rows(documents),
        "structure": with_proofs(rows, ocr_proofs(rows, [rollups, reconciliation])),
        "tables": table_rows(tables),
        "pages": pages,
        "rollups": rollups,
        "reconciliation": reconciliation,
        "reference": reference_rows(rows),
    }


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
    warehouse.mark_verified(files, frames["structure"])
    return validation
