"""Facts the narrative states in words, one row per figure with its sentence as provenance:
staff (编制, 实有), vehicles, 机关运行经费 / 公用经费, stated year-over-year changes, and the year a
heading gives the document itself ('2023年度部门决算情况说明' inside a 2024 决算: rule table_year).

Only sentences whose wording says what the figure is are read; table lines (tab-separated)
are not narrative. A sentence can give several facts (行政编制0人、事业编制15人)."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from extract.cells import LEADING_NUMBER
from extract.model import RawDocument
from transform.amounts import to_yuan

_SENTENCE = re.compile(r"[^。；;]+[。；;]?")
_NUM = r"(\d[\d,]*(?:\.\d+)?)"
_STAFF = re.compile(r"((?:人员|行政|事业|参公|工勤|机关|全额|差额)?编制(?:人数|数)?)(?:为|共)?\s*" + _NUM + r"\s*[名人]")
_ACTUAL = re.compile(r"(实有人员|实有人数|在职人员|在职职工|离退休人员|退休人员|离休人员)(?:为|共)?\s*" + _NUM + r"\s*[名人]")
_ACTUAL_WORDS = ("实有", "在职", "休")  # one of them is in each of _ACTUAL's words
_VEHICLES = re.compile(r"([\u4e00-\u9fff]{0,12}(?:车辆|用车))\s*" + _NUM + r"\s*辆")
_OPERATION = re.compile(
    r"(机关运行经费|公用经费)(?:预算)?(?:共计|合计|共)?(?:安排|财政拨款)?(?:为|共|合计)?\s*" + _NUM + r"\s*(万元|元)"
)
_CHANGE = re.compile(r"(?:(?:较|比)上年(?:预算)?(?:数)?)?(增加|减少|增长|下降)\s*" + _NUM + r"\s*(万元|元)")
_FLAT = re.compile(r"与上年(?:基本)?持平")
_FIRST_AMOUNT = re.compile(_NUM + r"\s*(?:万元|元)")
_DIRECTION = {"增加": "increase", "增长": "increase", "减少": "decrease", "下降": "decrease"}
_CLAUSE = re.compile(r"[：:、]|,(?!\d)|(?<!\d),")  # not the comma of 11,316.59
_LEAD = re.compile(r"^(?:其中|包括|以及|和|及)")
# A heading naming the document by its year: '…2024年度部门决算', '2023年度部门决算情况说明',
# '2025年单位预算编制说明' — not '2023年预算执行情况' (a budget speaks of the year before).
_HEADING_YEAR = re.compile(
    r"((?:19|20)\d{2})\s*年度?\s*(?:部门|单位)?\s*(?:综合)?\s*(?:预算|决算)\s*(?:情况说明|编制说明|公开说明|说明)?$"
)
# A heading is a short line without a sentence's punctuation: the corpus's headings are under 40
# characters (the longest, a department's full name + year + 部门决算, 30).
HEADING_CHARS = 40
_PUNCTUATION = re.compile(r"[，,。；;]")


def narrative_facts(doc: RawDocument, source_file: str) -> list[dict]:
    out: list[dict] = []
    for line, page, text in doc.text_lines:
        if "\t" in text or not text.strip():
            continue
        text = unicodedata.normalize("NFKC", text)
        for sentence in (m.group(0).strip() for m in _SENTENCE.finditer(text)):
            facts = sentence_facts(sentence)
            if not facts:
                continue  # most sentences (and a space-aligned text's table lines) state none
            base = {
                "source_file": source_file,
                "line": line,
                "page": page,
                "department": doc.department,
                "fiscal_year": doc.fiscal_year,
                "sentence": sentence,
            }
            out.extend(base | fact for fact in facts)
    return out


def sentence_facts(sentence: str) -> list[dict]:
    """Pure: the facts of one sentence, without provenance."""
    facts = []
    short = len(sentence) <= HEADING_CHARS and not _PUNCTUATION.search(sentence)
    if short and (heading := _HEADING_YEAR.search(sentence)):
        facts.append(_count("heading_year", sentence, heading.group(1), "年"))
    # Each pattern only where the word it cannot match without is printed: most sentences have
    # none of them, and a regex asked costs more than a substring test.
    for m in _STAFF.finditer(sentence) if "编制" in sentence else ():
        facts.append(_count("staff_authorized", m.group(1), m.group(2), "人"))
    for m in _ACTUAL.finditer(sentence) if any(w in sentence for w in _ACTUAL_WORDS) else ():
        facts.append(
            _count(
                "staff_retired" if "退" in m.group(1) or "离休" in m.group(1) else "staff_actual", m.group(1), m.group(2), "人"
            )
        )
    for m in _VEHICLES.finditer(sentence) if "辆" in sentence else ():
        facts.append(_count("vehicles", _LEAD.sub("", m.group(1)), m.group(2), "辆"))
    for m in _OPERATION.finditer(sentence) if "经费" in sentence else ():
        topic = "office_operation_cost" if m.group(1) == "机关运行经费" else "operating_funds"
        facts.append(_money(topic, m.group(1), m.group(2), m.group(3)))
    if "上年" not in sentence:
        return facts
    for m in _CHANGE.finditer(sentence):
        fact = _money("yoy_change", _subject(sentence[: m.start()]), m.group(2), m.group(3))
        facts.append(fact | {"change_direction": _DIRECTION[m.group(1)]})
    for m in _FLAT.finditer(sentence):
        facts.append(
            {
                "topic": "yoy_change",
                "subject": _subject(sentence[: m.start()]),
                "value": None,
                "value_unit": None,
                "amount_yuan": None,
                "change_direction": "flat",
            }
        )
    return facts


def _count(topic: str, subject: str, number: str, unit: str) -> dict:
    return {
        "topic": topic,
        "subject": subject,
        "value": Decimal(number.replace(",", "")),
        "value_unit": unit,
        "amount_yuan": None,
        "change_direction": None,
    }


def _money(topic: str, subject: str | None, number: str, unit: str) -> dict:
    value = Decimal(number.replace(",", ""))
    return {
        "topic": topic,
        "subject": subject,
        "value": value,
        "value_unit": unit,
        "amount_yuan": to_yuan(value, unit),
        "change_direction": None,
    }


def _subject(before: str) -> str | None:
    """What changed: the words just before the change in its clause ('项目支出增加' -> 项目支出),
    else the clause before it up to its amount ('事业运行（2011550）149.97 万元，较上年…'); an
    enumeration after 其中 belongs to the clause before it."""
    clauses = _CLAUSE.split(before)
    own = _LEAD.sub("", LEADING_NUMBER.sub("", clauses[-1].strip())).removesuffix("较上年").strip()
    if own and not _FIRST_AMOUNT.search(own):
        return own
    if "其中" in before:
        clauses = _CLAUSE.split(before[: before.index("其中")])
    for clause in reversed([c.strip() for c in clauses if c.strip()]):
        m = _FIRST_AMOUNT.search(clause)
        subject = LEADING_NUMBER.sub("", clause[: m.start()] if m else clause).strip()
        if subject:
            return _LEAD.sub("", subject)
    return None
