"""Collects one table's facts and unplaced cells, so every numeric cell ends in exactly one of them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from extract.cells import normalize_label
from extract.model import RawRow, RawTable
from transform import codes
from transform.amounts import is_blank, parse_amount, to_yuan
from transform.line_roles import line_role as role_of_line
from transform.statements import Statement

_DIGIT = re.compile(r"\d")
# Unplaced reasons of a number whose column's meaning is unknown (its column left open by the
# arithmetic, without a header, or under a header OCR read as naming nothing): the sums of its row
# cannot be checked, for they would be computed without it (a false error: 合计 = 人员经费 "failing"
# by the unread column's figure on the 001 scan).
UNKNOWN_COLUMN = ("ambiguous_column", "no_column_header", "ocr_header_unread")


@dataclass
class Subject:
    """What a row is about: a function code and/or a 部门/政府 economic pair, with printed names."""

    function_code: str | None = None
    function_name: str | None = None
    econ_code: str | None = None
    econ_name: str | None = None
    gov_code: str | None = None
    gov_name: str | None = None

    def economic(self) -> tuple[str | None, str | None, str | None]:
        if self.econ_code:
            return codes.ECON_DEPARTMENT, self.econ_code, self.econ_name
        if self.gov_code:
            return codes.ECON_GOVERNMENT, self.gov_code, self.gov_name
        return None, None, None


@dataclass
class TableSink:
    source_file: str
    table: RawTable
    statement: Statement
    unit: str | None
    facts: list[dict] = field(default_factory=list)
    unplaced: list[dict] = field(default_factory=list)
    # How each row's cells got their columns (row_index -> method); printed columns by default.
    placements: dict[int, str] = field(default_factory=dict)
    # Rows with a number whose column is unknown: their blank cells are not known blanks.
    uncertain_rows: set[int] = field(default_factory=set)
    # ((function, econ, gov, measure, fund), amount in 元 or None for a printed blank): what
    # this table says, for placing the numbers of its sibling tables.
    observed: list[tuple[tuple, Decimal | None]] = field(default_factory=list)
    # The sibling keys this table's placement looked up: its result depends on no other figure.
    consulted: set[tuple] = field(default_factory=set)
    # Rows for the other fact tables (project, fact_three_public, …), by warehouse table.
    items: dict[str, list[dict]] = field(default_factory=dict)
    # (row_index, col) of the cells an item parser used: the other numbers are unplaced.
    consumed: set[tuple[int, int]] = field(default_factory=set)

    def amount(
        self,
        row_index: int,
        row: RawRow,
        col: int,
        header: str,
        subject: Subject | None,
        measure: str | None,
        fund: str | None,
        label: str | None,
        reason: str | None = None,
        line_role: str | None = None,
    ) -> None:
        """Place one cell: a fact when subject, measure and unit are known, else an unplaced cell with why.
        line_role defaults to what the row's label says (transform/line_roles.py)."""
        text = row.cells[col] if col < len(row.cells) else ""
        value = parse_amount(text)
        if not reason and subject is not None and measure and fund and self.unit and row_index not in self.uncertain_rows:
            if is_blank(text) or value is not None:
                key = (subject.function_code, subject.econ_code, subject.gov_code, measure, fund)
                self.observed.append((key, to_yuan(value, self.unit) if value is not None else None))
        if is_blank(text):
            return
        if value is None:
            if _DIGIT.search(text):
                self.reject(row_index, row, col, header, label, "not_a_number")
            return
        if reason:
            return self.reject(row_index, row, col, header, label, reason)
        yuan = self.yuan(row_index, row, col, header, label, value, self.unit)
        if yuan is None:
            return
        subject = subject or Subject()
        scheme, econ_code, econ_name = subject.economic()
        self.facts.append(
            {
                **self._where(row_index, row, col),
                "department": self.table.department,
                "fiscal_year": self.table.fiscal_year,
                "function_code": subject.function_code,
                "function_name": subject.function_name,
                "economic_scheme": scheme,
                "economic_code": econ_code,
                "economic_name": econ_name,
                "gov_economic_code": subject.gov_code,
                "gov_economic_name": subject.gov_name,
                "measure": measure,
                "fund_source": fund,
                "line_role": line_role
                or role_of_line(
                    label, subject.function_code is not None or econ_code is not None or subject.gov_code is not None
                ),
                "amount_yuan": yuan,
                "amount_printed": text,
                "unit_printed": self.unit,
                "row_label": label,
                "column_header": header,
                "placement": self.placements.get(row_index, "printed_columns"),
                **read_by(row, col),
            }
        )

    def yuan(
        self, row_index: int, row: RawRow, col: int, header: str, label: str | None, value: Decimal, unit: str | None
    ) -> Decimal | None:
        """A printed amount in 元; None, with the cell unplaced and why, when the unit is unknown
        or the conversion would lose digits."""
        if unit is None:
            self.reject(row_index, row, col, header, label, "unit_unknown")
            return None
        yuan = to_yuan(value, unit)
        if yuan is None:
            self.reject(row_index, row, col, header, label, "sub_cent_precision")
        return yuan

    def reject(
        self, row_index: int, row: RawRow, col: int | None, header: str, label: str | None, reason: str, text: str | None = None
    ) -> None:
        """An unplaced cell; col is None for a token whose column is unknown (then text is given)."""
        self.unplaced.append(
            {
                **self._where(row_index, row, col),
                "cell_text": text if text is not None else (row.cells[col] if col < len(row.cells) else ""),
                "row_label": label,
                "column_header": header,
                "reason": reason,
                **read_by(row, col),
            }
        )

    def item(self, table: str, row_index: int, row: RawRow, col: int | None = None, **fields) -> dict:
        """One row of another fact table, with the cell's (or the row's) provenance."""
        if col is not None:
            self.consumed.add((row_index, col))
        out = {
            **self._where(row_index, row, col),
            "department": self.table.department,
            "fiscal_year": self.table.fiscal_year,
            **fields,
        }
        self.items.setdefault(table, []).append(out)
        return out

    def reject_numeric_cells(self, rows: list[RawRow], reason: str, start: int = 0, aligned: bool = True) -> None:
        """Every number in these rows is unplaced (a table whose kind is not modelled yet).
        Tokens of a space-aligned row have no column: their col_index stays empty."""
        for i, row in enumerate(rows, start=start):
            for c, text in enumerate(row.cells):
                if parse_amount(text) is not None:
                    self.reject(i, row, c if aligned else None, "", first_text(row.cells), reason, text)

    def _where(self, row_index: int, row: RawRow, col: int | None) -> dict:
        return {
            "source_file": self.source_file,
            "table_index": self.table.index,
            "row_index": row_index,
            "col_index": col,
            "line": row.line,
            "page": row.page if row.page is not None else self.table.page,
            "cell_box": cell_box(row, col),
        }


