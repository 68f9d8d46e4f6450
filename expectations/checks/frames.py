"""Each suite's frame, from what the warehouse holds about the documents (pure): the one place
that says which check feeds which suite (expectations/gx/expectations/<suite>.json)."""

from __future__ import annotations

import polars as pl

from expectations.checks.cells import FACT_COLUMNS
from expectations.checks.disclosure import disclosure_comparisons
from expectations.checks.documents import document_rows
from expectations.checks.execution import execution_comparisons
from expectations.checks.narrative import narrative_comparisons
from expectations.checks.ocr_proof import ocr_proofs, with_proofs, with_read_by
from expectations.checks.reconcile import reconcile_comparisons
from expectations.checks.reference import reference_rows
from expectations.checks.required_tables import required_rows
from expectations.checks.rollups import rollup_comparisons
from expectations.checks.structure import fact_rows, table_rows


def check_frames(
    facts: pl.DataFrame,
    tables: pl.DataFrame,
    uncertain: set[tuple[str, int, int]],
    pages: pl.DataFrame | None = None,
    items: tuple[pl.DataFrame, ...] | None = None,
    documents: pl.DataFrame | None = None,
) -> dict[str, pl.DataFrame]:
    """Each suite's frame, from the documents' facts, tables, PDF pages, (project amounts, 三公
    amounts, narrative execution figures) and who the documents are."""
    rows = fact_rows(with_read_by(facts).select(FACT_COLUMNS))
    reconciliation = reconcile_comparisons(rows, uncertain)
    if items is not None:
        projects, three_public, *narrative = items
        reconciliation = pl.concat(
            [
                reconciliation,
                disclosure_comparisons(rows, projects, three_public),
                *(execution_comparisons(rows, n) for n in narrative),
                *(narrative_comparisons(rows, n, three_public) for n in narrative),
            ]
        )
    rollups = rollup_comparisons(rows, uncertain)
    return {
        "documents": None
        if documents is None
        else document_rows(documents).join(required_rows(documents, tables), on="source_file", how="left"),
        "structure": with_proofs(rows, ocr_proofs(rows, [rollups, reconciliation])),  # OCR'd cells a holding sum took
        "tables": table_rows(tables),
        "pages": pages,
        "rollups": rollups,
        "reconciliation": reconciliation,
        "reference": reference_rows(rows),
    }
