"""The column header of a space-aligned table, rebuilt from its printed fragments.

pdftotext breaks a header cell over lines ("政府性基金" / "拨款") and prints a merged
upper cell before the cells under it ("一般公共预算拨款 ... 其他收入 小计 其中：…").
Fragments on consecutive lines are joined when the joined text is a complete header label
of the budget templates; an upper cell that spans a 小计/其中 pair becomes the parent of
that pair. The result is a grid of header rows, one column per leaf, as the tab extractor
produces, so column meaning is decided by the same code downstream.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.cells import normalize_label
from extract.space_tokens import tokens

# Complete header labels of the 部门预算 templates (matched on the NFKC text, no spaces),
# one alternation: a fragment join is tested against all of them in one match.
_COMPLETE = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            r"(单位|预算单位|功能科目|功能分类科目|(部门|政府)?经济(分类)?科目|科目|项目|单位\(项目\))(编码|代码|名称)",
            r"项目|预算数|金额|合计|小计|总计|备注|说明|部门预算|本年预算",
            r"(一般)?公共预算(拨款)?(收入)?|财政拨款(收入)?",
            r"政府性基金(预算)?(拨款)?(收入)?|国有资本经营预算(拨款)?(收入)?",
            r"上级补助收入|事业收入|事业单位经营收入|对?附属单位上缴收入|其他收入",
            r"用事业基金弥补收支差额|上年结转(结余)?|上年实户资金余额|财政专户管理资金",
            r"其中[:：].{2,30}(项目|收费|资金)",
            r"(人员经费|公用经费|专项业务经费|基本|项目)(支出)?",
            r"项目(金额|简介|名称|类别)|资金性质",
        )
    )
)
# No complete label is longer (其中： + 30 + 2 characters). A join with more ideographs than this
# is no label: ideographs pass NFKC and the whitespace strip one for one, so its key is longer.
LONGEST_LABEL = 35
_IDEOGRAPH = re.compile(r"[\u3400-\u9fff]")
_SUBCOLUMN = re.compile(r"^(小计|其中[:：].*)$")
_SPAN_ALL = {"部门预算", "本年预算"}


@dataclass(frozen=True)
class _Fragment:
    text: str
    starts_line: bool
    ends_line: bool


def header_grid(lines: list[str]) -> list[tuple[str, ...]]:
    """Header lines as printed -> header rows with one cell per leaf column (spans repeated)."""
    income_expense = [ln for ln in lines if _key(ln) == "收入支出"]
    labels = _labels([ln for ln in lines if _key(ln) != "收入支出"])
    paths = _paths(labels)
    if income_expense and len(paths) >= 4:
        paths = [("收入", *p) if i < 2 else ("支出", *p) for i, p in enumerate(paths)]
    depth = max((len(p) for p in paths), default=0)
    return [tuple(p[r] if r < len(p) else "" for p in paths) for r in range(depth)]


def _labels(lines: list[str]) -> list[str]:
    """Fragments joined into complete labels: fewest unknown labels, then fewest labels."""
    frags: list[_Fragment] = []
    for line in lines:
        toks = tokens(line)
        for i, tok in enumerate(toks):
            frags.append(_Fragment(tok, i == 0, i == len(toks) - 1))
    n = len(frags)
    ideographs = [len(_IDEOGRAPH.findall(f.text)) for f in frags]
    texts = [f.text for f in frags]
    # joins[i]: fragment i may run on into i + 1 (a label continues only on the next line)
    joins = [frags[i].ends_line and frags[i + 1].starts_line for i in range(n - 1)]
    best: list[tuple[int, int, int] | None] = [None] * (n + 1)  # (unknown, labels, start of last)
    best[0] = (0, 0, 0)
    for j in range(1, n + 1):
        # fragment j - 1 alone: always a candidate label, complete or not
        before = best[j - 1]
        if before is not None:
            best[j] = (before[0] + (0 if _complete(texts[j - 1]) else 1), before[1] + 1, j - 1)
        text, width = texts[j - 1], ideographs[j - 1]
        for i in range(j - 2, -1, -1):  # longer joins: only complete labels
            if not joins[i]:
                break
            text, width = texts[i] + text, width + ideographs[i]
            if width > LONGEST_LABEL:
                break  # no label, nor is any longer join
            before = best[i]
            if before is None or not _complete(text):
                continue
            here = best[j]
            if here is None or (before[0], before[1] + 1) < (here[0], here[1]):
                best[j] = (before[0], before[1] + 1, i)
    out: list[str] = []
    j = n
    while j > 0:
        i = best[j][2]
        out.append("".join(f.text for f in frags[i:j]))
        j = i
    return out[::-1]


def _paths(labels: list[str]) -> list[tuple[str, ...]]:
    """Leaf columns with their parents: 部门预算 spans every amount column after it; a trailing
    小计/其中 pair belongs under the first 拨款 column after 合计 (the split fund source)."""
    prefix: tuple[str, ...] = ()
    top: list[str] = []
    subs: list[str] = []
    for label in labels:
        key = _key(label)
        if key in _SPAN_ALL and not top[-1:] == ["合计"] and not subs:
            prefix = (label,)
            continue
        (subs if _SUBCOLUMN.match(key) else top).append(label)
    parent = _split_parent(top) if subs else None
    paths: list[tuple[str, ...]] = []
    seen_prefix = False
    for label in top:
        here = prefix if (prefix and seen_prefix) else ()
        if _key(label) == "合计" and prefix:
            seen_prefix, here = True, prefix
        if label == parent:
            paths.extend((*here, label, sub) for sub in subs)
        else:
            paths.append((*here, label))
    if subs and parent is None:
        paths.extend((*prefix, sub) for sub in subs)
    return paths


def _split_parent(top: list[str]) -> str | None:
    after_total = top[[_key(t) for t in top].index("合计") + 1 :] if "合计" in [_key(t) for t in top] else top
    return next((t for t in after_total if "拨款" in t), None)


@lru_cache(maxsize=16384)
def _complete(text: str) -> bool:
    return _COMPLETE.fullmatch(_key(text)) is not None


_key = normalize_label
