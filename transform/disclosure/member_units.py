"""The units a 部门 disclosure says it is made of: '…具体包括：1. 上海市普陀区万里街道社区事务受理服务中心。
2. …' (部门预算, 机构设置) or '纳入…编制范围的单位包括：序号 单位名称 备注 / 1 中共…（本级） / 2 上海市…中心'
(部门决算). One narrative fact of topic member_unit per listed unit (its name as printed); the
department identity links a loaded 单位 of that name to this department (README "Department identity").
Wording is data: another template's lead-in is a new line of LEAD_INS."""

from __future__ import annotations

import re
import unicodedata

# The words that open the list, at the end of a printed line.
LEAD_INS = (r"具体包括[：:]\s*$", r"单位包括[：:]\s*$", r"下属单位(?:有|包括)[：:]\s*$")
_LEAD_IN = re.compile("|".join(LEAD_INS))
_HEADER = re.compile(r"^序号\s*单位名称")
# '1. 上海市…中心。' / '2 上海市…中心' — a number, then a name of Chinese characters (brackets allowed)
# ending as an organisation's name does (not '1. 工资福利支出', a list of spending)
_ORGANISATION_END = r"(?:（本级）|（本部）|\(本级\)|\(本部\)|中心|局|部|委|办|处|所|院|站|队|室|会|馆|校|园|社|团|厅|机关)"
_ITEM = re.compile(
    r"^\d{1,2}\s*[.、．]?\s*(?P<name>[\u4e00-\u9fff（）()]{2,40}"
    + _ORGANISATION_END
    + r")\s*[。；;]?(?:\s+\S{1,8})?$"  # a 备注 after it
)
UNITS_MAX = 60  # more lines than a department's list of units: the list has ended (万里 lists 6)


def member_unit_facts(text_lines: list[tuple[int, int | None, str]]) -> list[dict]:
    """Pure: (line, page, text) lines -> a member_unit fact per unit a list names."""
    out: list[dict] = []
    listing = False
    for line, page, raw in text_lines:
        text = unicodedata.normalize("NFKC", raw).strip()
        if _LEAD_IN.search(text):
            listing, seen = True, 0
            continue
        if not listing or not text or _HEADER.match(text):
            continue
        m = _ITEM.match(text)
        seen += 1
        if m is None or seen > UNITS_MAX:
            listing = False
            continue
        name = m.group("name").replace("(", "（").replace(")", "）")
        out.append(
            {
                "topic": "member_unit",
                "subject": name,
                "sentence": text,
                "line": line,
                "page": page,
            }  # the other narrative_fact columns are NULL (transform/disclosure/frames.frame)
        )
    return out
