"""Which printed names are one department: a stable `department_id` per department, every name
a document prints kept as an alias with how it was matched (README "Department identity").

Conservative: names are merged only on evidence —
- `normalized_name`: the same name key (transform/department_names.py) in the same place (the
  division code of the document's region, else the region as printed); a name whose place is
  unknown merges with nothing but its own document's names;
- `unit_code`: the same unit code printed by documents of the same place (a code is the
  publisher's own numbering, 362 固安县医疗保障局: meaningful only within its place);
- `override`: a line of data/reference/department_overrides.csv (merge or split).
Similarity alone (兰山区医疗保障局 vs 兰山区医保局) never merges: that is the override file's job.
Pure: rows in, rows out, no database."""

from __future__ import annotations

import csv
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from transform import department_names, places

OVERRIDES = Path(__file__).resolve().parent.parent / "data" / "reference" / "department_overrides.csv"
OVERRIDE_COLUMNS = ("action", "name_printed", "source_file", "target_name", "target_source_file", "reason")
MERGE, SPLIT = "merge", "split"
# Where a name was read, best first: the document's own department, a table's caption, another
# name the document prints for itself (source_document.department_variants).
SOURCES = ("document", "table", "variant")
ID_PREFIX, ID_HEX = "D", 12  # department_id = D + the first 12 hex digits of an md5 (below)


@dataclass(frozen=True)
class Override:
    action: str
    name_printed: str
    source_file: str | None
    target_name: str | None
    target_source_file: str | None
    reason: str | None

    def matches(self, row: dict, target: bool = False) -> bool:
        name, file = (self.target_name, self.target_source_file) if target else (self.name_printed, self.source_file)
        return row["name_printed"] == name and (not file or row["source_file"] == file)


