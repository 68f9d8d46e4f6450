"""Tables whose rows are classification subjects (code and/or name) and whose columns are measures."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.cells import DECIMAL_AMOUNT, normalize_label
from extract.model import RawRow
from transform import codes
from transform.arithmetic import TOTAL_LABELS
from transform.headers import Column, measure_of_label
from transform.sink import Subject, TableSink


def place_detail(sink: TableSink, columns: list[Column]) -> None:
    offset = len(sink.table.header_rows)
    for i, (row, by_group) in enumerate(zip(sink.table.rows, _group_subjects(sink.table.rows, columns))):
        row_label = _row_label(row.cells, columns)
        for col in columns:
            if col.role == "amount":
                subject, found, label = by_group.for_column(col.index, row_label)
                if not col.path:
                    sink.amount(i + offset, row, col.index, "", None, None, None, label, "no_column_header")
                    continue
                if col.unread:
                    sink.amount(i + offset, row, col.index, col.header, None, None, None, label, "ocr_header_unread")
                    continue
                measure, is_total = col.measure, label is not None and label in TOTAL_LABELS
                if not found and label is not None and (named := _MEASURE_TOTAL.match(label)):
                    # '人员经费合计 | 95.36 | 公用经费合计 | 10.23' (决算 基本支出表): a total of the measure it names
                    measure, is_total = measure_of_label(named.group(1)) or measure, True
                reason = None if (found or is_total) else ("malformed_code" if _malformed_code(row, columns) else "no_subject")
                if reason == "malformed_code":
                    label = f"{_printed_code(row, columns)} {label or ''}".strip()  # the code as printed: '210499 …'
                sink.amount(
                    i + offset,
                    row,
                    col.index,
                    col.header,
                    subject,
                    measure,
                    col.fund_source,
                    label,
                    reason,
                    line_role="total" if is_total and not found else None,
                )
            elif col.role in ("code", "name") and DECIMAL_AMOUNT.match(
                normalize_label(row.cells[col.index]) if col.index < len(row.cells) else ""
            ):
                # an amount where a code or name belongs (a row shifted left): kept, with why
                sink.amount(i + offset, row, col.index, col.header, None, None, None, row_label, "number_in_label_column")
            elif col.role == "text":
                sink.amount(i + offset, row, col.index, col.header, None, None, None, row_label, "not_an_amount_column")
            elif col.role == "memo":
                sink.amount(i + offset, row, col.index, col.header, None, None, None, row_label, "memo_column")


# A total row naming its measure: 人员经费合计, 公用经费合计.
_MEASURE_TOTAL = re.compile(r"^(人员经费|公用经费|基本支出|项目支出)合计$")


@dataclass
class _RowGroups:
    """One row's code groups in printed order: (first column, subject) of each group with a code."""

    groups: list[tuple[int, Subject]]
    names: list[tuple[int, str | None]]  # (first column, printed name) of every group, coded or not

    def for_column(self, col: int, row_label: str | None) -> tuple[Subject, bool, str | None]:
        """The subject an amount column belongs to: the codes of the groups left of it, the nearest
        one of each scheme winning. A 部门 code and the 政府 code beside it both apply (Shaanxi's pairs);
        two groups of one scheme side by side (决算 基本支出表: 301 … | 决算数 | 302 … | 决算数) are two
        subjects, each with the amounts to its right."""
        subject, found, side_by_side = Subject(), False, False
        for start, group_subject in self.groups:
            if start > col:
                break
            for field in ("function_code", "function_name", "econ_code", "econ_name", "gov_code", "gov_name"):
                value = getattr(group_subject, field)
                if value is not None:
                    side_by_side = side_by_side or (field.endswith("code") and getattr(subject, field) is not None)
                    setattr(subject, field, value)
            found = True
        owner = [name for start, name in self.names if start < col]
        if (side_by_side or not self.groups) and owner and owner[-1]:
            return subject, found, owner[-1]  # the label of its own group ('公用经费合计' right of '人员经费合计')
        return subject, found, row_label


