"""A space-aligned 收支总表 line -> its side-by-side column groups.

'  12、城乡社区支出        (6)资本性支出   12、债务还本支出' prints three of the four
groups (收入 | 功能分类 | 部门经济 | 政府经济); which three is decided by each label's
numbering (12、 continues the group whose last item was 11、) and by what it names (a
function class, an economic class, a fund source). Groups keep their printed order. A line
whose labels fit two assignments equally well is not guessed: its numbers are ambiguous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations

from extract.cells import CN_NUMERALS, ENUMERATION_MARK, normalize_label
from extract.model import RawRow
from extract.space_tokens import is_amount
from transform import codes
from transform.headers import Column, fund_of_label, measure_of_label
from transform.summary_tables import ECON_DEPT, ECON_GOV, FUNCTION, INCOME, Group, groups_of
from transform.token_rows import AlignedRows, Ambiguous

_NUMBERING = re.compile(rf"^(?:([{CN_NUMERALS}]+){ENUMERATION_MARK}|(\d+){ENUMERATION_MARK}|[(（](\d+)[)）])")
_LEVELS = ("cn", "ar", "par")


@dataclass
class _Segment:
    label: str
    amount: str | None = None


@dataclass
class _State:
    last: dict[str, int] = field(default_factory=dict)

    def fits(self, numbering: tuple[str, int] | None) -> int:
        if numbering is None:
            return 0
        level, n = numbering
        previous = self.last.get(level, 0)
        if previous == n - 1:
            return 4 if n > 1 else 1
        return -4

    def advance(self, numbering: tuple[str, int] | None) -> None:
        if numbering is None:
            return
        level, n = numbering
        self.last[level] = n
        for lower in _LEVELS[_LEVELS.index(level) + 1 :]:
            self.last.pop(lower, None)


def align_summary(rows: list[RawRow], columns: list[Column]) -> AlignedRows:
    groups = groups_of(columns)
    states = [_State() for _ in groups]
    out = AlignedRows([], [])
    n_cols = len(columns)
    for pos, row in enumerate(rows):
        segments = _segments(row.cells)
        cells = [""] * n_cols
        assignment = _assign(segments, groups, states)
        if assignment is None:
            out.rows.append(RawRow(tuple(cells), row.line, row.seq, row.page))
            out.methods.append("ambiguous")
            for seg in segments:
                if seg.amount is not None:
                    out.ambiguous.append(Ambiguous(pos, seg.amount, tuple(g.amounts[0].header for g in groups if g.amounts)))
            continue
        for seg, g in zip(segments, assignment):
            group = groups[g]
            cells[group.label_col] = seg.label
            if seg.amount is not None and group.amounts:
                cells[group.amounts[0].index] = seg.amount
            states[g].advance(_numbering(seg.label))
        out.rows.append(RawRow(tuple(cells), row.line, row.seq, row.page))
        out.methods.append("all_groups_printed" if len(segments) == len(groups) else "label_numbering_and_names")
    return out


def _segments(tokens: tuple[str, ...]) -> list[_Segment]:
    """(label, amount) pairs: an amount belongs to the label printed just before it."""
    segments: list[_Segment] = []
    for tok in tokens:
        if is_amount(tok) and segments and segments[-1].amount is None:
            segments[-1].amount = tok
        else:
            segments.append(_Segment(tok))
    return segments


def _assign(segments: list[_Segment], groups: list[Group], states: list[_State]) -> tuple[int, ...] | None:
    """The best-scoring group for each segment, in printed order; None on a tie or overflow."""
    if len(segments) > len(groups):
        return None
    numbering = [_numbering(s.label) for s in segments]  # a label's numbering, read once for every group
    fit = [
        [states[g].fits(number) + _names(s.label, group.axis) for g, group in enumerate(groups)]
        for s, number in zip(segments, numbering)
    ]  # each segment in each group, scored once for all the combinations
    scored = []
    for combo in combinations(range(len(groups)), len(segments)):
        score = sum(fit[k][g] for k, g in enumerate(combo))
        scored.append((score, combo))
    scored.sort(key=lambda sc: -sc[0])
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None
    return scored[0][1]


def _numbering(label: str) -> tuple[str, int] | None:
    m = _NUMBERING.match(normalize_label(label))
    if not m:
        return None
    if m.group(1):
        return "cn", _cn_number(m.group(1))
    return ("ar", int(m.group(2))) if m.group(2) else ("par", int(m.group(3)))


def _cn_number(text: str) -> int:
    """一 .. 九十九 (enough for item numbering)."""
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + CN_NUMERALS.index(text[1]) + 1
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (CN_NUMERALS.index(tens) + 1) * 10 + (CN_NUMERALS.index(ones) + 1 if ones else 0)
    return CN_NUMERALS.index(text) + 1


@lru_cache(maxsize=8192)
def _names(label: str, axis: str) -> int:
    """+2 when the label names something of the group's kind (a fund source, a class…). Cached:
    a summary table's labels are scored against each group, and its sibling tables repeat them."""
    bare = codes.strip_numbering(label)
    if axis == INCOME:
        fits = fund_of_label(bare) is not None or "收入" in bare
    elif axis == FUNCTION:
        fits = codes.class_code_for_name(codes.FUNCTION, bare) is not None
    elif axis == ECON_DEPT:
        fits = codes.class_code_for_name(codes.ECON_DEPARTMENT, bare) is not None or measure_of_label(bare) is not None
    elif axis == ECON_GOV:
        fits = codes.class_code_for_name(codes.ECON_GOVERNMENT, bare) is not None
    else:
        fits = False
    return 2 if fits else 0
