"""A department's name as a key: the printed name reduced to what identifies it within its place.

Two names are the same department's only when their keys are equal *and* they are in the same
place (transform/department_identity.py): the key alone never merges anything."""

from __future__ import annotations

import re
import unicodedata

# Suffixes that name the same body's own accounts, not another body (README "Department identity"):
# 兰山区医疗保障局机关 is 兰山区医疗保障局's office, X本级 / X（本级） its own level without its units.
SUFFIXES = ("(本级)", "本级", "机关")
# The Party's bodies are printed with and without 中共 / 中国共产党 (中共上海市普陀区委社会工作部).
PARTY_PREFIXES = ("中国共产党", "中共")
_SPACE = re.compile(r"\s+")


def normalized(name: str) -> str:
    """NFKC (full-width brackets and letters become half-width), no whitespace."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", name))


def key(name: str, place_names: tuple[str, ...] = ()) -> str:
    """The name without whitespace, width, the 中共 prefix, the place it starts with (the
    document's region and the resolved province / city / county, longest first) and the suffixes
    above: 上海市普陀区财政局 in 上海市普陀区 and 普陀区财政局 in 普陀区 are both 财政局 (their place
    decides whether they are one). A name that would become empty keeps its normalized form."""
    text = normalized(name)
    for prefix in PARTY_PREFIXES:
        text = text.removeprefix(prefix)
    places = sorted({normalized(p) for p in place_names if p}, key=len, reverse=True)
    text = _strip(text, places, str.startswith, lambda t, p: t[len(p) :])
    text = _strip(text, [normalized(s) for s in SUFFIXES], str.endswith, lambda t, s: t[: -len(s)])
    return text or normalized(name)


def _strip(text: str, affixes: list[str], has, cut) -> str:
    """Cut the affixes off as long as one is there (上海市 then 普陀区), never to nothing."""
    changed = True
    while changed:
        changed = False
        for affix in affixes:
            if has(text, affix) and len(text) > len(affix):
                text, changed = cut(text, affix), True
    return text
