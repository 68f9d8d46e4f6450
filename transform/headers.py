"""Column meaning from the whole header path (合计 | 基本支出{小计, 人员经费} | 项目支出).

Measures say what an amount is; fund sources say where its money comes from. Both are
small, documented vocabularies (README, "Measures and fund sources").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from extract.cells import normalize_label

MEASURES = {
    "total": "合计: the whole amount of the row's subject",
    "basic": "基本支出 (人员经费 + 公用经费)",
    "personnel": "人员经费 / 人员支出",
    "operating": "公用经费 / 日常公用支出",
    "project": "项目支出 / 专项业务经费支出",
    "carry_forward": "结转下年 / 年末结转和结余",
    "business": "事业单位经营支出",
    "to_superior": "上缴（上解）上级支出",
    "to_subsidiary": "对附属单位补助支出",
    "grand_total": "支出总计 = 本年支出合计 + 结转下年 (决算: + 结余分配 + 年末结转和结余)",
    "surplus_distribution": "结余分配 (决算): the year's surplus distributed",
    "opening_balance": "年初结转和结余 (决算): balances brought into the year",
    "income": "收入, by fund source",
}

FUND_SOURCES = {
    "all": "所有来源 (合计 / 收入总计)",
    "current_year": "本年收入合计 (all of this year's sources, without carry-over)",
    "appropriation": "财政拨款 (all three budgets)",
    "general_budget": "一般公共预算",
    "gov_fund": "政府性基金预算",
    "state_capital": "国有资本经营预算",
    "special_account": "财政专户管理资金",
    "business_income": "事业收入",
    "operating_income": "事业单位经营收入",
    "superior_subsidy": "上级补助收入",
    "subsidiary_remit": "附属单位上缴收入",
    "other_income": "其他收入",
    "unit_funds": "单位资金",
    "prior_balance": "上年实户资金余额 (the unit's bank balance brought in)",
    "carryover": "上年结转（结余）",
    "non_appropriation_surplus": "使用非财政拨款结余 / 用事业基金弥补收支差额",
}


def rules(pairs: list[tuple[str, str]]) -> tuple[tuple[re.Pattern, str], ...]:
    """(pattern, value) pairs compiled, in order: the first that matches a label wins."""
    return tuple((re.compile(p), v) for p, v in pairs)


_MEASURE_RULES = rules(
    [
        (r"人员经费|人员支出", "personnel"),
        (r"公用经费|公用支出", "operating"),
        (r"基本支出", "basic"),
        (r"项目支出|专项业务经费|项目金额", "project"),
        (r"结转下年|年末.*结转|年终结转", "carry_forward"),
        (r"经营支出", "business"),
        (r"上缴上级|上解上级", "to_superior"),
        (r"结余分配", "surplus_distribution"),
        (r"年初.*结转|年初.*结余", "opening_balance"),
        (r"^本年收入", "income"),
        (r"对附属单位补助", "to_subsidiary"),
    ]
)
_FUND_RULES = rules(
    [
        (r"一般公共预算", "general_budget"),
        (r"政府性基金|基金预算", "gov_fund"),
        (r"国有资本经营", "state_capital"),
        (r"上年结转|年初.*结转", "carryover"),
        (r"非财政拨款结余|事业基金弥补", "non_appropriation_surplus"),
        (r"财政拨款|财政资金", "appropriation"),
        (r"财政专户", "special_account"),
        (r"事业单位经营收入|^经营收入", "operating_income"),
        (r"事业收入", "business_income"),
        (r"上级补助", "superior_subsidy"),
        (r"附属单位上缴", "subsidiary_remit"),
        (r"其他收入", "other_income"),
        (r"单位资金", "unit_funds"),
        (r"实户资金余额", "prior_balance"),
        (r"本年收入", "current_year"),
    ]
)
_CODE_HEADER = re.compile(r"编码|代码|^[类款项]$")
_NAME_HEADER = re.compile(r"名称|^项目$|科目(\(.*\))?$")
_TEXT_HEADER = re.compile(r"备注|说明|简介|类型|用途|依据|单位性质|规格|形式")
_UNIT_HEADER = re.compile(r"单位代码|单位编码")
_SUBJECT_CODE = re.compile(r"\d{3}(\d{2}){0,2}")
_AMOUNT_WORDS = re.compile(r"合计|金额|预算|支出|收入|经费|小计")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Headers of amount columns that name the whole (the statement's total measure), not a measure or a
# fund: what the text-layer corpus, samples and fixtures print over their total columns (合计 851
# facts, 预算数 144, 当年财政拨款安排 33, 本年支出合计 18, 总计 8, 决算数 5, 小计 1; 金额 in the
# 三公 and project tables), and the phases a column may name instead (transform/phases.py: 年初预算,
# 调整预算, 决算, 执行数, 实际).
_WHOLE_HEADER = re.compile(r"合计|小计|总计|预算|决算|执行数|实际|金额|当年财政拨款安排|本年支出|本年收入")


@dataclass(frozen=True)
class Column:
    index: int
    path: tuple[str, ...]
    role: str  # "code", "unit_code", "name", "text", "amount", "memo" (an 其中 amount inside another column)
    measure: str | None = None
    fund_source: str | None = None
    # an amount column whose header OCR read as words naming neither a measure, a fund nor the
    # whole (_WHOLE_HEADER): its figures are not given the statement's total measure by default
    unread: bool = False

    @property
    def header(self) -> str:
        return "/".join(self.path)


def column_paths(header_rows: list[tuple[str, ...]], n_cols: int) -> list[tuple[str, ...]]:
    """Each column's header path, top to bottom. An upper cell spans right over blank cells
    that have a sub-header below them (a merged cell printed once)."""
    grid = [[normalize_label(row[c]) if c < len(row) else "" for c in range(n_cols)] for row in header_rows]
    for r in range(len(grid) - 1):
        for c in range(1, n_cols):
            below = any(grid[k][c] for k in range(r + 1, len(grid)))
            if not grid[r][c] and grid[r][c - 1] and below:
                grid[r][c] = grid[r][c - 1]
    return [tuple(grid[r][c] for r in range(len(grid)) if grid[r][c]) for c in range(n_cols)]


def measure_of(path: tuple[str, ...], default: str) -> str:
    """The nearest-to-leaf header that names a measure; 合计/小计 defer to their parents."""
    return first_match(_MEASURE_RULES, path) or default


def fund_of(path: tuple[str, ...], default: str) -> str:
    return first_match(_FUND_RULES, path) or default


def fund_of_label(label: str) -> str | None:
    """Fund source named by a row label of a summary table ('一般公共预算拨款收入')."""
    return first_match(_FUND_RULES, (normalize_label(label),))


def measure_of_label(label: str) -> str | None:
    return first_match(_MEASURE_RULES, (normalize_label(label),))


@lru_cache(maxsize=16384)
def first_match(ordered: tuple[tuple[re.Pattern, str], ...], path: tuple[str, ...]) -> str | None:
    """The value of the first rule matching the path's innermost label that any rule matches.
    Cached: a document repeats the same few header paths in every table."""
    for label in reversed(path):
        for pattern, value in ordered:
            if pattern.search(label):
                return value
    return None


def classify_columns(
    paths: list[tuple[str, ...]],
    body: list[tuple[str, ...]],
    *,
    total_measure: str,
    fund_default: str,
    header_by_ocr: bool = False,
) -> list[Column]:
    """Role of each column from its header and what its cells hold. A header read by OCR that
    names nothing the rules know is no 合计: '项目支出' read '项支出' on the 001 fixture's scan
    defaulted to the total measure, and the column's roll-ups, holding in any column, "proved"
    its figures under the wrong measure; such a column is ``unread``."""
    columns = []
    for c, path in enumerate(paths):
        leaf = path[-1] if path else ""
        joined = "/".join(path)
        values = [row[c] for row in body if c < len(row) and row[c].strip()]
        if _UNIT_HEADER.search(joined):
            role = "unit_code"
        elif leaf.startswith("其中"):
            role = "memo"
        elif _CODE_HEADER.search(leaf) or (
            values and all(_SUBJECT_CODE.fullmatch(v) for v in values) and not _amount_header(joined)
        ):
            role = "code"
        elif _TEXT_HEADER.search(joined):
            role = "text"
        elif _NAME_HEADER.search(leaf) or (values and _mostly_text(values)):
            role = "name"
        else:
            role = "amount"
        if role == "amount":
            measure, fund = first_match(_MEASURE_RULES, path), first_match(_FUND_RULES, path)
            unread = header_by_ocr and names_nothing(path)
            columns.append(Column(c, path, role, measure or total_measure, fund or fund_default, unread))
        else:
            columns.append(Column(c, path, role))
    return columns


# What the templates print over amount columns (the blank official templates of ../shared/corpus,
# the samples, the fixtures): the labels an OCR'd header that names nothing may have been. Each
# names a measure, a fund source or the whole (test: no label of them is unread).
PRINTED_AMOUNT_HEADERS = (
    "合计", "小计", "总计", "金额", "预算数", "决算数", "调整预算数", "年初预算数", "执行数",
    "基本支出", "项目支出", "人员经费", "公用经费", "人员支出", "公用支出",
    "财政拨款", "一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金",
    "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款", "当年财政拨款安排",
    "事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入", "单位资金",
    "上年结转", "结转下年", "年初结转和结余", "年末结转和结余", "结余分配",
    "经营支出", "上缴上级支出", "对附属单位补助支出", "本年收入合计", "本年支出合计",
    "用事业基金弥补收支差额", "使用非财政拨款结余",
)  # fmt: skip
# An OCR'd header may be a printed label it is at most one edit (a character lost, added or read
# as another) per this many of the label's characters from: 项支出 for 项目支出 (one in four) on the
# 001 fixture's 150-dpi scan. Nearness only proposes; the document's sums decide
# (flows/second_reading.py).
CHARACTERS_PER_EDIT = 3


def names_nothing(path: tuple[str, ...]) -> bool:
    """Whether a header path (normalized labels) names no measure, fund source or the whole: on an
    OCR'd page, a misreading of one (classify_columns' ``unread``)."""
    return not (first_match(_MEASURE_RULES, path) or first_match(_FUND_RULES, path) or _WHOLE_HEADER.search("/".join(path)))


def printed_headers_near(label: str) -> list[str]:
    """The printed amount headers an OCR'd label naming nothing may be (CHARACTERS_PER_EDIT),
    nearest first; none for a label that names something."""
    read = normalize_label(label)
    if not read or not names_nothing((read,)):
        return []
    near = []
    for printed in PRINTED_AMOUNT_HEADERS:
        allowed = len(printed) // CHARACTERS_PER_EDIT
        if (edits := Levenshtein.distance(read, printed, score_cutoff=allowed)) <= allowed:
            near.append((edits, printed))
    return [printed for _, printed in sorted(near)]


def _amount_header(joined: str) -> bool:
    return bool(_AMOUNT_WORDS.search(joined)) and not _CODE_HEADER.search(joined)


def _mostly_text(values: list[str]) -> bool:
    texty = sum(bool(_CJK.search(v)) for v in values)
    return texty * 2 > len(values)
