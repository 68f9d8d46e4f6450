"""Budget execution as a 决算's narrative states it: per 项 '全年预算为 52.00 万元，支出决算为 51.32
万元，完成全年预算数的 98.69%', and for the whole '年初预算为 0 万元，全年预算为 321.02 万元，支出决算为
307.82 万元，完成年初预算的 95.89%'. One narrative fact per figure (execution_budget 年初预算,
execution_adjusted 全年预算, execution_final 支出决算, execution_rate 完成…%), with the subject the
sentence names ('一般公共服务支出（类）社会工作事务（款）行政运行（项）') and, where the document's tables
name that subject, its function code.

Sentences wrap over printed lines (a PDF's narrative is a column of short lines): the narrative is
read as one text, each figure keeping the line and page it is printed on. Wording is data (the
patterns below), so another template's phrasing is a new pattern."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from decimal import Decimal

from transform.amounts import to_yuan

_NUM = r"(\d[\d,]*(?:\.\d+)?)"
# '1、一般公共服务支出（类）社会工作事务（款）行政运行（项）' — the subject of the clauses after it
_SUBJECT = re.compile(
    r"(?<![\d.．])\d{1,2}[、.．]\s*(?P<subject>(?P<cls>[^。；（(]+)[（(]类[)）](?P<item>[^。；（(]+)[（(]款[)）]"
    r"(?P<sub>[^。；（(]+)[（(]项[)）])"
)
# One statement of execution: what was budgeted (either or both) and spent, and the rate if printed.
_CLAUSE = re.compile(
    r"(?:年初预算(?:数)?为\s*" + _NUM + r"\s*(?P<u1>万元|元)\s*[，,]?\s*)?"
    r"(?:全年预算(?:数)?为\s*" + _NUM + r"\s*(?P<u2>万元|元)\s*[，,]?\s*)?"
    r"支出决算(?:数)?为\s*" + _NUM + r"\s*(?P<u3>万元|元)"
    r"(?:\s*[，,]\s*完成(?P<base>全年预算数?|年初预算数?|预算数?)的\s*" + _NUM + r"\s*%)?"
)
# What a clause without a numbered subject is about: the words before it back to the previous
# sentence or heading ('（三）…决算具体情况' + '一般公共预算财政拨款支出' + '年初预算为…')
_SUBJECT_BREAK = re.compile(r"[。；，,：:）)]|情况|说明")

_SPACES = re.compile(r"\s+")
# The narrative as one text, the offset each printed line starts at in it, and its (line, page).
Narrative = tuple[str, list[int], list[tuple[int, int | None]]]

TOPICS = {"execution_budget": "budget", "execution_adjusted": "adjusted_budget", "execution_final": "final"}


def execution_facts(
    text_lines: list[tuple[int, int | None, str]], function_names: dict[str, set[str]], joined: Narrative | None = None
) -> list[dict]:
    """Pure: the execution figures of a document's narrative lines (line, page, text), with
    `function_names` (code -> names its tables print) to give each 项 its code. `joined`: the
    lines' joined_narrative, when the caller has it already (normalize joins once for two readers)."""
    text, starts, where = joined or joined_narrative(text_lines)
    subjects = [(m.start(), m) for m in _SUBJECT.finditer(text)]
    out: list[dict] = []
    previous_end = 0
    for m in _CLAUSE.finditer(text):
        header = next((s for pos, s in reversed(subjects) if previous_end <= pos < m.start()), None)
        previous_end = m.end()
        if header is not None:
            subject, code = header.group("subject"), code_of(header, function_names)
        else:
            before = _SUBJECT_BREAK.split(text[max(0, m.start() - 40) : m.start()])[-1].strip()
            subject, code = (before or None), None
        sentence = text[header.start("subject") if header is not None else max(0, m.start() - 30) : m.end()]
        base = {"subject": subject, "function_code": code, "sentence": sentence.strip("。；，, ")}
        for topic, group, unit in (("execution_budget", 1, "u1"), ("execution_adjusted", 3, "u2"), ("execution_final", 5, "u3")):
            if m.group(group) is not None:
                value = Decimal(m.group(group).replace(",", ""))
                line, page = where[bisect_right(starts, m.start(group)) - 1]
                out.append(
                    base
                    | {
                        "topic": topic,
                        "phase": TOPICS[topic],
                        "value": value,
                        "value_unit": m.group(unit),
                        "value_printed": m.group(group),
                        "amount_yuan": to_yuan(value, m.group(unit)),
                        "line": line,
                        "page": page,
                        "rate_base": None,
                    }
                )
        if m.group(8) is not None:
            line, page = where[bisect_right(starts, m.start(8)) - 1]
            out.append(
                base
                | {
                    "topic": "execution_rate",
                    "phase": None,
                    "value": Decimal(m.group(8)),
                    "value_unit": "%",
                    "value_printed": m.group(8),
                    "amount_yuan": None,
                    "line": line,
                    "page": page,
                    "rate_base": "budget" if m.group("base").startswith("年初") else "adjusted_budget",
                }
            )
    return out


def joined_narrative(text_lines: list[tuple[int, int | None, str]]) -> Narrative:
    """The narrative as one text (lines joined without spaces: Chinese wraps inside words), with
    the offset each line starts at and its (line, page)."""
    parts, starts, where, pos = [], [], [], 0
    for line, page, raw in text_lines:
        if "\t" in raw or not raw.strip():
            continue
        piece = _SPACES.sub(" ", unicodedata.normalize("NFKC", raw)).strip()
        piece = piece.replace("(", "（").replace(")", "）")
        starts.append(pos)
        where.append((line, page))
        parts.append(piece)
        pos += len(piece)
    return "".join(parts), starts, where


def code_of(header: re.Match, function_names: dict[str, set[str]]) -> str | None:
    """The 7-digit code whose printed name is the 项 and whose 款 is printed with the 款's name."""
    sub, item = _key(header.group("sub")), _key(header.group("item"))
    found = [
        code
        for code, names in function_names.items()
        if len(code) == 7 and sub in {_key(n) for n in names} and item in {_key(n) for n in function_names.get(code[:5], ())}
    ]
    return found[0] if len(found) == 1 else None


def _key(name: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name or ""))
