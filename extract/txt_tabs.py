"""Tables of a tab-separated text (a PDF converted with one tab between cells).

A table is a run of tab-bearing lines (blank lines inside do not break it). Its title,
表N, unit and department come from the plain lines above it. A run that follows a repeated
page header and repeats the previous table's column header continues that table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract import context
from extract.cells import CN_NUMERALS, DECIMAL_AMOUNT, ENUMERATION_MARK, LEADING_NUMBER, clean_cell, normalize_label
from extract.model import RawRow, RawTable

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CODE_LIKE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
_BODY_LABEL = re.compile(
    rf"^(?:合计|总计|小计|本年.*合计|.*总计|[{CN_NUMERALS}]+{ENUMERATION_MARK}|\d+{ENUMERATION_MARK}|[(（]\d+[)）])"
)

_NUMBER = re.compile(r"^[-+]?[\d,]+(?:\.\d+)?$")
_NUMBERED_NOTE = re.compile(r"^\s*\d+[.、]")
_NARRATIVE = re.compile(r"[。，;；]")
_DATE_LIKE = re.compile(r"[\d年月日（）()度\-./]+")
# A line longer than this is narrative prose, not a caption of the table below it: the samples'
# titles and captions are at most ~40 characters, their narrative lines 60 and more.
NARRATIVE_LINE_CHARS = 60
# A cell broken out of its table over the page ('339001-江' / '障局') is a short fragment; the
# samples' broken cells are at most 12 characters, their titles longer.
FRAGMENT_CHARS = 12
# A title found without 'X表' is short: the samples' real titles are under 40 characters.
FALLBACK_TITLE_CHARS = 40


@dataclass
class _Block:
    rows: list[tuple[int, tuple[str, ...]]]  # (1-based line, cells)
    context: list[tuple[int, str]] = field(default_factory=list)  # plain lines above it


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them (form feeds kept inside lines, not as breaks)."""
    return _LINE_BREAK.split(text)


def extract_tab_tables(text: str, *, department: str | None = None, fiscal_year: int | None = None) -> list[RawTable]:
    """Every table of a tab-separated text, in document order."""
    lines = split_lines(text)
    tables: list[RawTable] = []
    blocks, trailing = _blocks(lines)
    for block in blocks:
        notes, ctx = _split_notes(block.context)
        ctx = _near_context(ctx)
        if tables and notes:
            tables[-1].notes.extend(notes)
        table = _table_from_block(block, ctx, lines, len(tables), department, fiscal_year)
        previous = tables[-1] if tables else None
        if previous is not None and _continues(previous, table, ctx):
            _append(previous, table)
        else:
            tables.append(table)
    if tables:
        tables[-1].notes.extend(_split_notes(trailing)[0])
    return tables


def _blocks(lines: list[str]) -> tuple[list[_Block], list[tuple[int, str]]]:
    """Runs of tab lines with the plain lines above each; and the plain lines after the last."""
    blocks: list[_Block] = []
    pending: list[tuple[int, str]] = []
    current: _Block | None = None
    for i, line in enumerate(lines, start=1):
        if "\t" in line and _is_caption_row(line):
            line = " ".join(c for c in line.split("\t") if c.strip())  # a title or caption printed inside the grid
        if "\t" in line:
            if current is None:
                current = _Block(rows=[], context=pending)
                pending = []
            current.rows.append((i, tuple(clean_cell(c) for c in line.split("\t"))))
        elif line.strip():
            if current is not None:
                blocks.append(current)
                current = None
            pending.append((i, line))
    if current is not None:
        blocks.append(current)
    return blocks, pending


def _is_caption_row(line: str) -> bool:
    """A tab line that is no table row: a table's title alone ('2024年预算单位财政拨款收支预算总表'), or
    its caption ('编制单位：X' | '单位：元'), printed inside the ruled area of a PDF page."""
    cells = [c for c in line.split("\t") if c.strip()]
    if len(cells) == 1:
        return context.is_table_title(cells[0])
    return (
        bool(cells)
        and all(context.department_of(c) or context.unit_of(c) for c in cells)
        and any(context.department_of(c) for c in cells)
    )


def _split_notes(ctx: list[tuple[int, str]]) -> tuple[list[str], list[tuple[int, str]]]:
    """Lines opening with 注 or 说明 right after a table are that table's notes, not the next one's
    context (a 决算's empty table: '注：本表反映…' / '说明：…本年度没有…，故本表无数据。')."""
    notes: list[str] = []
    rest = list(ctx)
    while rest and (
        normalize_label(rest[0][1]).startswith(("注", "说明"))
        or (notes and _NUMBERED_NOTE.match(rest[0][1]))
        or (notes and normalize_label(rest[0][1]).endswith(("说明:", "说明：")))
    ):  # '…作下述说明：' / '说明：…无数据
        notes.append(clean_cell(rest.pop(0)[1]))
    return notes, rest