def first_text(cells: tuple[str, ...]) -> str | None:
    """The row's first printed text that is not a number: its label."""
    for c in cells:
        if c.strip() and parse_amount(c) is None:
            return normalize_label(c)
    return None


def read_by(row: RawRow, col: int | None) -> dict:
    """How the cell was read: 'text' (a text layer or a text file) or 'ocr', with the OCR score of
    its least sure character and whether its text is a second reading's (None for text)."""
    if row.confidences is None:
        return {"read_by": "text", "ocr_confidence": None, "ocr_reread": None}
    score = row.confidences[col] if col is not None and col < len(row.confidences) else None
    if score is None and col is None:  # a token without a column: the row's least sure cell
        score = min((c for c in row.confidences if c is not None), default=None)
    reread = bool(row.reread and col is not None and col < len(row.reread) and row.reread[col])
    return {"read_by": "ocr", "ocr_confidence": score, "ocr_reread": reread}


def cell_box(row: RawRow, col: int | None) -> str | None:
    """'x0,top,x1,bottom' in PDF points from the page's top-left: where to look on the page."""
    if row.boxes is None or col is None or col >= len(row.boxes) or row.boxes[col] is None:
        return None
    return box_text(row.boxes[col])


def box_text(box: tuple[float, ...]) -> str:
    """A box as facts and unplaced cells print it: 'x0,top,x1,bottom', to a tenth of a point."""
    return ",".join(f"{v:.1f}" for v in box)
