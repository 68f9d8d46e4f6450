"""A second reading of the OCR'd figures of the sums a scanned document breaks, in the per-file
worker while its file is at hand, before anything is loaded or reported.

After normalization, the document's row identities, roll-ups and table-to-table equalities are
computed as validation will (expectations/checks: rollups, reconcile; pure, no database). Every
cell read by OCR that a failing one takes is read again on its own at a higher resolution
(extract/ocr_reread.py). A reading that differs is taken only when

- its confidence is comparable to the first reading's (at least that less REREAD_SCORE_MARGIN), and
- with it the document's sums hold better: more of them hold and fewer fail (one by one, each
  candidate against the document as it stands, so a reading never trades one sum for another).

What is taken replaces the cell as printed (its text and its confidence: the second reading's;
the fact says ``ocr_reread``); the document is normalized again. Nothing else changes: a sum
that still fails is reported by validation as its rule's error, naming the cells read by OCR; a
figure no holding sum takes stays an ``ocr_unverified`` warning. A sum that fails on the page as printed reads the same the second
time, so nothing is taken: a printed mistake is never "fixed".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import polars as pl

from expectations.checks.reconcile import reconcile_comparisons
from expectations.checks.rollups import rollup_comparisons
from expectations.checks.structure import fact_rows
from extract.model import RawDocument
from transform.amounts import parse_amount
from transform.normalize import NormalizedDocument, normalize_document
from transform.sink import cell_box

# How much lower than the first reading's the second reading's score may be and still be taken
# (scores 0–1, the lowest of the figure's characters). Measured on the 59 figures of the 004 scan
# read a second time at 300 and at 400 dpi (/work/notes/ocr2.md): all 59 read the same, scoring at
# most 0.001 lower; the margin leaves room for a poorer scan without taking a reading the
# recogniser itself doubts.
REREAD_SCORE_MARGIN = 0.05
# At most this many cells of a document are read again: the 59 of the 004 scan (9 pages rendered
# again) took 13 s on 2 busy cores; a document breaking more sums than that has no misread digit
# but a layout gone wrong, which reading cells again does not mend.
MAX_REREAD_CELLS = 60


@dataclass(frozen=True)
class SecondReading:
    """What the second reading did to a document: cells read again, and readings taken."""

    reread: int = 0
    taken: tuple[tuple[str, str, str], ...] = ()  # (cell 'page:box', first reading, second reading)


def second_reading(
    path: Path, doc: RawDocument, normalized: NormalizedDocument, reread=None
) -> tuple[RawDocument, NormalizedDocument, SecondReading]:
    """The document and its frames with the OCR'd cells of failing sums read again (see above).
    ``reread``: extract/ocr_reread.reread_cells, or a stand-in."""
    source_file = normalized.facts["source_file"][0] if normalized.facts.height else path.name
    facts = normalized.facts
    if not facts.height or "ocr" not in set(facts["read_by"].to_list()):
        return doc, normalized, SecondReading()
    failing, holding = _sums(normalized)
    suspects = _suspects(normalized, failing)
    if not suspects:
        return doc, normalized, SecondReading()
    from extract import ocr_reread  # OpenCV and the engine load only for a scan with a failing sum

    reread = reread or ocr_reread.reread_cells
    where = _raw_cells(doc)
    cells = [ocr_reread.Cell(page, box) for page, box in suspects[:MAX_REREAD_CELLS] if (page, _box_key(box)) in where]
    readings = reread(path, doc.pages, cells)
    taken = []
    for cell, (text, score) in readings.items():
        t, r, c = where[(cell.page, _box_key(cell.box))]
        row = doc.tables[t].rows[r]
        first, first_score = row.cells[c], (row.confidences or [None] * len(row.cells))[c]
        if not _differs(first, text) or score < (first_score or 0.0) - REREAD_SCORE_MARGIN:
            continue
        trial = _patched(doc, t, r, c, text, score)
        trial_norm = normalize_document(trial, source_file)
        trial_failing, trial_holding = _sums(trial_norm)
        if trial_failing.height < failing.height and trial_holding.height > holding.height:
            doc, normalized, failing, holding = trial, trial_norm, trial_failing, trial_holding
            taken.append((f"{cell.page}:{_box_key(cell.box)}", first, text))
    return doc, normalized, SecondReading(len(readings), tuple(taken))


def _sums(normalized: NormalizedDocument) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(failing, holding) comparisons of the document, as validation makes them."""
    tables = normalized.tables.select("table_index", pl.col("title").alias("table_title"), "statement")
    rows = fact_rows(normalized.facts.join(tables, on="table_index", how="left"))
    ambiguous = normalized.unplaced.filter(pl.col("reason") == "ambiguous_column") if normalized.unplaced.height else None
    uncertain = set(ambiguous.select("source_file", "table_index", "row_index").rows()) if ambiguous is not None else set()
    comparisons = pl.concat([rollup_comparisons(rows, uncertain), reconcile_comparisons(rows, uncertain)])
    held = pl.col("abs_difference_mills") <= pl.col("tolerance_mills")
    return comparisons.filter(~held), comparisons.filter(held)


def _suspects(normalized: NormalizedDocument, failing: pl.DataFrame) -> list[tuple[int, tuple[float, ...]]]:
    """(page, box) of the OCR'd cells the failing sums take, most taken first."""
    if not failing.height:
        return []
    counts = failing.filter(pl.col("n_ocr_cells") > 0).explode("cells").group_by("cells").len()
    facts = normalized.facts.filter((pl.col("read_by") == "ocr") & pl.col("cell_box").is_not_null()).with_columns(
        pl.concat_str(["table_index", "row_index", "col_index"], separator=":").alias("cells")
    )
    hit = facts.join(counts, on="cells").sort(["len", "page", "cell_box"], descending=[True, False, False])
    return [
        (page, tuple(float(v) for v in box.split(",")))
        for page, box in hit.select("page", "cell_box").unique(maintain_order=True).rows()
    ]


def _box_key(box: tuple[float, ...]) -> str:
    return ",".join(f"{v:.1f}" for v in box)


def _raw_cells(doc: RawDocument) -> dict[tuple[int, str], tuple[int, int, int]]:
    """(page, cell box as facts print it) -> (table, row, cell) positions in the raw document."""
    out = {}
    for t, table in enumerate(doc.tables):
        for r, row in enumerate(table.rows):
            for c in range(len(row.cells)):
                box = cell_box(row, c)
                if box is not None and row.confidences is not None:
                    out[(row.page if row.page is not None else table.page, box)] = (t, r, c)
    return out


def _differs(first: str, second: str) -> bool:
    """Whether the second reading is another amount (not the same one printed otherwise)."""
    a, b = parse_amount(first), parse_amount(second)
    return b is not None and (a is None or Decimal(a) != Decimal(b))


def _patched(doc: RawDocument, t: int, r: int, c: int, text: str, score: float) -> RawDocument:
    row = doc.tables[t].rows[r]
    cells = row.cells[:c] + (text,) + row.cells[c + 1 :]
    confidences = row.confidences[:c] + (round(score, 4),) + row.confidences[c + 1 :]
    reread = tuple(k == c or bool(row.reread and row.reread[k]) for k in range(len(row.cells)))
    rows = list(doc.tables[t].rows)
    rows[r] = replace(row, cells=cells, confidences=confidences, reread=reread)
    tables = list(doc.tables)
    tables[t] = replace(doc.tables[t], rows=rows)
    return replace(doc, tables=tables)
