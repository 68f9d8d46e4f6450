"""Statement kinds of the disclosure family, recognized from the table title.

Order matters: the first rule whose pattern matches the title wins, so narrower titles
(三公, 绩效, 基本支出) come before broader ones (支出). A new title variant is a new rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.cells import normalize_label


@dataclass(frozen=True)
class Statement:
    kind: str
    name_zh: str
    # "summary" (side-by-side income/expenditure), "detail" (rows of subjects), an item layout of
    # transform/disclosure ("projects", "three_public", "targets", "line_items"), or "none" (not modelled)
    layout: str
    fund_source: str  # default fund source of its amounts
    total_measure: str  # what the 合计 column means in this statement


def _s(kind, zh, layout, fund="all", total="total"):
    return Statement(kind, zh, layout, fund, total)


SUMMARY = _s("summary", "收支总表", "summary")
APPROPRIATION_SUMMARY = _s("appropriation_summary", "财政拨款收支总表", "summary", "appropriation")
GOV_FUND_SUMMARY = _s("gov_fund_summary", "政府性基金收支表", "summary", "gov_fund")
INCOME = _s("income", "收入总表", "detail", "all", "income")
EXPENDITURE = _s("expenditure", "支出总表", "detail")
GENERAL_BUDGET = _s("general_budget_expenditure", "一般公共预算支出表", "detail", "general_budget")
GENERAL_BUDGET_BASIC = _s("general_budget_basic_expenditure", "一般公共预算基本支出表", "detail", "general_budget", "basic")
BASIC = _s("basic_expenditure", "基本支出表", "detail", "all", "basic")
GOV_FUND = _s("gov_fund_expenditure", "政府性基金预算支出表", "detail", "gov_fund")
STATE_CAPITAL = _s("state_capital_expenditure", "国有资本经营预算支出表", "detail", "state_capital")
THREE_PUBLIC = _s("three_public", "“三公”经费支出表", "three_public")
# 决算 (final accounts) tables by function subject: 年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余
GOV_FUND_FINAL = _s("gov_fund_final", "政府性基金预算财政拨款收入支出决算表", "detail", "gov_fund")
STATE_CAPITAL_FINAL = _s("state_capital_final", "国有资本经营预算财政拨款收入支出决算表", "detail", "state_capital")
CARRYOVER = _s("carryover_expenditure", "财政拨款上年结转资金支出表", "detail", "carryover")
PROJECT = _s("project_expenditure", "项目支出表", "projects")
PROCUREMENT = _s("procurement", "政府采购预算表", "line_items")
ASSETS = _s("assets", "国有资产占用表", "line_items")
PERFORMANCE_PROJECT = _s("performance_project", "项目绩效目标表", "targets")
PERFORMANCE_OVERALL = _s("performance_overall", "部门整体绩效目标表", "targets")
MEETING_TRAINING = _s("meeting_training", "会议费培训费明细", "line_items")
CONTENTS = _s("contents", "目录", "none")
ORGANIZATION = _s("organization", "机构设置", "none")
UNCLASSIFIED = _s("unclassified", "未识别", "none")

_RULES: list[tuple[re.Pattern, Statement]] = [
    (re.compile(p), s)
    for p, s in [
        (r"三公", THREE_PUBLIC),
        (r"绩效.*(整体|部门整体)|整体.*绩效", PERFORMANCE_OVERALL),
        (r"绩效", PERFORMANCE_PROJECT),
        (r"采购", PROCUREMENT),
        (r"资产", ASSETS),
        (r"会议费|培训费", MEETING_TRAINING),
        (r"项目支出|专项业务经费支出", PROJECT),
        (r"上年结转.*支出", CARRYOVER),
        (r"政府性基金.*收入支出决算", GOV_FUND_FINAL),
        (r"国有资本经营.*收入支出决算", STATE_CAPITAL_FINAL),
        (r"财政拨款收支|财政拨款收入支出", APPROPRIATION_SUMMARY),
        (r"政府性基金.*收支", GOV_FUND_SUMMARY),
        (r"政府性基金", GOV_FUND),
        (r"国有资本经营", STATE_CAPITAL),
        (r"收支总|收支总体|收支预算总|收入支出决算总|收入支出总", SUMMARY),
        (r"收入总|收入总体|收入预算|收入决算", INCOME),
        (r"一般公共预算.*基本支出", GENERAL_BUDGET_BASIC),
        (r"基本支出", BASIC),
        (r"一般公共预算.*支出", GENERAL_BUDGET),
        (r"支出总|支出总体|支出预算总|支出决算", EXPENDITURE),
        (r"机构设置|单位构成|编制范围的单位|的单位包括", ORGANIZATION),
        (r"目录|公开表$|情况说明$|公开报表$", CONTENTS),
    ]
]

ALL = [s for _, s in _RULES] + [UNCLASSIFIED]
# A table of contents' dot leaders: full stops (.....) or ellipses (…………, the 普陀区 budgets' 目录).
_DOT_LEADER = re.compile(r"\.{5}|…{3}")


def classify(title: str | None, cells: list[str] | None = None) -> Statement:
    """The statement kind a table title names; a table of contents is known by its dot leaders."""
    if cells and sum(_DOT_LEADER.search(c) is not None for c in cells) >= 2:
        return CONTENTS
    text = normalize_label(title or "")
    for pattern, statement in _RULES:
        if pattern.search(text):
            return statement
    return UNCLASSIFIED
