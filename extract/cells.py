"""Cleaning of one printed cell: markup and odd spaces out, the printed text otherwise kept."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_SPACES = re.compile(r"[ \u00a0\u3000\u2002-\u200b]+")
# The whole part of a printed figure: digits grouped by three with commas, or plain.
INTEGER_PART = r"(?:\d{1,3}(?:,\d{3})+|\d+)"
# A printed amount: 1,234.56 / 1234.56 / 56 (match after NFKC and without spaces).
AMOUNT = re.compile(rf"^[-+]?{INTEGER_PART}(?:\.\d+)?$")
# An amount that cannot be a code or a year: it has decimals or thousands separators.
DECIMAL_AMOUNT = re.compile(rf"^[-+]?{INTEGER_PART}\.\d+$|^[-+]?\d{{1,3}}(?:,\d{{3}})+$")
# Enumeration printed before names and titles: 一、 / 一. (printed so, or 、 as OCR reads it at small
# print) / 1、 / 1. / (1) / （一）. The numerals and the marks after them, said once for the
# patterns that read a numbering (extract/txt_tabs.py, transform/summary_groups.py).
CN_NUMERALS = "一二三四五六七八九十"
ENUMERATION_MARK = "[、.．]"
LEADING_NUMBER = re.compile(rf"^(?:[{CN_NUMERALS}]+{ENUMERATION_MARK}|\d+{ENUMERATION_MARK}\s*|[(（][{CN_NUMERALS}\d]+[)）]\s*)")


@lru_cache(maxsize=65536)
def clean_cell(text: str) -> str:
    """Strip HTML remnants (<b>, <p>), unify spaces (NBSP, ideographic) and trim. Cached: a
    document's lines are read by several context rules, and its cells repeat."""
    text = _TAG.sub(" ", text)
    text = _SPACES.sub(" ", text)
    return text.strip()


_WHITESPACE = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def normalize_label(text: str) -> str:
    """A label for matching: NFKC (full-width -> ASCII) and no whitespace at all.

    Printed labels are often spaced out ("合 计", "收 入") or broken mid-word. Cached: the
    same few thousand labels and figures are compared again and again within a document.
    """
    return _WHITESPACE.sub("", unicodedata.normalize("NFKC", text))
