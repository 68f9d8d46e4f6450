"""Which column each number of a row belongs to, when the empty cells left no trace.

A row printing k numbers under n amount columns (k < n) could place them in any k columns,
keeping their order. The table's own arithmetic decides among those placements:

- row identity: 合计 = the sum of its components (人员 + 公用 + 专项; 小计 + other sources);
- column sums: the 合计 row equals the sum of the top-level rows, and a parent code row the
  sum of its children (208 = 20801; 301 = 30101 + 30102 + …), column by column;
- sibling tables: the same subject, measure and fund source printed elsewhere in the
  document (表5 vs 表7) must not contradict a placement, a printed blank included.

Each constraint only removes placements; one that no placement satisfies (the document
does not add up) is set aside rather than trusted. A row left with several placements
keeps the numbers they agree on, and the rest are ambiguous: never guessed.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations, product

from transform.arithmetic import Identity

CELL_ROUNDING = Decimal("0.005")  # half a cent of the printed unit, per summed cell
_MAX_SUMSET = 50_000

ROW_IDENTITY, COLUMN_SUMS, SIBLINGS = "row_identity", "column_sums", "sibling_tables"


@dataclass
class Row:
    """A row's numbers in printed order, and the placements still possible (slot per number)."""

    numbers: list[Decimal]
    n_slots: int
    key: tuple | None = None  # subject key for sibling evidence
    name: str = ""  # how messages name the row ('302 商品和服务支出, line 637')
    candidates: list[tuple[int, ...]] = field(default_factory=list)
    decided_by: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        if not self.candidates:
            k = len(self.numbers)
            self.candidates = list(combinations(range(self.n_slots), k)) if k <= self.n_slots else []

    def values(self, cand: tuple[int, ...]) -> list[Decimal | None]:
        out: list[Decimal | None] = [None] * self.n_slots
        for value, slot in zip(self.numbers, cand):
            out[slot] = value
        return out

    def settled_slots(self) -> list[int | None]:
        """Per number, its slot if every remaining placement agrees, else None."""
        if not self.candidates:
            return [None] * len(self.numbers)
        return [c[0] if len(set(c)) == 1 else None for c in zip(*self.candidates)]


@dataclass(frozen=True)
class SumGroup:
    """A parent row and the rows below it whose columns add up to it (printed nesting)."""

    parent: int
    children: tuple[int, ...]

    @property
    def members(self) -> tuple[int, ...]:
        return (self.parent, *self.children)


@dataclass
class Outcome:
    rows: list[Row]
    set_aside: list[str]  # constraints the document itself breaks
    consulted: set[tuple] = field(default_factory=set)  # sibling keys looked up: all the outcome depends on of them


def solve(
    rows: list[Row],
    identities: list[Identity],
    groups: list[tuple[int, list[int]]],
    siblings: dict[tuple, Decimal | None] | None = None,
    slot_keys: list[tuple | None] | None = None,
) -> Outcome:
    """Narrow every row's placements. groups: (parent row, child rows) whose columns add up."""
    set_aside: list[str] = []
    consulted: set[tuple] = set()
    for r in rows:
        if len(r.candidates) > 1:
            _filter(r, lambda c, r=r: all(_identity_holds(r.values(c), i) for i in identities), ROW_IDENTITY, set_aside)
    active = [SumGroup(parent, tuple(children)) for parent, children in groups if children]
    evaluated: dict[SumGroup, tuple[int, ...]] = {}  # group -> its rows' numbers of placements when last solved
    changed = True
    while changed:
        changed = False
        for group in list(active):
            state = tuple(len(rows[m].candidates) for m in group.members)
            if evaluated.get(group) == state:
                continue  # placements only shrink: the same counts are the same placements, same answer
            evaluated[group] = state
            result = _group_supports(rows, group)
            if result is None:
                active.remove(group)
                set_aside.append(
                    f"column sums of {rows[group.parent].name or group.parent} and its {len(group.children)} rows below"
                )
                continue
            for idx, keep in result.items():
                row = rows[idx]
                if len(keep) < len(row.candidates):
                    row.candidates = keep
                    row.decided_by.add(COLUMN_SUMS)
                    changed = True
        if siblings and slot_keys:
            for r in rows:
                if len(r.candidates) > 1 and r.key is not None:
                    before = len(r.candidates)
                    _filter(r, lambda c, r=r: not _contradicts(r, c, siblings, slot_keys, consulted), SIBLINGS, set_aside)
                    changed = changed or len(r.candidates) < before
    return Outcome(rows, set_aside, consulted)


def _filter(row: Row, keep, reason: str, set_aside: list[str]) -> None:
    kept = [c for c in row.candidates if keep(c)]
    if kept and len(kept) < len(row.candidates):
        row.candidates = kept
        row.decided_by.add(reason)
    elif not kept:
        set_aside.append(f"{reason} of {row.name or 'a row'} printing {' '.join(map(str, row.numbers))}")


