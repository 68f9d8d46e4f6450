"""One line of space-aligned text -> its cells as printed, in order.

pdftotext-style exports separate cells by runs of spaces, but also space out single
characters ("合     计", "项    目") and push a parenthesised qualifier away from its label
("部门预算支出经济分类科目 （按大类）"). Empty cells leave no trace, so these tokens are
not yet positioned under columns; placing them is the transform's job.
"""

from __future__ import annotations

import re
import unicodedata

from extract.cells import AMOUNT, DECIMAL_AMOUNT

_CJK_CHAR = re.compile(r"^[\u3400-\u9fff]$")
_UNIT_OR_SUBJECT_CODE = re.compile(r"^(?:\d{3}|\d{5}|\d{6}|\d{7}|\d{9})$")
_ATTACHES_LEFT = re.compile(r"^(?:[、）)]|（[^）]*）$|\([^)]*\)$)")
_SPACES = re.compile(r"[\s\u00a0\u3000]+")


def tokens(line: str) -> list[str]:
    """Cells of a space-aligned line: runs of single CJK characters are one word, and a
    token that cannot stand alone (a closing bracket, '、', a whole '（按大类）') joins the
    text before it."""
    out: list[str] = []
    single_run = False
    for raw in _SPACES.split(line.strip()):
        if not raw:
            continue
        is_single = len(raw) == 1 and bool(_CJK_CHAR.match(raw))  # one character: the length said first, cheaper
        if out and is_single and single_run:
            out[-1] += raw
        elif out and _ATTACHES_LEFT.match(_nfkc(raw)) and not is_amount(out[-1]):
            out[-1] += raw
            is_single = False
        else:
            out.append(raw)
        single_run = is_single
    return out


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def is_amount(token: str) -> bool:
    """Full-width digits count: '１２.５' is an amount as printed."""
    return bool(AMOUNT.match(_nfkc(token)))


def is_decimal_amount(token: str) -> bool:
    """An amount that cannot be a code or a year: it has decimals or thousands separators."""
    return bool(DECIMAL_AMOUNT.match(_nfkc(token)))


def is_code(token: str) -> bool:
    """A subject code (3/5/7 digits) or a unit code (6 or 9 digits)."""
    return bool(_UNIT_OR_SUBJECT_CODE.match(_nfkc(token)))


def is_placeholder_row(line: str) -> bool:
    """The '** ** ** **' row exporters print under a header: one mark per column."""
    if "**" not in line:
        return False  # most lines: no split needed to say so
    toks = line.split()
    return bool(toks) and all(t == "**" for t in toks)
