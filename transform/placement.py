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
import math
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
    checks = [_identity_check(i) for i in identities]
    for r in rows:
        if len(r.candidates) > 1:
            _filter(r, lambda c, r=r: all(holds(r, c) for holds in checks), ROW_IDENTITY, set_aside)
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


def _identity_check(identity: Identity):
    """holds(row, placement): the identity in that placement. Read from the row's few numbers
    rather than from all its slots (a 合计 of 2 numbers under 12 columns has 66 placements),
    when the parts are in column order: the same parts, added in the same order."""
    parts = frozenset(identity.parts)
    if identity.total in parts or list(identity.parts) != sorted(parts):
        return lambda row, cand: _identity_holds(row.values(cand), identity)

    def holds(row: Row, cand: tuple[int, ...]) -> bool:
        total, printed = None, []
        for value, slot in zip(row.numbers, cand):  # slots ascend: parts come in identity.parts order
            if value is None:
                continue  # as an empty cell
            if slot == identity.total:
                total = value
            elif slot in parts:
                printed.append(value)
        if total is None:
            return not printed
        return abs(total - sum(printed, Decimal(0))) <= CELL_ROUNDING * (len(printed) + 1)

    return holds


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
    # In integer units of the finest printed digit: exact, and the sums below are the
    # hottest loop of the normalizer (Decimal additions were 5x slower).
    places = max([3, *(-v.as_tuple().exponent for m in members for v in rows[m].numbers)])
    tol = _units(CELL_ROUNDING * (len(children) + 1), places)
    units = {m: [_units(v, places) for v in rows[m].numbers] for m in members}
    if all(len(rows[m].candidates) == 1 for m in members):
        # Every row placed (half the groups solved, most of them when re-checked): the sums hold
        # or they do not, the same verdict for every row; no sums of choices to build.
        return {m: rows[m].candidates for m in members} if _placed_sums_hold(rows, group, units, tol) else None
    values = {m: _slot_values(rows[m].candidates, units[m], n_slots) for m in members}
    # A slot's verdict depends on a row's value there alone, and a row has few values per slot:
    # each decided once, not once per placement (rows of 2 numbers under 12 columns have 66).
    allowed = [_slot_allowed([values[c][s] for c in children], values[parent][s], tol) for s in range(n_slots)]
    keep: dict[int, list[tuple[int, ...]]] = {}
    for k, m in enumerate(members):
        ok = [slot[k] for slot in allowed]
        must_fill = {s for s in range(n_slots) if 0 not in ok[s]}  # slots this row may not leave empty
        supported = [
            cand for cand in rows[m].candidates if must_fill <= set(cand) and all(u in ok[s] for u, s in zip(units[m], cand))
        ]
        if not supported:
            return None
        keep[m] = supported
    return keep


def _placed_sums_hold(rows: list[Row], group: SumGroup, units: dict[int, list[int]], tol: int) -> bool:
    """Each row with one placement: in every slot the children add up to the parent."""
    gap = [0] * rows[group.parent].n_slots
    for u, s in zip(units[group.parent], rows[group.parent].candidates[0]):
        gap[s] = u
    for c in group.children:
        for u, s in zip(units[c], rows[c].candidates[0]):
            gap[s] -= u
    return all(abs(g) <= tol for g in gap)


def _units(value: Decimal, places: int) -> int:
    return int(value.scaleb(places))


def _slot_values(candidates: list[tuple[int, ...]], units: list[int], n_slots: int) -> list[set[int]]:
    """Per slot, the amounts (in units; 0 for an empty cell) the row's placements put there."""
    values: list[set[int]] = [set() for _ in range(n_slots)]
    for cand in candidates:
        for u, s in zip(units, cand):
            values[s].add(u)
        if len(cand) < n_slots:
            for s in set(range(n_slots)).difference(cand):
                values[s].add(0)
    return values


def _slot_allowed(children: list[set[int]], parent: set[int], tol: int) -> list[set[int]]:
    """In one slot, per member (the parent first), its values that some value of each other
    member adds up with: the parent's amount = the children's sum, within tol."""
    if all(children) and math.prod(len(v) for v in children) <= _MAX_SUMSET:
        return _allowed_by_reach(children, parent, tol)
    return _allowed_by_sumsets(children, parent, tol)


def _allowed_by_sumsets(children: list[set[int]], parent: set[int], tol: int) -> list[set[int]]:
    """_slot_allowed by the sumsets: past their limit some sums are not built, and a value
    they would decide passes."""
    whole, without = _sumsets(children)
    return [
        {p for p in parent if whole is None or _near(whole, p, tol)},
        *(
            {v for v in mine if sums is None or any(_near(sums, p - v, tol) for p in parent)}
            for mine, sums in zip(children, without)
        ),
    ]


def _allowed_by_reach(children: list[set[int]], parent: set[int], tol: int) -> list[set[int]]:
    """_slot_allowed when every sum can be built (at most _MAX_SUMSET choices, so none is past
    the limit: the same verdicts as the sumsets). The children in two halves, the sums each
    half reaches built forward: 2 x 2^(k/2) sums for k children of two values, where the
    sumsets built 2^k from both ends and sorted them per child (the synthetic corpus's 合计
    over 13 rows, 12 of them with two values per slot: 128 sums instead of 4,096 x 2). The
    pairs of the halves' sums within tol of a parent's value are the ends, which are few
    (printed amounts rarely add up by chance); backward from them, a value is allowed when a
    sum it reaches leads to one. A child with one value adds it to every sum: not added up."""
    several = [i for i, v in enumerate(children) if len(v) > 1]
    shift = sum(next(iter(v)) for v in children if len(v) == 1)
    half = len(several) // 2
    left, right = several[:half], several[half:]
    reach_left, reach_right = _reach([children[i] for i in left]), _reach([children[i] for i in right])
    rights = sorted(reach_right[-1])
    parent_ok: set[int] = set()
    ends_left: set[int] = set()
    ends_right: set[int] = set()
    for a in reach_left[-1]:
        for p in parent:
            lo = bisect.bisect_left(rights, p - shift - tol - a)
            hi = bisect.bisect_right(rights, p - shift + tol - a)
            if lo < hi:
                parent_ok.add(p)
                ends_left.add(a)
                ends_right.update(rights[lo:hi])
    allowed = [parent_ok, *(set(v) if parent_ok else set() for v in children)]
    for part, reach, ends in ((left, reach_left, ends_left), (right, reach_right, ends_right)):
        for j in reversed(range(len(part))):
            mine, before = children[part[j]], reach[j]
            allowed[1 + part[j]] = {v for v in mine if any(e - v in before for e in ends)}
            ends = {e - v for e in ends for v in mine if e - v in before}
    return allowed


def _reach(value_sets: list[set[int]]) -> list[set[int]]:
    """The sums of one value from each of the first j sets, for j = 0 … len(value_sets)."""
    reach = [{0}]
    for values in value_sets:
        reach.append({a + b for a in reach[-1] for b in values})
    return reach


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
