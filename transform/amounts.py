"""Printed amounts -> exact Decimal 元. Never floats; a blank cell is no amount, not zero."""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from extract.cells import AMOUNT

_BLANKS = {"", "-", "--", "—", "——", "/", "－"}
UNIT_FACTORS = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(100000000)}
CENT = Decimal("0.01")


def is_blank(text: str) -> bool:
    return _squash(text) in _BLANKS


def parse_amount(text: str) -> Decimal | None:
    """'11,290.59' -> Decimal('11290.59'); None when the cell holds no number."""
    s = _squash(text)
    if not AMOUNT.match(s):
        return None
    return Decimal(s.replace(",", ""))


def to_yuan(amount: Decimal, unit: str) -> Decimal | None:
    """Amount in 元 at cent precision, or None when the conversion would lose digits."""
    value = amount * UNIT_FACTORS[unit]
    cents = value.quantize(CENT)
    return cents if cents == value else None


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
