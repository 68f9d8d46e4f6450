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
from transform.checks.reconcile import reconcile_comparisons
from transform.checks.reference import reference_rows
from transform.checks.rollups import rollup_comparisons
from transform.checks.structure import fact_rows, table_rows


def check_frames(facts: pl.DataFrame, tables: pl.DataFrame, uncertain: set[tuple[str, int, int]],
                 pages: pl.DataFrame | None = None, items: tuple[pl.DataFrame, ...] | None = None,
                 documents: pl.DataFrame | None = None) -> dict[str, pl.DataFrame]:
    """Each suite's frame, from the documents' facts, tables, PDF pages, (project amounts, 三公
    amounts, narrative execution figures) and who the documents are (pure)."""
    rows = fact_rows(facts.select(FACT_COLUMNS))
    reconciliation = reconcile_comparisons(rows, uncertain)
    if items is not None:
        projects, three_public, *narrative = items
        reconciliation = pl.concat([reconciliation, disclosure_comparisons(rows, projects, three_public),
                                    *(execution_comparisons(rows, n) for n in narrative),
                                    *(narrative_comparisons(rows, n) for n in narrative)])
    return {
        "documents": None if documents is None else document_rows(documents),
        "structure": rows,
        "tables": table_rows(tables),
        "pages": pages,
        "rollups": rollup_comparisons(rows, uncertain),
        "reconciliation": reconciliation,
        "reference": reference_rows(rows),
    }


# Documents validated together. Every check is within one document (its sums, its codes, its
# cells), so the findings do not depend on this; it bounds what one pass holds (its facts, check
# frames, their pandas copies and GX results: validating a whole run at once was most of the
# ~1.3 MiB a document the run's peak grew by before issue 24, 770 MiB at 200 documents and
# 3,071 MiB at 2,000), and each pass runs the seven checkpoints again, so it is not much smaller.
DOCUMENTS_PER_PASS = 200
SUMMARY_COLUMNS = ("source_file", "severity", "kind")  # what the run's summary keeps of each finding


def validate(warehouse: Warehouse, source_files: list[str] | None, reports_dir: Path,
             data_docs: bool = True) -> runner.Validation:
    """Validate the given documents (all loaded ones when None) and store their findings, a pass
    of up to DOCUMENTS_PER_PASS documents at a time. The Validation returned has the findings
    of every document (the columns of SUMMARY_COLUMNS when there was more than one pass)."""
    files = warehouse.documents() if source_files is None else list(source_files)
    passes = [files[i : i + DOCUMENTS_PER_PASS] for i in range(0, len(files), DOCUMENTS_PER_PASS)] or [files]
    done: list[runner.Validation] = []
    for part in passes:
        validation = _validate_pass(warehouse, part, reports_dir)
        if len(passes) > 1:
            validation.findings = validation.findings.select(SUMMARY_COLUMNS)
            validation.issues = None
        done.append(validation)
    return runner.combine(done, reports_dir, data_docs)


def _validate_pass(warehouse: Warehouse, files: list[str], reports_dir: Path) -> runner.Validation:
    facts, tables, uncertain = warehouse.check_inputs(files)
    pages = warehouse.check_pages(files)
    frames = check_frames(facts, tables, uncertain, pages, warehouse.check_items(files), warehouse.check_documents(files))
    validation = runner.run(frames, reports_dir, data_docs=False)
    validation.findings, validation.issues = issues.group(validation.findings)
    warehouse.replace_findings(files, validation.findings, validation.issues, document_scores(frames))
    return validation
