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

Before the sums, a header cell the first reading left blank over a column the normalizer could not
place (flows/blank_headers.py: the 款 over a split code column, missed at 5 pt) is read the same
way; what is read there is taken when with it fewer of the document's cells are unplaced and no
more of its sums fail. A header blank on paper reads blank again, and nothing changes. A header
OCR read as words naming nothing (flows/unread_headers.py: 项支出) is taken as the one printed label
near it with which fewer cells are unplaced and, of the sums that tell columns apart (a row
identity across columns, an equality with another table; a roll-up down a column holds or fails
under any header and says nothing of a label), more hold and none more fails: two labels that
both do leave it unread.
And a cell read as no number that can only be one figure (a comma before its last two digits, '665,59') is
taken as that figure when a sum of the document then holds with it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import polars as pl

from expectations.checks.reconcile import reconcile_comparisons
from expectations.checks.rollups import CODE_ROLLUP, TOTAL_ROLLUP, rollup_comparisons
from expectations.checks.structure import fact_rows
from extract.model import RawDocument
from flows.blank_headers import blank_header_cells
from flows.unread_headers import unread_header_cells
from transform.amounts import decimal_comma_figure, parse_amount
from transform.normalize import NormalizedDocument, normalize_document
from transform.sink import UNKNOWN_COLUMN, box_text, cell_box

# How much lower than the first reading's the second reading's score may be and still be taken
# (scores 0–1, the lowest of the figure's characters). Measured on the 59 figures of the 004 scan
# read a second time at 300 and at 400 dpi (/work/notes/ocr2.md): all 59 read the same, scoring at
# most 0.001 lower; the margin leaves room for a poorer scan without taking a reading the
# recogniser itself doubts.
REREAD_SCORE_MARGIN = 0.05
# At most this many cells of a document are read again (header cells and cells of failing sums, each):
# the 59 of the 004 scan (9 pages rendered again) took 13 s on 2 busy cores; a document breaking
# more sums than that has no misread digit but a layout gone wrong, which reading cells again does
# not mend.
MAX_REREAD_CELLS = 60


@dataclass(frozen=True)
class SecondReading:
    """What the second reading did to a document: cells read again, and readings taken."""

    reread: int = 0
    taken: tuple[tuple[str, str, str], ...] = ()  # (cell 'page:box', first reading, second reading)


@dataclass(frozen=True)
class _Standing:
    """The document as it stands in the second reading: its raw tables, its frames and its sums."""

    doc: RawDocument
    normalized: NormalizedDocument
    failing: pl.DataFrame
    holding: pl.DataFrame


def second_reading(
    path: Path, doc: RawDocument, normalized: NormalizedDocument, reread=None
) -> tuple[RawDocument, NormalizedDocument, SecondReading]:
    """The document and its frames with the blank header cells over unplaced columns and the
    OCR'd cells of failing sums read again (see above). ``reread``:
    extract/ocr_reread.reread_cells, or a stand-in."""
    source_file = normalized.facts["source_file"][0] if normalized.facts.height else path.name
    facts = normalized.facts
    if not facts.height or "ocr" not in set(facts["read_by"].to_list()):
        return doc, normalized, SecondReading()
    reread = reread or _engine
    now = _Standing(doc, normalized, *_sums(normalized))
    where = _raw_cells(doc)  # body cells only: what the readings below patch moves no cell
    now, n_headers, taken = _read_headers(path, now, source_file, reread)
    now, labels = _printed_labels(now, source_file)
    now, commas = _decimal_commas(now, source_file, where)
    now, n_sums, reread_sums = _read_failing(path, now, source_file, reread, where)
    return now.doc, now.normalized, SecondReading(n_headers + n_sums, tuple(taken + labels + commas + reread_sums))


def _engine(path: Path, pages, cells):
    from extract import ocr_reread  # OpenCV and the engine load only when a scan has cells to read again

    return ocr_reread.reread_cells(path, pages, cells)


def _trial(now: _Standing, source_file: str, t: int, part: str, r: int, c: int, text: str, score: float) -> _Standing:
    """The document with one cell read as ``text`` (see _patched), normalized again, and its sums."""
    doc = _patched(now.doc, t, part, r, c, text, score)
    normalized = normalize_document(doc, source_file)
    return _Standing(doc, normalized, *_sums(normalized))


def _read_headers(path: Path, now: _Standing, source_file: str, reread) -> tuple[_Standing, int, list[tuple[str, str, str]]]:
    """The blank header cells over unplaced columns (flows/blank_headers.py) read again; a reading
    is taken when with it fewer cells of the document are unplaced and no more sums fail."""
    blanks = blank_header_cells(now.doc, now.normalized)[:MAX_REREAD_CELLS]
    if not blanks:
        return now, 0, []
    from extract.ocr_reread import Cell

    readings = reread(path, now.doc.pages, [Cell(b.page, b.box) for b in blanks])
    taken = []
    for blank in blanks:
        text, score = readings.get(Cell(blank.page, blank.box), ("", 0.0))
        text = text.strip()
        if not text:
            continue
        trial = _trial(now, source_file, blank.table, "header_rows", blank.row, blank.col, text, score)
        if trial.normalized.unplaced.height < now.normalized.unplaced.height and trial.failing.height <= now.failing.height:
            now = trial
            taken.append((f"{blank.page}:{box_text(blank.box)}", "", text))
    return now, len(readings), taken


