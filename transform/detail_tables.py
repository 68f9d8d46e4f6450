"""Tables whose rows are classification subjects (code and/or name) and whose columns are measures."""
from __future__ import annotations

from extract.cells import DECIMAL_AMOUNT, normalize_label
from extract.model import RawRow
from transform import codes
from transform.arithmetic import TOTAL_LABELS
from transform.headers import Column
from transform.sink import Subject, TableSink


def place_detail(sink: TableSink, columns: list[Column]) -> None:
    offset = len(sink.table.header_rows)
    for i, (row, (subject, found, label)) in enumerate(zip(sink.table.rows, row_subjects(sink.table.rows, columns))):
        is_total = label is not None and label in TOTAL_LABELS
        reason = None if (found or is_total) else ("malformed_code" if _malformed_code(row, columns) else "no_subject")
        for col in columns:
            if col.role == "amount":
                if not col.path:
                    sink.amount(i + offset, row, col.index, "", None, None, None, label, "no_column_header")
                    continue
                sink.amount(i + offset, row, col.index, col.header, subject, col.measure, col.fund_source, label, reason)
            elif col.role in ("code", "name") and DECIMAL_AMOUNT.match(normalize_label(row.cells[col.index]) if col.index < len(row.cells) else ""):
                # an amount where a code or name belongs (a row shifted left): kept, with why
                sink.amount(i + offset, row, col.index, col.header, None, None, None, label, "number_in_label_column")
            elif col.role == "text":
                sink.amount(i + offset, row, col.index, col.header, None, None, None, label, "not_an_amount_column")
            elif col.role == "memo":
                sink.amount(i + offset, row, col.index, col.header, None, None, None, label, "memo_column")


def row_subjects(rows: list[RawRow], columns: list[Column]) -> list[tuple[Subject, bool, str | None]]:
    """Each row's subject (codes with their printed names), whether it has one, and its label."""
    groups = _code_groups(columns)
    names = _name_owner(columns, groups)
    assemblers = [codes.SplitCodeAssembler() for _ in groups]
    out = []
    for row in rows:
        cell = lambda c: row.cells[c] if c < len(row.cells) else ""  # noqa: E731
        subject = Subject()
        found = False
        for g, group in enumerate(groups):
            parts = [cell(c) for c in group]
            code = _single_code(parts[0]) if len(group) == 1 else assemblers[g].code(parts)
            if not code:
                continue
            name = next((normalize_label(cell(c)) for c, owner in names.items() if owner == g and cell(c).strip()), None)
            scheme = codes.scheme_of(code)
            if scheme == codes.FUNCTION:
                subject.function_code, subject.function_name = code, name
            elif scheme == codes.ECON_DEPARTMENT:
                subject.econ_code, subject.econ_name = code, name
            elif scheme == codes.ECON_GOVERNMENT:
                subject.gov_code, subject.gov_name = code, name
            found = found or scheme is not None
        out.append((subject, found, _row_label(row.cells, columns)))
    return out


def _malformed_code(row: RawRow, columns: list[Column]) -> bool:
    """A code column printing digits that are no 3/5/7-digit code ('210499')."""
    return any(
        col.role == "code" and col.index < len(row.cells) and row.cells[col.index].strip().isdigit()
        and not codes.CODE.match(row.cells[col.index].strip())
        for col in columns
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
