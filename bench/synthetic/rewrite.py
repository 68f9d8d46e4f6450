"""A sample disclosure's text rewritten as another department's, another year's, with its figures
scaled: pure functions, text in, text out.

Every amount the pipeline turns into a fact is multiplied by one integer factor, so every sum
the document prints (rows rolling up by code, 合计 = 基本 + 项目, one statement against another)
holds exactly as it does in the template, and the expected facts are the template's times the
factor. Cells the pipeline does not model are scaled when printed with decimals or thousands
separators (amounts of 三公 and project tables); bare integers there (unit codes, staff, counts,
performance values) are left alone, as are amounts in the narrative.
"""

from __future__ import annotations

import re
from decimal import Decimal

_YEAR = re.compile(r"(?<!\d)(20[0-3]\d)(?=\s*年)|(?<=预算年度：)(20[0-3]\d)")
_NUMBER = re.compile(r"(?P<pad> *)(?<![\d.,])(?P<num>-?\d[\d,]*(?:\.\d+)?)(?!\d)")


def shift_years(text: str, shift: int) -> str:
    """Every 'YYYY年' ('YYYY 年', '预算年度：YYYY') moved by `shift` years: the budget year,
    last year's comparison columns and the signature date move together."""
    return _YEAR.sub(lambda m: str(int(m.group(0)) + shift), text) if shift else text


def scale_amount(printed: str, factor: int) -> str:
    """'1,234.56' x 3 -> '3,703.68': same decimals, thousands separators where it had them."""
    plain = printed.replace(",", "")
    decimals = len(plain.split(".", 1)[1]) if "." in plain else 0
    value = Decimal(plain) * factor
    return f"{value:,.{decimals}f}" if "," in printed else f"{value:.{decimals}f}"


def scale_line(line: str, amounts: set[str], factor: int) -> str:
    """The line with each printed amount in `amounts` scaled. A figure that grows takes the
    width from the spaces before it, so space-aligned columns keep their right edges."""

    def one(m: re.Match) -> str:
        pad, num = m.group("pad"), m.group("num")
        if num not in amounts:
            return m.group(0)
        scaled = scale_amount(num, factor)
        grown = len(scaled) - len(num)
        if 0 < grown and len(pad) > grown + 1:
            pad = pad[:-grown]
        return pad + scaled

    return _NUMBER.sub(one, line)


def rename(text: str, old_place: str, new_place: str) -> str:
    """The county/district the department belongs to, everywhere it is printed."""
    return text.replace(old_place, new_place)


def rewrite(text: str, amounts_by_line: dict[int, set[str]], factor: int, year_shift: int, old_place: str, new_place: str) -> str:
    """The template's text as the synthetic document; `amounts_by_line` maps 1-based line
    numbers to the printed amounts on them that are scaled."""
    lines = text.split("\n")
    for number, amounts in amounts_by_line.items():
        lines[number - 1] = scale_line(lines[number - 1], amounts, factor)
    return rename(shift_years("\n".join(lines), year_shift), old_place, new_place)
