"""Totals the narrative restates from the tables, and the shares it states of them: '收入预算15621.11万元',
'支出预算6010.52万元，其中基本支出719.25万元', '本年支出合计 307.82 万元，其中：基本支出 105.58 万元，占 34.30%'.

Each figure is a narrative fact of topic `restated` with the key of the table figure it restates
(`restates`: income_total, expenditure_total, basic_total, …; expectations/checks/narrative.py says
which table cell that is); a share `占 x%` is a fact of topic `share` of the figure before it
(`restates`) in the whole the sentence opens with (`share_of`). A subject named by its
classification path, '“一般公共服务支出（类）财政事务（款）行政运行（项）”1,623.18万元', restates
`function_subject`: that 项's line, its code found by the names the tables print. Wording is
data: a new template's phrasing is a new line of WORDINGS."""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal

from transform.amounts import to_yuan
from transform.disclosure.execution import Narrative, code_of, joined_narrative

_NUM = r"(\d[\d,]*(?:\.\d+)?)\s*(万元|元)"
# (key, the words that state it). Order matters: the first wording matching at a place wins.
WORDINGS: list[tuple[str, str]] = [
    ("income_total", r"收入支出总计|收支总预算|收入总计|收入预算(?:总额|总计)?|(?<!公共)预算收入"),
    ("income_current_year", r"本年收入合计"),
    ("expenditure_current_year", r"本年支出合计"),
    ("expenditure_total", r"支出总计|支出预算(?:总额|总计)?"),
    ("appropriation_income", r"财政拨款收入"),
    ("general_budget_income", r"一般公共预算(?:财政拨款)?收入"),
    ("general_budget_expenditure_total", r"一般公共预算财政拨款支出(?:决算)?"),
    ("basic_total", r"基本支出(?:预算)?"),
    ("project_total", r"项目支出(?:预算)?"),
    ("three_public_total", r"“三公”经费(?:预算数|支出|预算)?"),
]
# The stated figure: its wording, then up to a few linking characters (为, 共, ：, a year), then the amount.
_STATED = re.compile(r"(?:" + "|".join(f"(?P<{k}>{w})" for k, w in WORDINGS) + r")(?:为|共|合计|是|：|:|\s|20\d\d年)*" + _NUM)
_SHARE = re.compile(r"\s*[，,]?\s*占(?:本年支出合计的|本年收入合计的|比)?\s*(\d+(?:\.\d+)?)\s*%")
# '“一般公共服务支出（类）财政事务（款）行政运行（项）”1,623.18万元' (普陀区 部门预算): a 项 and its amount
_SUBJECT_AMOUNT = re.compile(
    r"“(?P<subject>(?P<cls>[^“”（]+)（类）(?P<item>[^“”（]+)（款）(?P<sub>[^“”（]+)（项）)”"
    r"\s*(?:为|：|:)?\s*" + _NUM
)
# words before a wording that make it another figure (比2023年预算减少…, 财政拨款支出预算 …)
_NOT_THE_TOTAL = re.compile(r"(?:拨款|基金|资本经营(?:预算)?|较|比上年|增加|减少)$")


def restated_facts(
    text_lines: list[tuple[int, int | None, str]],
    function_names: dict[str, set[str]] | None = None,
    joined: Narrative | None = None,
) -> list[dict]:
    """Pure: the restated figures and shares of a document's narrative lines (line, page, text);
    `function_names` (code -> names its tables print) gives a restated 项 its code; `joined`, the
    lines' joined_narrative when the caller has it already."""
    text, starts, where = joined or joined_narrative(text_lines)
    out: list[dict] = _subject_amounts(text, starts, where, function_names or {})
    sentence_whole: dict[int, str] = {}  # sentence start -> key of its first figure
    for m in _STATED.finditer(text):
        key = next(k for k, _ in WORDINGS if m.group(k))
        if _NOT_THE_TOTAL.search(text[max(0, m.start() - 8) : m.start()]) or _in_change(text, m.start()):
            continue
        begin = text.rfind("。", 0, m.start()) + 1  # a sentence: 其中… and the parts after ；belong to its first figure
        sentence_whole.setdefault(begin, key)
        end = text.find("。", m.end())
        sentence = text[begin : end if end >= 0 else len(text)]
        value = Decimal(m.group(len(WORDINGS) + 1).replace(",", ""))
        unit = m.group(len(WORDINGS) + 2)
        line, page = where[bisect_right(starts, m.start()) - 1]
        base = {
            "subject": m.group(key),
            "restates": key,
            "sentence": sentence,
            "line": line,
            "page": page,
            "function_code": None,
            "phase": None,
            "rate_base": None,
            "share_of": None,
        }
        out.append(
            base
            | {
                "topic": "restated",
                "value": value,
                "value_unit": unit,
                "value_printed": m.group(len(WORDINGS) + 1),
                "amount_yuan": to_yuan(value, unit),
            }
        )
        share = _SHARE.match(text, m.end())
        if share and sentence_whole[begin] != key:
            out.append(
                base
                | {
                    "topic": "share",
                    "value": Decimal(share.group(1)),
                    "value_unit": "%",
                    "value_printed": share.group(1),
                    "amount_yuan": None,
                    "share_of": sentence_whole[begin],
                }
            )
    return out


def _in_change(text: str, at: int) -> bool:
    """'比2023年预算减少876.75万元' is a change, not a restated total: the figure follows a change word."""
    return bool(re.search(r"(?:增加|减少|增长|下降)\s*$", text[max(0, at - 4) : at]))


def _subject_amounts(
    text: str, starts: list[int], where: list[tuple[int, int | None]], function_names: dict[str, set[str]]
) -> list[dict]:
    out = []
    for m in _SUBJECT_AMOUNT.finditer(text):
        value, unit = Decimal(m.group(5).replace(",", "")), m.group(6)
        line, page = where[bisect_right(starts, m.start(5)) - 1]
        end = text.find("。", m.end())
        out.append(
            {
                "topic": "restated",
                "restates": "function_subject",
                "subject": m.group("subject"),
                "function_code": code_of(m, function_names),
                "sentence": text[m.start() : end if end >= 0 else len(text)],
                "line": line,
                "page": page,
                "phase": None,
                "rate_base": None,
                "share_of": None,
                "value": value,
                "value_unit": unit,
                "value_printed": m.group(5),
                "amount_yuan": to_yuan(value, unit),
            }
        )
    return out
