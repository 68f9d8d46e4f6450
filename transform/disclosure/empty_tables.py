"""Why a table published as 空表 is empty, as the document prints it: a note under the table
(注：无政府采购预算，空表列示), or the 公开空表理由 column of the list of tables (表9 | 是 | 本部门无…)."""
from __future__ import annotations

import re

from extract.cells import normalize_label
from extract.model import RawDocument
from transform import statements

_EMPTY_NOTE = re.compile(r"空表|没有|无.*(?:预算|支出|收支|项目|经费|资产)|未.*安排|未使用")
_NUMBER = re.compile(r"^表(\d+)$")


def empty_reasons(doc: RawDocument) -> dict[int, str]:
    """table_index -> the printed reason (note first, else the list of tables)."""
    listed: dict[str, str] = {}
    for table in doc.tables:
        cells = [c for r in table.header_rows + table.rows for c in r.cells]
        if statements.classify(table.title, cells) is statements.CONTENTS:
            listed.update(_listed_reasons(table))
    reasons = {}
    for table in doc.tables:
        note = next((n for n in table.notes if _EMPTY_NOTE.search(n)), None)
        number = normalize_label(table.number or "")
        reason = note or listed.get(number)
        if reason:
            reasons[table.index] = re.sub(r"^注[:：]\s*", "", reason.strip())
    return reasons


def _listed_reasons(table) -> dict[str, str]:
    out = {}
    for row in table.header_rows + table.rows:
        cells = [c.strip() for c in row.cells]
        if len(cells) < 4 or not cells[3] or normalize_label(cells[2]) != "是":  # 表N | 名称 | 是否空表 | 理由
            continue
        if _NUMBER.match(normalize_label(cells[0])):
            out[normalize_label(cells[0])] = cells[3]
    return out