def _near_context(ctx: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Only the lines after the last narrative paragraph can describe the table below them."""
    for pos in range(len(ctx) - 1, -1, -1):
        text = normalize_label(ctx[pos][1])
        if len(text) > NARRATIVE_LINE_CHARS or _NARRATIVE.search(text):
            return ctx[pos + 1 :]
    return ctx


def _table_from_block(block, ctx, lines, index, department, fiscal_year) -> RawTable:
    title = number = unit = None
    dept = year = None
    for pos, (_line_no, line) in enumerate(ctx):
        nxt = ctx[pos + 1][1] if pos + 1 < len(ctx) else None
        number = context.table_number(line) or number
        if context.is_table_title(line):
            title = context.title_text(line)
        if context.unit_of(line):
            unit = clean_cell(line)
        dept = context.department_of(line) or context.page_header_department(line, nxt) or dept
        if "预算年度" in line:
            year = context.year_of_line(line) or year
    if title is None:
        title = _fallback_title(ctx)
    has_seq = bool(block.rows) and normalize_label(block.rows[0][1][0]) == "序号"
    header: list[RawRow] = []
    header_keys: set[tuple[str, ...]] = set()
    body: list[RawRow] = []
    skipped: list[int] = []
    for line_no, cells in block.rows:
        row = _row(line_no, cells, has_seq)
        if row is None:
            skipped.append(line_no)
        elif not body and not _is_body_row(row.cells):
            header.append(row)
            header_keys.add(_header_key(row.cells))
        elif body and _header_key(row.cells) in header_keys:  # the header printed again on a new page
            skipped.append(line_no)
        else:
            body.append(row)
    return RawTable(
        index=index,
        title=title,
        number=number,
        unit_text=unit,
        department=dept or department,
        fiscal_year=year or fiscal_year,
        header_rows=header,
        rows=body,
        first_line=block.rows[0][0],
        last_line=block.rows[-1][0],
        context=[line for _, line in ctx],
        skipped_lines=skipped,
    )


def _row(line_no: int, cells: tuple[str, ...], has_seq: bool) -> RawRow | None:
    """A RawRow, or None for a 栏次 row (column numbers, not data)."""
    if normalize_label(cells[0]) == "栏次":
        return None
    if has_seq:
        return RawRow(cells=cells[1:], line=line_no, seq=cells[0] or None)
    return RawRow(cells=cells, line=line_no)


def _is_body_row(cells: tuple[str, ...]) -> bool:
    """The first row of data: an amount, a subject code, or a numbered/total label with no header words beside it."""
    if any(DECIMAL_AMOUNT.match(c) for c in cells):
        return True
    if any(_CODE_LIKE.match(c) for c in cells[:4]):
        return True
    labels = [normalize_label(c) for c in cells if c.strip()]
    if not labels or not _BODY_LABEL.match(labels[0]):
        return False
    if LEADING_NUMBER.match(labels[0]):
        return True
    return all(_BODY_LABEL.match(label) or _NUMBER.match(label) for label in labels)


def _header_key(cells: tuple[str, ...]) -> tuple[str, ...]:
    keyed = [normalize_label(c) for c in cells]
    while keyed and not keyed[-1]:
        keyed.pop()
    return tuple(keyed)


def _continues(previous: RawTable, table: RawTable, ctx) -> bool:
    """No new title, 表N or unit between, and either the same column header (a continuation
    page) or only short fragments of a cell broken out of the table (e.g. '339001-江' / '障局')."""
    if table.number or any(context.is_table_title(line) for _, line in ctx):
        return False
    if table.header_rows and _same_header(previous, table):
        return True
    return not table.unit_text and bool(ctx) and all(len(normalize_label(line)) <= FRAGMENT_CHARS for _, line in ctx)


def _same_header(previous: RawTable, table: RawTable) -> bool:
    return [_header_key(r.cells) for r in table.header_rows] == [_header_key(r.cells) for r in previous.header_rows]


def _append(previous: RawTable, table: RawTable) -> None:
    if _same_header(previous, table):
        previous.skipped_lines.extend(r.line for r in table.header_rows)
        previous.rows.extend(table.rows)
    else:
        previous.notes.extend(table.context)
        previous.rows.extend(table.header_rows + table.rows)
    previous.skipped_lines.extend(table.skipped_lines)
    previous.last_line = table.last_line


def _fallback_title(ctx) -> str | None:
    """A table without a 'X表' line: take the closest short plain line that is not a unit, date or page header."""
    for pos in range(len(ctx) - 1, -1, -1):
        line = ctx[pos][1]
        nxt = ctx[pos + 1][1] if pos + 1 < len(ctx) else None
        text = context.title_text(line)
        if not text or len(text) > FALLBACK_TITLE_CHARS or context.unit_of(line) or context.department_of(line):
            continue
        if context.is_page_header_line(line, nxt) or _DATE_LIKE.fullmatch(text):
            continue
        return text
    return None