def read_overrides(path: Path = OVERRIDES) -> list[Override]:
    """The operator's merges and splits; blank lines and lines starting with # are skipped."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.lstrip().startswith("#")]
    out = []
    for r in csv.DictReader(lines):
        clean = {c: (r.get(c) or "").strip() or None for c in OVERRIDE_COLUMNS}
        if clean["action"] not in (MERGE, SPLIT) or not clean["name_printed"]:
            raise ValueError(f"{path.name}: action must be merge or split, with a name_printed: {r}")
        if clean["action"] == MERGE and not clean["target_name"]:
            raise ValueError(f"{path.name}: a merge needs a target_name: {r}")
        out.append(Override(**clean))
    return out


def identify(
    rows: list[dict], overrides: list[Override] = (), claims: list[dict] = (), listed: list[dict] = ()
) -> tuple[list[dict], list[dict]]:
    """rows: one per (source_file, name_printed, source) with region, unit_code, fiscal_year;
    claims: one per (source_file, parent_name, evidence), a 单位's document naming the department
    it belongs to (its projects' 主管部门); listed: one per (source_file, unit_name), a 部门's document
    listing a unit it is made of. Returns (aliases, departments): an alias per
    (source_file, name_printed) with department_id, matched_by and its key; a department per id
    with its name, place, years, parent and the departments it may be but is not merged with."""
    rows = _deduplicated(rows)
    for r in rows:
        place = places.resolve(r["region"] or r["name_printed"])
        r["place"] = place
        r["place_key"] = place.division_code or (department_names.normalized(r["region"]) if r["region"] else None)
        r["name_key"] = _Named.key(r["name_printed"], r)
        r["split"] = next((i for i, o in enumerate(overrides) if o.action == SPLIT and o.matches(r)), None)
    uf = _UnionFind(len(rows))
    _link_on_evidence(rows, uf)
    merged = _link_overrides(rows, overrides, uf)
    components = defaultdict(list)
    for i in range(len(rows)):
        components[uf.find(i)].append(i)
    aliases, departments = [], []
    for members in components.values():
        group = [rows[i] for i in members]
        canon = _canonical(group)
        split = group[0]["split"]
        seed = (
            f"split|{overrides[split].name_printed}|{overrides[split].source_file or ''}"
            if split is not None
            else min(_seed(r) for r in group)
        )
        department_id = ID_PREFIX + hashlib.md5(seed.encode("utf-8")).hexdigest()[:ID_HEX]
        for i, r in zip(members, group):
            aliases.append(
                {
                    "department_id": department_id,
                    "name_printed": r["name_printed"],
                    "source_file": r["source_file"],
                    "matched_by": _matched_by(r, canon, i in merged),
                    "name_key": r["name_key"],
                }
            )
        departments.append(_department(department_id, canon, group))
        for r in group:
            r["department_id"] = department_id
    named = _Named(rows)
    _parents(named, departments, claims)
    _listed_members(named, departments, listed)
    _ambiguous(rows, departments)
    aliases.sort(key=lambda a: (a["department_id"], a["source_file"], a["name_printed"]))
    departments.sort(key=lambda d: d["department_id"])
    return aliases, departments


class _Named:
    """Which departments a name printed in a document means, for the parent links: the departments
    of the same name key in that document's place (matched as names are), the document's own aside."""

    def __init__(self, rows: list[dict]):
        self.own = {r["source_file"]: r for r in rows if r["source"] == "document"}  # each document's own name
        self._ids: dict[tuple[str, str], set[str]] = defaultdict(set)
        for r in rows:
            if r["place_key"] and r["source"] != "variant":
                self._ids[(r["place_key"], r["name_key"])].add(r["department_id"])

    @staticmethod
    def key(name: str, where: dict) -> str:
        return department_names.key(name, _place_words(where))

    def departments(self, name: str, where: dict) -> set[str]:
        if not where["place_key"]:
            return set()
        return self._ids.get((where["place_key"], self.key(name, where)), set()) - {where["department_id"]}


def _parents(named: _Named, departments: list[dict], claims: list[dict]) -> None:
    """A 单位 belongs to the department its document names, when that name is a department of the
    warehouse in the same place (matched as names are: its key, its place); a parent not loaded
    keeps its printed name. A unit naming two parents gets none: that is for a person."""
    claimed: dict[str, dict[str, list[tuple[str, set[str]]]]] = defaultdict(lambda: defaultdict(list))
    for c in claims:
        unit = named.own.get(c["source_file"])
        if unit is None:
            continue
        if named.key(c["parent_name"], unit) == unit["name_key"]:
            continue  # 兰山区医疗保障局 for 兰山区医疗保障局机关: the same department by the rules above
        ids = named.departments(c["parent_name"], unit)
        claimed[unit["department_id"]][c["parent_name"]].append((f"{c['evidence']} in {c['source_file']}", ids))
    for d in departments:
        d.update(parent_department_id=None, parent_name=None, parent_evidence=None)
        parents = claimed.get(d["department_id"])
        if not parents:
            continue
        if len(parents) > 1:
            d["parent_evidence"] = "names more than one parent: " + "; ".join(sorted(parents))
            continue
        [(name, seen)] = parents.items()
        ids = set().union(*(i for _, i in seen))
        d.update(
            parent_department_id=min(ids) if len(ids) == 1 else None,
            parent_name=name,
            parent_evidence="; ".join(sorted({e for e, _ in seen})),
        )


def _listed_members(named: _Named, departments: list[dict], listed: list[dict]) -> None:
    """A 单位 a loaded 部门's document lists as one of its units (机构设置) belongs to it, when the
    unit's own document names no parent: matched by name key in the department's place, the
    department itself (its （本级） line) excepted."""
    by_id = {d["department_id"]: d for d in departments}
    for m in listed:
        parent = named.own.get(m["source_file"])
        if parent is None:
            continue
        units = named.departments(m["unit_name"], parent)
        if len(units) != 1:
            continue
        unit = by_id[next(iter(units))]
        if unit["parent_name"] is None:
            unit.update(
                parent_department_id=parent["department_id"],
                parent_name=parent["name_printed"],
                parent_evidence=f"listed as a unit by {m['source_file']}",
            )


def _place_words(r: dict) -> tuple[str, str, str, str]:
    """What a name key strips as its place (department_names.key): the region and its divisions."""
    place = r["place"]
    return (r["region"] or "", place.province or "", place.city or "", place.county or "")


def _ambiguous(rows: list[dict], departments: list[dict]) -> None:
    """Departments with the same name key that were not merged because one of them names no
    place (财政局 of a document without a region): they may be one department; a person decides
    with the override file. Two known, different places are two departments, never ambiguous.
    Set by set, not pair by pair: a name key is shared by one department per place (财政局 of
    every county), and comparing its rows pairwise took 68 s of the 20,000-document run (issue 24)."""
    by_key = defaultdict(set)  # per name key: (department, whether the row names a place) of its rows
    for r in rows:
        if r["source"] != "variant":
            by_key[r["name_key"]].add((r["department_id"], bool(r["place_key"])))
    names = {d["department_id"]: d["department"] for d in departments}
    maybe: dict[str, set[str]] = defaultdict(set)
    for pairs in by_key.values():
        unplaced = {i for i, placed in pairs if not placed}
        if not unplaced:
            continue  # every row names a place: no pair to report
        every = {i for i, _ in pairs}
        for i, placed in pairs:
            maybe[i] |= (unplaced if placed else every) - {i}
    for d in departments:
        others = sorted(maybe.get(d["department_id"], ()))
        d["ambiguous_with"] = "; ".join(f"{i} {names[i]}" for i in others) or None


def _seed(r: dict) -> str:
    """What a department's id is the hash of: the smallest of its (place, name key) pairs, which
    no other department can have (they are what merges); a name without a place, or a variant
    (which merges by neither), is only itself in its own document."""
    if r["place_key"] and r["source"] != "variant":
        return f"{r['place_key']}|{r['name_key']}"
    return f"~{r['source_file']}|{r['name_printed']}"


def _deduplicated(rows: list[dict]) -> list[dict]:
    """One row per (source_file, name_printed): the best source wins (a table's caption that is
    also the document's name is the document's)."""
    best: dict[tuple, dict] = {}
    for r in sorted(rows, key=lambda r: SOURCES.index(r["source"])):
        best.setdefault((r["source_file"], r["name_printed"]), dict(r))
    return sorted(best.values(), key=lambda r: (r["source_file"], r["name_printed"]))


def _link_on_evidence(rows: list[dict], uf: _UnionFind) -> None:
    by_name, by_code, by_doc_name, documents = defaultdict(list), defaultdict(list), defaultdict(list), {}
    for i, r in enumerate(rows):
        if r["split"] is not None:
            continue  # an operator's split: joins only the names of the same split line (below)
        if r["source"] == "document":
            documents[r["source_file"]] = i
        if r["source"] == "variant":
            continue  # joins its own document's name only, never another department through it
        by_doc_name[(r["source_file"], r["name_key"])].append(i)
        if r["place_key"]:
            by_name[(r["place_key"], r["name_key"])].append(i)
            if r["unit_code"]:
                by_code[(r["place_key"], r["unit_code"])].append(i)
    for group in (*by_name.values(), *by_code.values(), *by_doc_name.values()):
        for i in group[1:]:
            uf.union(group[0], i)
    for i, r in enumerate(rows):
        if r["source"] == "variant" and r["split"] is None and r["source_file"] in documents:
            uf.union(documents[r["source_file"]], i)
    by_split = defaultdict(list)
    for i, r in enumerate(rows):
        if r["split"] is not None:
            by_split[r["split"]].append(i)
    for group in by_split.values():
        for i in group[1:]:
            uf.union(group[0], i)


def _link_overrides(rows: list[dict], overrides: list[Override], uf: _UnionFind) -> set[int]:
    """An operator's merge: every name it names joins the target's department. Returns the rows
    merged so (their matched_by is `override`). A line naming nothing loaded changes nothing."""
    merged = set()
    for o in overrides:
        if o.action != MERGE:
            continue
        targets = [i for i, r in enumerate(rows) if o.matches(r, target=True)]
        if not targets:
            continue
        for i, r in enumerate(rows):
            if o.matches(r):
                uf.union(targets[0], i)
                merged.add(i)
    return merged


def _canonical(group: list[dict]) -> dict:
    """The name a department goes by: its latest document's own name (then the most printed, the
    shortest: 兰山区医疗保障局 before 兰山区医疗保障局机关)."""
    counts = Counter(r["name_printed"] for r in group)
    documents = [r for r in group if r["source"] == "document"] or group
    return max(
        documents,
        key=lambda r: (
            r["fiscal_year"] or 0,
            counts[r["name_printed"]],
            -len(r["name_printed"]),
            [-ord(c) for c in r["name_printed"]],
        ),
    )


def _matched_by(r: dict, canon: dict, merged: bool) -> str:
    if merged or r["split"] is not None:
        return "override"
    if r["source"] == "variant":
        return "document_variant"
    if (
        department_names.normalized(r["name_printed"]) == department_names.normalized(canon["name_printed"])
        and r["place_key"] == canon["place_key"]
    ):
        return "exact"
    if r["name_key"] == canon["name_key"]:
        return "normalized_name"
    if r["unit_code"] and r["unit_code"] == canon["unit_code"]:
        return "unit_code"
    return "same_document"


def _department(department_id: str, canon: dict, group: list[dict]) -> dict:
    place = canon["place"]
    if not place.division_code:  # the canonical name's document names no place: the most named one
        counted = Counter(r["place"] for r in group if r["place"].division_code)
        place = max(counted, key=lambda p: (counted[p], p.division_code)) if counted else place
    years = [r["fiscal_year"] for r in group if r["fiscal_year"] is not None]
    codes = sorted({r["unit_code"] for r in group if r["unit_code"]})
    return {
        "department_id": department_id,
        "department": canon["name_printed"],
        "region": canon["region"],
        "unit_code": canon["unit_code"] or (codes[0] if codes else None),
        "province": place.province,
        "city": place.city,
        "county": place.county,
        "division_code": place.division_code,
        "place_note": place.note,
        "first_year": min(years) if years else None,
        "last_year": max(years) if years else None,
        "n_names": len({r["name_printed"] for r in group}),
        "n_documents": len({r["source_file"] for r in group}),
    }


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