def row_subjects(rows: list[RawRow], columns: list[Column]) -> list[tuple[Subject, bool, str | None]]:
    """Each row's subject over all its code groups (a 部门 code with the 政府 code beside it), whether
    it has one, and its label — for readers of whole rows (space-aligned placement, line items)."""
    out = []
    for row, by_group in zip(rows, _group_subjects(rows, columns)):
        subject, found, _ = by_group.for_column(len(row.cells) + len(columns), None)
        out.append((subject, found, _row_label(row.cells, columns)))
    return out


def _group_subjects(rows: list[RawRow], columns: list[Column]) -> list[_RowGroups]:
    groups = _code_groups(columns)
    names = _name_owner(columns, groups)
    assemblers = [codes.SplitCodeAssembler() for _ in groups]
    out = []
    for row in rows:
        cell = lambda c, row=row: row.cells[c] if c < len(row.cells) else ""  # noqa: E731
        coded, printed = [], []
        for g, group in enumerate(groups):
            parts = [cell(c) for c in group]
            code = _single_code(parts[0]) if len(group) == 1 else assemblers[g].code(parts)
            name = next((normalize_label(cell(c)) for c, owner in names.items() if owner == g and cell(c).strip()), None)
            label = normalize_label(parts[0]) if parts[0].strip() and not code else None  # '公用经费合计' in a code column
            printed.append((group[0], name or (label if label and not label.isdigit() else None)))
            scheme = codes.scheme_of(code) if code else None
            if scheme == codes.FUNCTION:
                coded.append((group[0], Subject(function_code=code, function_name=name)))
            elif scheme == codes.ECON_DEPARTMENT:
                coded.append((group[0], Subject(econ_code=code, econ_name=name)))
            elif scheme == codes.ECON_GOVERNMENT:
                coded.append((group[0], Subject(gov_code=code, gov_name=name)))
        out.append(_RowGroups(coded, printed))
    return out


def _malformed_code(row: RawRow, columns: list[Column]) -> bool:
    """A code column printing digits that are no 3/5/7-digit code ('210499')."""
    return any(
        col.role == "code"
        and col.index < len(row.cells)
        and row.cells[col.index].strip().isdigit()
        and not codes.CODE.match(row.cells[col.index].strip())
        for col in columns
    )


def _printed_code(row: RawRow, columns: list[Column]) -> str:
    """The code cells of a row as printed, joined ('7 11 02', '210499')."""
    return " ".join(
        row.cells[c.index].strip()
        for c in columns
        if c.role == "code" and c.index < len(row.cells) and row.cells[c.index].strip()
    )


def _code_groups(columns: list[Column]) -> list[list[int]]:
    """Consecutive code columns form one code (类 | 款 | 项), or one column holds it whole."""
    groups: list[list[int]] = []
    prev = None
    for col in columns:
        if col.role == "code":
            split = col.path and col.path[-1] in ("类", "款", "项")
            if groups and prev == col.index - 1 and split and col.path[-1] != "类":
                groups[-1].append(col.index)
            else:
                groups.append([col.index])
            prev = col.index
    return groups


def _name_owner(columns: list[Column], groups: list[list[int]]) -> dict[int, int]:
    """A name column names the code group printed just before it."""
    owner: dict[int, int] = {}
    for col in columns:
        if col.role != "name":
            continue
        before = [g for g, group in enumerate(groups) if group[-1] < col.index]
        if before:
            owner[col.index] = before[-1]
    return owner


def _single_code(text: str) -> str | None:
    code = normalize_label(text)  # full-width digits are the same code
    return code if codes.CODE.match(code) else None


def _row_label(cells: tuple[str, ...], columns: list[Column]) -> str | None:
    for col in columns:
        if col.role in ("code", "name", "unit_code") and col.index < len(cells):
            text = normalize_label(cells[col.index])
            if text and not text.isdigit():
                return text
    return None