def _identity_holds(values: list[Decimal | None], identity: Identity) -> bool:
    parts = [values[p] for p in identity.parts]
    total = values[identity.total]
    if total is None:
        return all(p is None for p in parts)
    printed = [p for p in parts if p is not None]
    return abs(total - sum(printed, Decimal(0))) <= CELL_ROUNDING * (len(printed) + 1)


def _contradicts(row: Row, cand: tuple[int, ...], siblings: dict, slot_keys: list[tuple | None], consulted: set[tuple]) -> bool:
    for slot, value in enumerate(row.values(cand)):
        if slot_keys[slot] is None:
            continue
        key = (*row.key, *slot_keys[slot])
        consulted.add(key)
        if key not in siblings:
            continue
        other = siblings[key]
        if (value is None) != (other is None):
            return True
        if value is not None and abs(value - other) > CELL_ROUNDING * 2:
            return True
    return False


def _group_supports(rows: list[Row], group: SumGroup) -> dict[int, list[tuple[int, ...]]] | None:
    """Placements of each row in the group that some placement of the others supports, slot
    by slot; None when no placement of the parent is supported (the printed sums disagree)."""
    parent, children, members = group.parent, group.children, group.members
    n_slots = rows[parent].n_slots
    # In integer units of the finest printed digit: exact, and the sumsets below are the
    # hottest loop of the normalizer (Decimal additions were 5x slower).
    places = max([3, *(-v.as_tuple().exponent for m in members for v in rows[m].numbers)])
    tol = _units(CELL_ROUNDING * (len(children) + 1), places)
    choices = {
        m: [[_units(v, places) if v is not None else 0 for v in rows[m].values(c)] for c in rows[m].candidates] for m in members
    }
    per_slot = [_sumsets([{vals[s] for vals in choices[c]} for c in children]) for s in range(n_slots)]
    keep: dict[int, list[tuple[int, ...]]] = {}
    for m in members:
        sums = [whole if m == parent else without[children.index(m)] for whole, without in per_slot]
        parent_values = None if m == parent else choices[parent]
        supported = [
            cand
            for cand, vals in zip(rows[m].candidates, choices[m])
            if all(_slot_supported(sums[s], vals[s], s, parent_values, tol) for s in range(n_slots))
        ]
        if not supported:
            return None
        keep[m] = supported
    return keep


def _units(value: Decimal, places: int) -> int:
    return int(value.scaleb(places))


def _slot_supported(sums: Sums | None, value: int, slot: int, parent_values: list[list[int]] | None, tol: int) -> bool:
    """The parent's amount in this slot can equal the children's sum, given this member's value
    (parent_values is None when the member is the parent itself)."""
    if sums is None:
        return True
    targets = {value} if parent_values is None else {vals[slot] - value for vals in parent_values}
    return any(_near(sums, t, tol) for t in targets)


# Sums a + b of a value a of the first list and b of the second (sorted): the sums over all the
# other sets are a prefix plus a suffix, and asking each a is cheaper than adding every pair.
Sums = tuple[list[int], list[int]]


def _sumsets(value_sets: list[set[int]]) -> tuple[Sums | None, list[Sums | None]]:
    """The sums of one value from each set, and for each set the sums over all the others:
    prefix + suffix sums, linear in the number of sets where recomputing the others for each
    set was quadratic. None where there are more than _MAX_SUMSET sums."""
    prefix = [{0}]
    for values in value_sets:
        prefix.append(_add(prefix[-1], values))
    suffix = [{0}]
    for values in reversed(value_sets):
        suffix.append(_add(suffix[-1], values))
    suffix.reverse()
    without = []
    for i in range(len(value_sets)):
        a, b = prefix[i], suffix[i + 1]
        if a is None or b is None:
            without.append(None)  # more sums on one side alone than the limit: more in all
        elif len(a) * len(b) <= _MAX_SUMSET:
            few, many = sorted((a, b), key=len)
            without.append((list(few), sorted(many)))  # within the limit however they add up: not added
        elif len(a) * len(b) > _MAX_SUMSET * 8:
            without.append(_built(_sumset(value_sets[:i] + value_sets[i + 1 :])))
        else:
            without.append(_built(_add(a, b)))
    return _built(prefix[-1]), without


def _built(sums: Iterable[int] | None) -> Sums | None:
    return None if sums is None else ([0], sorted(sums))


def _add(sums: set[int] | None, values: set[int]) -> set[int] | None:
    if sums is None:
        return None
    out = {a + b for a, b in product(sums, values)}
    return out if len(out) <= _MAX_SUMSET else None


def _sumset(value_sets: list[set[int]]) -> list[int] | None:
    sums = {0}
    for values in value_sets:
        sums = {a + b for a, b in product(sums, values)}
        if len(sums) > _MAX_SUMSET:
            return None
    return sorted(sums)


def _near(sums: Sums, target: int, tol: int) -> bool:
    few, many = sums
    for a in few:
        i = bisect.bisect_left(many, target - a - tol)
        if i < len(many) and many[i] <= target - a + tol:
            return True
    return False
