"""Empty tables and the document's own list of tables.

Why a table published as 空表 is empty, as the document prints it: a note under the table
(注：无政府采购预算，空表列示), or the 公开空表理由 column of its list of tables (表9 | 是 | 本部门无…).
That list also says which tables the document should print: one listed but not printed is
recorded (listed_table.printed = false) and reported by the tables suite."""

from __future__ import annotations

import re

from extract.cells import normalize_label
from extract.model import RawDocument

_STATED_REASON = re.compile(r"没有|无数据|空表")
_EMPTY_NOTE = re.compile(r"空表|没有|无.*(?:预算|支出|收支|项目|经费|资产)|未.*安排|未使用")
_NUMBER = re.compile(r"^表(\d+)$")


def listed_tables(doc: RawDocument, source_file: str, contents: set[int]) -> list[dict]:
    """One row per 表N line of the document's list of tables (目录 | 是否空表 | 公开空表理由);
    `contents` are the indexes of the tables classified as a list of tables."""
    printed = {normalize_label(t.number): t.index for t in doc.tables if t.number}
    out = []
    for table in doc.tables:
        if table.index not in contents:
            continue
        for row in table.header_rows + table.rows:
            cells = [c.strip() for c in row.cells]
            number = normalize_label(cells[0]) if cells else ""
            if len(cells) < 2 or not _NUMBER.match(number):
                continue
            empty = normalize_label(cells[2]) if len(cells) > 2 else ""
            out.append(
                {
                    "source_file": source_file,
                    "line": row.line,
                    "page": row.page if row.page is not None else table.page,
                    "department": doc.department,
                    "fiscal_year": doc.fiscal_year,
                    "table_number": number,
                    "title": cells[1],
                    "listed_empty": {"是": True, "否": False}.get(empty),
                    "listed_reason": (cells[3] if len(cells) > 3 else "") or None,
                    "printed": number in printed,
                    "table_index": printed.get(number),
                }
            )
    return out


def empty_reasons(doc: RawDocument, listed: list[dict]) -> dict[int, str]:
    """table_index -> the printed reason (the note under the table first, else the list of tables)."""
    by_number = {r["table_number"]: r["listed_reason"] for r in listed if r["listed_empty"] and r["listed_reason"]}
    reasons = {}
    for table in doc.tables:
        # the note that says why (说明：…没有…，故本表无数据), before an instruction that merely mentions 无…
        said = sorted((n for n in table.notes if _EMPTY_NOTE.search(n)), key=lambda n: not _STATED_REASON.search(n))
        note = next(iter(said), None)
        reason = note or by_number.get(normalize_label(table.number or ""))
        if reason:
            reasons[table.index] = re.sub(r"^(?:注|说明)[:：]\s*", "", reason.strip())
    return reasons
