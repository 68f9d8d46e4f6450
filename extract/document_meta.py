"""Who and what a whole document is: department, fiscal year, kind (预算 / 决算), scope (部门 /
单位), government level, region and unit code — read from every place a disclosure prints them
(cover labels and titles broken over lines, table captions, headings, page headers, the
signature) and decided by vote, so that one odd line cannot name the document."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from extract import context
from extract.cells import normalize_label

_DATE_LINE = re.compile(r"^20\d\d年\d{1,2}月\d{1,2}日$")
_YEAR_NEAR_BUDGET = re.compile(r"(20\d\d)年(?:度)?.{0,24}?(?:预算|决算)")
# Lines of the cover that are read as one title ('中共上海市普陀区委 / 社会工作部 2024 年度 /
# 部门决算'): the corpus's covers print at most four lines before 目录; six leaves room.
COVER_LINES = 6
_COVER_END = re.compile(r"^(?:目录|#+目录|第[一二三四五六七八九十]+部分)|目录$")
# A heading naming the organisation: 'X（部门）主要职能', '第一部分 X概况', 'X 2024 年度部门决算表',
# '纳入X 2024 年度部门决算编制范围', 'X2024年单位预算公开说明'.
_PART = r"(?:第[一二三四五六七八九十]+部分)?"
_HEADINGS = tuple(
    re.compile(p)
    for p in (
        rf"^{_PART}(?P<name>\S+?)(?:[(（](?:部门|单位)[)）])?(?:主要职能|主要职责|概况)$",
        r"^纳入(?P<name>\S+?)20\d\d年度?(?:部门|单位)(?:预算|决算)",
        rf"^{_PART}(?P<name>\S+?)20\d\d年度?(?:部门|单位)(?:预算|决算)",
    )
)
_COVER_NAME = (re.compile(r"^(?P<name>\S+?)20\d\d年"), re.compile(r"^20\d\d年度?(?P<name>\S+?)(?:部门|单位)(?:预算|决算)"))
# A name printed in a blank template ('上海市 XX 局'): not a department.
_PLACEHOLDER = re.compile(r"XX|××|\*\*|某某")
_LEVEL = re.compile(r"(省级|市级|区级|县级|乡镇级|乡级|镇级)(?:部门|单位)?(?:预算|决算)")
# The place a name starts with: province, city, district or county ('上海市普陀区…', '柞水县…').
_PLACE = re.compile(
    r"^(?:中共)?((?:[^\s省市区县]{2,6}(?:省|自治区))?(?:[^\s省市区县]{2,6}(?:市|自治州|地区|盟))?"
    r"(?:[^\s省市区县]{1,6}(?:区|县|旗))?)"
)
_REGION_BEFORE_YEAR = re.compile(r"^(\S+?(?:省|市|区|县|旗))20\d\d年")
_PAGE_HEADER_CODE = re.compile(r"^(\d{3,9})\s+(\S+)$")

# The kinds and scopes a document may have, with the words a reader knows them by (预算 / 决算,
# 部门 / 单位): the coverage matrix and the findings say them so.
KIND_WORDS = {"budget": "预算", "final_accounts": "决算"}
SCOPE_WORDS = {"department": "部门", "unit": "单位"}
# Labels that say which scope a document has: 预算主管部门 heads a department's budget,
# 预算单位 / 编制单位 a unit's (the corpus's 部门 and 单位 covers and captions).
_SCOPE_OF_LABEL = {
    "预算主管部门": "department",
    "主管部门": "department",
    "编制部门": "department",
    "预算单位": "unit",
    "编制单位": "unit",
}
COVER_WEIGHT = 3  # the cover names the document once, its tables many times: a cover vote counts thrice


@dataclass(frozen=True)
class Identity:
    department: str | None
    fiscal_year: int | None
    kind: str | None = None  # budget | final_accounts
    scope: str | None = None  # department (with its units) | unit
    level: str | None = None  # 区级, 市级 … as printed
    region: str | None = None  # the place printed before the year or at the start of the name
    unit_code: str | None = None
    # Where the department was read: 'source ×n' per name, most votes first.
    sources: tuple[tuple[str, str, int], ...] = field(default_factory=tuple)
    placeholder: str | None = None  # a template's placeholder name ('上海市XX局')

    @property
    def variants(self) -> tuple[tuple[str, int], ...]:
        """Other names the document prints for itself, with their votes."""
        votes = Counter()
        for name, _, n in self.sources:
            if name != self.department:
                votes[name] += n
        return tuple(sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])))

    def sources_text(self) -> str | None:
        return "; ".join(f"{name} ({source} ×{n})" for name, source, n in self.sources) or None


def document_identity(lines: list[str]) -> Identity:
    votes: Counter = Counter()  # (name, source) -> count
    scope_votes: Counter = Counter()
    placeholder = None
    for i, line in enumerate(lines):
        if not line.strip():
            continue  # names nothing (no rule matches an empty line); half a space-aligned text's lines
        label = context.department_label(line)
        if label:
            key, name = label
            source = "label " + key
            if key in _SCOPE_OF_LABEL:
                scope_votes[_SCOPE_OF_LABEL[key]] += COVER_WEIGHT if key.startswith(("预算", "主管")) else 1
        else:
            name, source = context.page_header_department(line, _next_nonblank(lines, i)), "page header"
        if not name:
            name, source = _heading_name(line), "heading"
        if not name:
            continue
        if _PLACEHOLDER.search(name):
            placeholder = placeholder or name
            continue
        votes[(name, source)] += 1
    cover = _cover(lines)
    cover_name = _cover_name(cover)
    if cover_name and _PLACEHOLDER.search(cover_name):
        placeholder, cover_name = placeholder or cover_name, None
    if cover_name:
        votes[(cover_name, "cover")] += 1
    department = _elect(votes)
    if department is None:
        cover_line = _org_line(lines)
        department = cover_line or _signature(lines)
        if department and _PLACEHOLDER.search(department):
            placeholder, department = placeholder or department, None
        if department:
            votes[(department, "cover" if cover_line else "signature")] += 1
    titles = [context.title_text(ln) for ln in lines if "\t" not in ln and context.is_table_title(ln)]
    kind = _kind(cover, titles)
    scope = _scope(cover, titles, scope_votes)
    sources = tuple(sorted(((n, s, c) for (n, s), c in votes.items()), key=lambda t: (-t[2], t[0], t[1])))
    return Identity(
        department,
        document_year(lines),
        kind,
        scope,
        _level(cover),
        _region(cover, department),
        _unit_code(lines, department),
        sources,
        placeholder,
    )


def document_department(lines: list[str]) -> str | None:
    return document_identity(lines).department


def document_year(lines: list[str]) -> int | None:
    """'预算年度：2024' anywhere, else the first 'YYYY 年 … 预算' within the opening lines."""
    for line in lines:
        year = context.year_of_line(line) if "预算年度" in line else None
        if year:
            return year
    head = "".join(normalize_label(ln) for ln in lines[:60] if ln.strip() and "\t" not in ln)
    m = _YEAR_NEAR_BUDGET.search(head)
    if m:
        return int(m.group(1))
    titles = (context.year_of_line(ln) for ln in lines if "\t" not in ln and context.is_table_title(ln))
    return next((y for y in titles if y), None)


def _elect(votes: Counter) -> str | None:
    """The name with most votes over all its sources (ties: the first in code-point order)."""
    per_name: Counter = Counter()
    for (name, _), n in votes.items():
        per_name[name] += n
    if not per_name:
        return None
    return sorted(per_name.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _cover(lines: list[str]) -> str:
    """The cover's title: its first lines up to 目录 or the first part, joined."""
    head: list[str] = []
    for line in lines:
        text = normalize_label(context.title_text(line)) if line.strip() else ""
        if not text:
            continue
        if _COVER_END.search(text) or "\t" in line or len(head) == COVER_LINES:
            break
        head.append(text)
    return "".join(head)


