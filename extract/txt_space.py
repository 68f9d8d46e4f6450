"""Tables of a space-aligned text (pdftotext-style: cells separated by runs of spaces).

A table starts at its 表N or title line and runs to the next one. The lines after the unit
line up to the first data row are its header (rebuilt by space_header); a '** ** **' row,
when printed, ends the header. Body rows keep their cells as printed tokens
(RawTable.aligned is False): empty cells have vanished, so which column a number belongs
to is decided downstream from the table's arithmetic. A subject name broken over lines is
joined back to its row. A region whose lines are tab-separated is read by the tab extractor.
"""

from __future__ import annotations

from extract import context
from extract.cells import LEADING_NUMBER, clean_cell, normalize_label
from extract.model import RawRow, RawTable
from extract.space_header import header_grid
from extract.space_tokens import is_amount, is_code, is_decimal_amount, is_placeholder_row, tokens
from extract.txt_tabs import extract_tab_tables

_TOTAL_LABELS = ("合计", "总计")


def extract_space_tables(lines: list[str], *, department: str | None = None, fiscal_year: int | None = None) -> list[RawTable]:
    """Every anchored table of a space-aligned text, in document order."""
    tables: list[RawTable] = []
    starts = _anchors(lines)
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        region = [(i + 1, lines[i]) for i in range(start, end) if lines[i].strip()]
        # A region without a tab is no tab region, whatever its grid: its lines are not classified.
        tabbed = any("\t" in ln for _, ln in region)
        grid = [ln for _, ln in region if not _is_context_line(ln)] if tabbed else []
        if tabbed and sum("\t" in ln for ln in grid) * 2 > len(grid):
            for table in _tab_region(lines, start, end, department, fiscal_year):
                table.index = len(tables)
                tables.append(table)
            continue
        table = _table(region, len(tables), department, fiscal_year)
        if table is not None:
            tables.append(table)
    return tables


def _anchors(lines: list[str]) -> list[int]:
    """0-based lines where a table starts: a bare '表N' line, or a title line not just after one."""
    starts: list[int] = []
    last_number = -10
    for i, line in enumerate(lines):
        if not line.strip() or "\t" in line:
            continue
        text = normalize_label(line)
        if context.table_number(line) and len(text) <= 5:
            starts.append(i)
            last_number = i
        elif context.is_table_title(line) and i - last_number > 4:
            starts.append(i)
    return starts


def _is_context_line(line: str) -> bool:
    return bool(context.table_number(line) or context.is_table_title(line) or context.unit_of(line))


def _table(region: list[tuple[int, str]], index: int, department, fiscal_year) -> RawTable | None:
    title = number = unit = dept = None
    year = None
    pos = 0
    while pos < len(region) and pos < 6:
        line_no, line = region[pos]
        if context.table_number(line) and len(normalize_label(line)) <= 5:
            number = context.table_number(line)
        elif context.is_table_title(line) and title is None:
            title = context.title_text(line)
            year = context.year_of_line(line)
        elif context.unit_of(line):
            unit = clean_cell(line)
        elif context.department_of(line):
            dept = context.department_of(line)
        else:
            break
        pos += 1
    if unit is None and number is None:
        return None  # a title mentioned in the text ('第四部分 公开报表'), not a table
    rest = region[pos:]
    body_start = _body_start(rest)
    header_lines = [ln for _, ln in rest[:body_start] if not is_placeholder_row(ln)]
    skipped = [no for no, ln in rest[:body_start] if is_placeholder_row(ln)]
    notes: list[str] = []
    rows: list[RawRow] = []
    for line_no, line in rest[body_start:]:
        if normalize_label(line).startswith(("注", "备注")):
            notes.append(clean_cell(line))
        elif notes:
            notes.append(clean_cell(line))
        elif is_placeholder_row(line):
            skipped.append(line_no)
        else:
            _add_row(rows, line_no, tokens(line))
    if not rows and any(any(is_amount(t) for t in tokens(ln)) for ln in header_lines):
        # No data row recognised but numbers printed: keep every line as a row, nothing dropped.
        rows = [RawRow(tuple(tokens(ln)), no) for no, ln in rest if not is_placeholder_row(ln)]
        header_lines = []
    return RawTable(
        index=index,
        title=title,
        number=number,
        unit_text=unit,
        department=dept or department,
        fiscal_year=year or fiscal_year,
        header_rows=[RawRow(cells, rest[0][0] if rest else region[0][0]) for cells in header_grid(header_lines)],
        rows=rows,
        first_line=region[0][0],
        last_line=region[-1][0],
        context=[ln for _, ln in region[:pos]],
        notes=notes,
        skipped_lines=skipped,
        aligned=False,
    )


def _body_start(rest: list[tuple[int, str]]) -> int:
    """Index of the first data row: after a '** **' row if one is printed, else the first
    line that holds an amount, opens with a subject or unit code, or lists numbered labels."""
    for k, (_, line) in enumerate(rest):
        if is_placeholder_row(line):
            return k + 1
    for k, (_, line) in enumerate(rest):
        if _is_body_line(tokens(line)):
            return k
    return len(rest)


def _is_body_line(toks: list[str]) -> bool:
    if any(is_decimal_amount(t) for t in toks):
        return True
    if len(toks) >= 2 and is_code(toks[0]) and not is_amount(toks[1]):
        return True
    numbered = [t for t in toks if LEADING_NUMBER.match(normalize_label(t))]
    return len(numbered) >= 2


def _add_row(rows: list[RawRow], line_no: int, toks: list[str]) -> None:
    """A new row, or the rest of the previous one when its subject name broke over lines
    ('30108 机关事业单位基本养老' / '保险费' / '50102 社会保障缴费 9.45 9.45')."""
    if rows and _continues(rows[-1].cells, toks):
        prev = rows[-1]
        cells = list(prev.cells)
        if toks and not is_code(toks[0]) and not is_amount(toks[0]):
            cells[-1] += toks[0]
            toks = toks[1:]
        rows[-1] = RawRow(tuple(cells + toks), prev.line, prev.seq, prev.page)
        return
    rows.append(RawRow(tuple(toks), line_no))


def _continues(prev: tuple[str, ...], toks: list[str]) -> bool:
    if not prev or not toks or not is_code(prev[0]) or any(is_amount(t) for t in prev[1:]):
        return False
    if len(prev) < 2 or normalize_label(toks[0]) in _TOTAL_LABELS:
        return False
    if is_code(toks[0]):
        return toks[0][0] != prev[0][0]
    return not any(is_amount(t) for t in toks) and len(toks) == 1


def _tab_region(lines: list[str], start: int, end: int, department, fiscal_year) -> list[RawTable]:
    tables = extract_tab_tables("\n".join(lines[start:end]), department=department, fiscal_year=fiscal_year)
    for table in tables:
        table.first_line += start
        table.last_line += start
        table.rows = [RawRow(r.cells, r.line + start, r.seq, r.page) for r in table.rows]
        table.header_rows = [RawRow(r.cells, r.line + start, r.seq, r.page) for r in table.header_rows]
    return tables