def _printed_labels(now: _Standing, source_file: str) -> tuple[_Standing, list[tuple[str, str, str]]]:
    """The OCR'd header cells naming nothing over unplaced columns, each taken as the one printed
    label near it that the document's sums prove (see above)."""
    taken = []
    for cell in unread_header_cells(now.doc, now.normalized)[:MAX_REREAD_CELLS]:
        proven = []
        for label in cell.labels:
            trial = _trial(now, source_file, cell.table, "header_rows", cell.row, cell.col, label, cell.score)
            if (
                trial.normalized.unplaced.height < now.normalized.unplaced.height
                and _across_columns(trial.failing) <= _across_columns(now.failing)
                and _across_columns(trial.holding) > _across_columns(now.holding)
            ):
                proven.append((label, trial))
        if len(proven) == 1:  # two labels proven alike say nothing of which: the column stays unread
            label, now = proven[0]
            taken.append((f"{cell.page}:{box_text(cell.box) if cell.box else ''}", cell.read, label))
    return now, taken


def _across_columns(comparisons: pl.DataFrame) -> int:
    """The sums that tell a column's meaning: all but the roll-ups down one column, which hold or
    fail alike under any header (a label changes no figure). Counted apart because the rows of an
    unread column take part in no sum until it is read (transform/sink.UNKNOWN_COLUMN): on the 001
    scan, 项目支出 brought back two rows whose 类 roll-ups fail as printed (tables 1 and 2 fail alike)."""
    return comparisons.filter(~pl.col("rule").is_in([CODE_ROLLUP, TOTAL_ROLLUP])).height


def _decimal_commas(now: _Standing, source_file: str, where: dict) -> tuple[_Standing, list[tuple[str, str, str]]]:
    """The OCR'd cells unplaced as not a number that can only be one figure
    (transform/amounts.decimal_comma_figure: '665,59'), each taken as that figure when with it more
    of the document's sums hold and none more fails."""
    unplaced = now.normalized.unplaced
    if not unplaced.height:
        return now, []
    misread = unplaced.filter((pl.col("reason") == "not_a_number") & (pl.col("read_by") == "ocr"))
    taken = []
    for page, box, first in misread.select("page", "cell_box", "cell_text").rows():
        figure = decimal_comma_figure(first)
        if figure is None or (page, box) not in where:
            continue
        t, r, c = where[(page, box)]
        score = (now.doc.tables[t].rows[r].confidences or ())[c]
        trial = _trial(now, source_file, t, "rows", r, c, figure, score or 0.0)
        if trial.failing.height <= now.failing.height and trial.holding.height > now.holding.height:
            now = trial
            taken.append((f"{page}:{box}", first, figure))
    return now, taken


def _read_failing(
    path: Path, now: _Standing, source_file: str, reread, where: dict
) -> tuple[_Standing, int, list[tuple[str, str, str]]]:
    """The OCR'd cells of the failing sums read again; a reading that differs is taken when its
    score is comparable and with it more sums hold and fewer fail (see above)."""
    suspects = _suspects(now.normalized, now.failing)
    if not suspects:
        return now, 0, []
    from extract.ocr_reread import Cell  # OpenCV and the engine load only for a scan with a failing sum

    cells = [Cell(page, box) for page, box in suspects[:MAX_REREAD_CELLS] if (page, box_text(box)) in where]
    readings = reread(path, now.doc.pages, cells)
    taken = []
    for cell, (text, score) in readings.items():
        t, r, c = where[(cell.page, box_text(cell.box))]
        row = now.doc.tables[t].rows[r]
        first, first_score = row.cells[c], (row.confidences or [None] * len(row.cells))[c]
        if not _differs(first, text) or score < (first_score or 0.0) - REREAD_SCORE_MARGIN:
            continue
        trial = _trial(now, source_file, t, "rows", r, c, text, score)
        if trial.failing.height < now.failing.height and trial.holding.height > now.holding.height:
            now = trial
            taken.append((f"{cell.page}:{box_text(cell.box)}", first, text))
    return now, len(readings), taken


def _sums(normalized: NormalizedDocument) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(failing, holding) comparisons of the document, as validation makes them."""
    tables = normalized.tables.select("table_index", pl.col("title").alias("table_title"), "statement")
    rows = fact_rows(normalized.facts.join(tables, on="table_index", how="left"))
    ambiguous = normalized.unplaced.filter(pl.col("reason").is_in(UNKNOWN_COLUMN)) if normalized.unplaced.height else None
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


def _patched(doc: RawDocument, t: int, part: str, r: int, c: int, text: str, score: float) -> RawDocument:
    """The document with one cell of table ``t``'s ``part`` ('rows' or 'header_rows') read as ``text``."""
    table = doc.tables[t]
    row = getattr(table, part)[r]
    cells = row.cells + ("",) * (c + 1 - len(row.cells))
    confidences = (row.confidences or (None,) * len(row.cells)) + (None,) * (c + 1 - len(row.cells))
    reread = tuple(k == c or bool(row.reread and k < len(row.reread) and row.reread[k]) for k in range(len(cells)))
    rows = list(getattr(table, part))
    rows[r] = replace(
        row,
        cells=cells[:c] + (text,) + cells[c + 1 :],
        confidences=confidences[:c] + (round(score, 4),) + confidences[c + 1 :],
        reread=reread,
    )
    tables = list(doc.tables)
    tables[t] = replace(table, **{part: rows})
    return replace(doc, tables=tables)
