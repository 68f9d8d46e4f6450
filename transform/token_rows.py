"""Rows of printed tokens (space-aligned text) -> rows positioned under the header's columns.

Codes and names fill the code/name columns left to right; the numbers go to the amount
columns where the table's arithmetic puts them (transform.placement); text after the
numbers is the 备注. What placement cannot decide is handed back as ambiguous.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from extract.model import RawRow
from extract.space_tokens import is_amount, is_code
from transform import placement
from transform.amounts import parse_amount
from transform.arithmetic import TOTAL_LABELS, Identity, column_identities, printed_nesting
from transform.detail_tables import row_subjects
from transform.headers import Column

_LABEL_ROLES = ("code", "unit_code", "name")


@dataclass
class Ambiguous:
    row: int  # position in the table's rows
    text: str
    candidates: tuple[str, ...]  # headers of the columns it could belong to


@dataclass
class AlignedRows:
    rows: list[RawRow]
    methods: list[str]  # per row: how its numbers were placed
    ambiguous: list[Ambiguous] = field(default_factory=list)
    set_aside: list[str] = field(default_factory=list)
    consulted: set[tuple] = field(default_factory=set)  # sibling keys the placement looked up


@dataclass
class _Split:
    cells: dict[int, str]
    numbers: list[str]


def align_detail(rows: list[RawRow], columns: list[Column], siblings: dict[tuple, Decimal | None] | None = None) -> AlignedRows:
    slots = [c for c in columns if c.role in ("amount", "memo")]
    splits = [_split(r.cells, columns) for r in rows]
    partial = [RawRow(_cells(s, {}, len(columns)), r.line, r.seq, r.page) for s, r in zip(splits, rows)]
    subjects = row_subjects(partial, columns)
    solver_rows = [
        placement.Row(
            [parse_amount(t) for t in s.numbers],
            len(slots),
            key=_subject_key(subj, found, label),
            name=f"{' '.join(v for _, v in sorted(s.cells.items()))} (line {r.line})",
        )
        for s, r, (subj, found, label) in zip(splits, rows, subjects)
    ]
    outcome = placement.solve(
        solver_rows,
        _identities(slots),
        _groups(partial, subjects),
        siblings,
        [(c.measure, c.fund_source) if c.role == "amount" else None for c in slots],
    )
    out = AlignedRows([], [])
    out.set_aside = outcome.set_aside
    out.consulted = outcome.consulted
    for pos, (split, row, srow) in enumerate(zip(splits, rows, outcome.rows)):
        placed: dict[int, str] = {}
        settled = srow.settled_slots()
        for k, (number, slot) in enumerate(zip(split.numbers, settled)):
            if slot is not None:
                placed[slots[slot].index] = number
            else:
                options = sorted({c[k] for c in srow.candidates}) if srow.candidates else range(len(slots))
                out.ambiguous.append(Ambiguous(pos, number, tuple(slots[o].header for o in options)))
        out.rows.append(RawRow(_cells(split, placed, len(columns)), row.line, row.seq, row.page))
        out.methods.append(_method(srow, split, len(slots)))
    return out


def _method(srow: placement.Row, split: _Split, n_slots: int) -> str:
    if not split.numbers:
        return "no_numbers"
    if len(split.numbers) == n_slots:
        return "all_columns_printed"
    if len(srow.candidates) != 1:
        return "ambiguous"
    return "arithmetic:" + "+".join(sorted(srow.decided_by)) if srow.decided_by else "only_placement"


def _split(tokens: tuple[str, ...], columns: list[Column]) -> _Split:
    """Leading codes and names to the code/name columns in order; then numbers; then text."""
    cells: dict[int, str] = {}
    i = 0
    last_text_col = None
    for col in columns:
        if col.role not in _LABEL_ROLES:
            continue
        if i >= len(tokens):
            break
        tok = tokens[i]
        if col.role in ("code", "unit_code") and is_code(tok):
            cells[col.index] = tok
            i += 1
        elif col.role == "name" and not is_amount(tok):
            cells[col.index] = tok
            last_text_col = col.index
            i += 1
    numbers: list[str] = []
    trailing: list[str] = []
    for tok in tokens[i:]:
        if is_amount(tok) and not trailing:
            numbers.append(tok)
        elif not numbers and last_text_col is not None:
            cells[last_text_col] += tok
        else:
            trailing.append(tok)
    text_col = next((c.index for c in columns if c.role == "text"), None)
    if trailing and text_col is not None:
        cells[text_col] = " ".join(trailing)
    elif trailing:
        numbers.extend(t for t in trailing if is_amount(t))
    return _Split(cells, numbers)


def _cells(split: _Split, placed: dict[int, str], n_cols: int) -> tuple[str, ...]:
    merged = {**split.cells, **placed}
    return tuple(merged.get(c, "") for c in range(n_cols))


def _subject_key(subject, found: bool, label: str | None) -> tuple | None:
    """What sibling tables know the row as: its codes, or the whole department for 合计."""
    if found:
        return (subject.function_code, subject.econ_code, subject.gov_code)
    return (None, None, None) if label in TOTAL_LABELS else None


def _identities(slots: list[Column]) -> list[Identity]:
    return column_identities([c.path for c in slots], [c.role == "memo" for c in slots])


def _groups(rows: list[RawRow], subjects) -> list[tuple[int, list[int]]]:
    total_row = next((i for i, (_, _, label) in enumerate(subjects) if label in TOTAL_LABELS), None)
    return printed_nesting([_lead_code(r) for r in rows], total_row)


def _lead_code(row: RawRow) -> str | None:
    for cell in row.cells:
        text = cell.strip()
        if text:
            return text if is_code(text) else None
    return None
