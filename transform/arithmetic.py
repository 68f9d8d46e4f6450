"""The arithmetic a printed table promises, from its header and its row order alone.

Shared by placement (which uses it to decide where a number goes) and by the quality
checks (which use it to test whether the printed numbers keep the promise).
"""

from __future__ import annotations

from dataclasses import dataclass

from extract.cells import normalize_label

TOTAL_LABELS = {"合计", "总计", "本年合计"}


@dataclass(frozen=True)
class Identity:
    """Column `total` equals the sum of columns `parts` in every row (positions, not indexes)."""

    total: int
    parts: tuple[int, ...]


def column_identities(paths: list[tuple[str, ...]], memo: list[bool] | None = None) -> list[Identity]:
    """合计 = its components; a column group's 小计 = its members. 其中 columns are memos and
    take no part. `paths` are the amount columns' header paths, in printed order."""
    memo = memo or [False] * len(paths)
    leaf = [normalize_label(p[-1]) if p else "" for p in paths]
    total = next((i for i, name in enumerate(leaf) if name in TOTAL_LABELS), None)
    if total is None:
        return []
    depth = len(paths[total]) - 1
    groups: dict[tuple, list[int]] = {}
    for i, path in enumerate(paths):
        if i == total or memo[i] or len(path) <= depth:
            continue
        groups.setdefault(path[: depth + 1], []).append(i)
    parts: list[int] = []
    identities: list[Identity] = []
    for members in groups.values():
        subtotal = next((i for i in members if leaf[i] == "小计"), None)
        if subtotal is None:
            parts.extend(members)
            continue
        parts.append(subtotal)
        rest = tuple(i for i in members if i != subtotal)
        if rest:
            identities.append(Identity(subtotal, rest))
    if not parts:
        return identities
    return [Identity(total, tuple(parts)), *identities]


def printed_nesting(codes: list[str | None], total_row: int | None) -> list[tuple[int, list[int]]]:
    """(parent, children) positions by the printed hierarchy: the 合计 row over the top-level
    rows, and a code row over the longer codes printed after it. By order, not by prefix, so
    a misprinted code still nests where it is printed."""
    children: dict[int, list[int]] = {}
    stack: list[tuple[int, str]] = []
    for i, code in enumerate(codes):
        if code is None:
            continue
        while stack and len(stack[-1][1]) >= len(code):
            stack.pop()
        parent = stack[-1][0] if stack else total_row
        if parent is not None:
            children.setdefault(parent, []).append(i)
        stack.append((i, code))
    return list(children.items())
