"""Printed amounts -> exact Decimal 元. Never floats; a blank cell is no amount, not zero."""

from __future__ import annotations

import re
from decimal import Decimal

from extract.cells import AMOUNT, INTEGER_PART, normalize_label

_BLANKS = {"", "-", "--", "—", "——", "/", "－"}
UNIT_FACTORS = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(100000000)}
CENT = Decimal("0.01")


def is_blank(text: str) -> bool:
    return normalize_label(text) in _BLANKS


def parse_amount(text: str) -> Decimal | None:
    """'11,290.59' -> Decimal('11290.59'); None when the cell holds no number."""
    s = normalize_label(text)
    if not AMOUNT.match(s):
        return None
    return Decimal(s.replace(",", ""))


# A figure read with a comma before its last two digits ('665,59': on the 001 scan, page 12, a speck
# of noise under the point made it a comma). A grouping comma is followed by three digits, so the
# only figure this can be is the one with a point there. OCR only, and only a sum proves it
# (flows/second_reading.py): a text layer's characters are what was printed.
_DECIMAL_COMMA = re.compile(rf"^(-?{INTEGER_PART}),(\d{{2}})$")


def decimal_comma_figure(text: str) -> str | None:
    """'665,59' -> '665.59', '1,234,56' -> '1,234.56'; None for anything else."""
    m = _DECIMAL_COMMA.match(normalize_label(text))
    return f"{m.group(1)}.{m.group(2)}" if m else None


def to_yuan(amount: Decimal, unit: str) -> Decimal | None:
    """Amount in 元 at cent precision, or None when the conversion would lose digits."""
    value = amount * UNIT_FACTORS[unit]
    cents = value.quantize(CENT)
    return cents if cents == value else None


def rounding_yuan(printed: str, unit: str) -> Decimal:
    """Half a unit of the last printed digit, in 元: how far the printed figure may be from the
    exact one ('609.69' 万元 -> 50 元; '2498500' 元 -> 0.5 元)."""
    s = normalize_label(printed).replace(",", "")
    decimals = len(s.split(".", 1)[1]) if "." in s else 0
    return Decimal(1).scaleb(-decimals) * UNIT_FACTORS[unit] / 2
