"""Which figure of a subject's life an amount is: the budget (预算数, 年初预算数), the adjusted
budget (调整预算数, 全年预算数) or the final account (决算数, 支出决算). A 决算 table printing
年初预算数 | 全年预算数 | 决算数 side by side gives three facts per subject, one per phase; a column
that names no phase has the document's (a 预算's are budget, a 决算's final)."""

from __future__ import annotations

from functools import lru_cache

from transform.headers import first_match, rules

PHASES = {
    "budget": "预算数 / 年初预算数: what was budgeted at the start of the year",
    "adjusted_budget": "调整预算数 / 全年预算数: the budget after the year's adjustments",
    "final": "决算数 / 支出决算 / 实际: what was actually received or spent",
}
DOCUMENT_PHASE = {"budget": "budget", "final_accounts": "final"}  # a column naming no phase, by document kind

_RULES = rules(
    [
        (r"决算|执行数|实际", "final"),
        (r"调整预算|全年预算|调整后预算", "adjusted_budget"),
        (r"年初预算|预算数", "budget"),
    ]
)


def document_phase(document_kind: str | None) -> str:
    return DOCUMENT_PHASE.get(document_kind or "", "budget")


@lru_cache(maxsize=4096)
def phase_of(column_header: str | None, default: str) -> str:
    """The phase a column's header path ('收入/项目/决算数') names, innermost first, else `default`."""
    if not column_header:
        return default
    return first_match(_RULES, tuple(column_header.split("/"))) or default