def _cover_name(cover: str) -> str | None:
    for pattern in _COVER_NAME:
        m = pattern.match(cover)
        if m and context.looks_like_org_name(m.group("name")):
            return m.group("name")
    return None


def _heading_name(line: str) -> str | None:
    if "\t" in line:
        return None
    text = context.title_text(line)
    if len(text) > 60:
        return None
    for pattern in _HEADINGS:
        m = pattern.match(text)
        if m and context.looks_like_org_name(m.group("name")):
            return m.group("name")
    return None


def _kind(cover: str, titles: list[str]) -> str | None:
    """What the cover says (部门决算 / 单位预算 …); a cover that does not say, the tables' titles."""
    votes = Counter()
    for text in (cover, *titles):
        if "决算" in text:
            votes["final_accounts"] += 1
        elif "预算" in text:
            votes["budget"] += 1
        if text is cover and votes:
            return next(iter(votes))
    return _majority(votes)


_UNIT_WORDS = re.compile(r"预算单位|单位(?:预算|决算)")
_DEPARTMENT_WORDS = re.compile(r"部门(?:预算|决算)|^(?:20\d\d年)?部门")


def _scope(cover: str, titles: list[str], votes: Counter) -> str | None:
    """What the cover says, else the cover's labels (预算主管部门 / 预算单位) and captions
    (编制部门 / 编制单位), with the tables' titles (部门收支总表, 预算单位财务收支预算总表)."""
    if _UNIT_WORDS.search(cover):
        return "unit"
    if _DEPARTMENT_WORDS.search(cover):
        return "department"
    for text in titles:
        if _UNIT_WORDS.search(text):
            votes["unit"] += 1
        elif _DEPARTMENT_WORDS.search(text):
            votes["department"] += 1
    return _majority(votes)


def _majority(votes: Counter) -> str | None:
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _level(cover: str) -> str | None:
    m = _LEVEL.search(cover)
    return m.group(1) if m else None


def _region(cover: str, department: str | None) -> str | None:
    m = _REGION_BEFORE_YEAR.match(cover)
    if m:
        return m.group(1)
    m = _PLACE.match(department or "")
    return m.group(1) or None if m else None


def _unit_code(lines: list[str], department: str | None) -> str | None:
    """The code a page header prints before the department ('362 固安县医疗保障局')."""
    if not department:
        return None
    for i, line in enumerate(lines):
        m = _PAGE_HEADER_CODE.match(line.strip())
        if m and m.group(2) == department and context.page_header_department(line, _next_nonblank(lines, i)):
            return m.group(1)
    return None


def _org_line(lines: list[str]) -> str | None:
    head = [ln for ln in lines[:80] if ln.strip()]
    for line in head:
        dept = context.department_from_title(line)
        if dept:
            return dept
    for line in head[:10]:
        if "\t" not in line and context.looks_like_org_name(line):
            return normalize_label(line)
    return None


def _signature(lines: list[str]) -> str | None:
    """The explanation's signature: an organisation's name on the line above the date
    ('镇安县医疗保障局' / '2020 年 7 月 11 日')."""
    for i, line in enumerate(lines):
        following = _next_nonblank(lines, i)
        if following and _DATE_LINE.match(normalize_label(following)) and context.looks_like_org_name(line):
            return normalize_label(line)
    return None


def _next_nonblank(lines: list[str], i: int) -> str | None:
    for line in lines[i + 1 : i + 4]:
        if line.strip():
            return line
    return None
