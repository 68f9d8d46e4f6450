"""Where a department is: province, city, county/district and the administrative division code
(GB/T 2260, 6 digits), read from the place a document prints (its region, else the department's
name) with the division table of the `cpca` package (MIT; its `resources/adcodes.csv`, 3,511
divisions of the Ministry of Civil Affairs' 2020 list, shipped inside the wheel: nothing is
downloaded). No database here: text in, a place out."""

from __future__ import annotations

import csv
import io
import warnings
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

# cpca's result columns (its own names, cpca/__init__.py)
_PROVINCE, _CITY, _COUNTY, _ADCODE = "省", "市", "区", "adcode"
# What cpca prints as the "city" of a 直辖市's districts (上海市 / 市辖区 / 普陀区): no city.
MUNICIPAL_DISTRICTS = "市辖区"
DIVISION_DIGITS = 6  # GB/T 2260: 2 province, 2 city, 2 county; cpca pads its codes to 12


@dataclass(frozen=True)
class Place:
    province: str | None
    city: str | None
    county: str | None
    division_code: str | None
    note: str | None = None  # why the place stops short (a county name several provinces have)


NOWHERE = Place(None, None, None, None)


@cache
def _county_names() -> Counter:
    """How many divisions carry each county-level name (普陀区: 上海 and 舟山)."""
    with resources.files("cpca.resources").joinpath("adcodes.csv").open("rb") as raw:
        rows = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8"))
        return Counter(r["name"] for r in rows if not r["adcode"][:DIVISION_DIGITS].endswith("00"))


@cache
def _cpca():
    with warnings.catch_warnings():  # cpca imports pkg_resources, which warns of its own deprecation
        warnings.simplefilter("ignore")
        import cpca
    return cpca


@cache
def resolve(text: str | None) -> Place:
    """The place a text names at its start (上海市普陀区, 柞水县, 上海市财政局), or NOWHERE. A county
    name that several divisions share (普陀区) is resolved only when the text also names its
    province or city; otherwise the county is dropped and the note says so."""
    if not text:
        return NOWHERE
    row = _record(text)
    province, city, county = (_value(row[c]) for c in (_PROVINCE, _CITY, _COUNTY))
    code = _value(row[_ADCODE])
    if province is None or code is None:
        return NOWHERE
    code = code[:DIVISION_DIGITS]
    if city == MUNICIPAL_DISTRICTS:
        city = None
    if county and _county_names()[county] > 1 and not _names_above(text, county, province, city):
        return Place(
            None,
            None,
            None,
            None,
            note=f"{county}: {_county_names()[county]} divisions bear this name and the text names neither province nor city",
        )
    return Place(province, city, county, code)


def _record(text: str) -> dict:
    """cpca's reading of one text: {省, 市, 区, 地址, adcode}. cpca.transform makes a one-row pandas
    DataFrame of it, and pandas, imported for that alone, kept ~80 MiB in the flow's process from the
    department refresh on (issue 24, target 2); its per-text function gives the same record without
    pandas. A cpca without it (the pin is 0.5.5) falls back to transform."""
    cpca = _cpca()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        one = getattr(cpca, "_get_one_addr", None)
        return one(text, False, {}) if one is not None else cpca.transform([text]).iloc[0].to_dict()


def _names_above(text: str, county: str, province: str, city: str | None) -> bool:
    """Does the text print the province or the city before the county (上海市普陀区, 舟山市普陀区)?"""
    before = text[: text.find(county)] if county in text else text
    short = [province.removesuffix("省").removesuffix("市"), (city or "").removesuffix("市")]
    return any(s and s in before for s in short)


def _value(cell) -> str | None:
    if cell is None or cell != cell:  # NaN
        return None
    text = str(cell).strip()
    return text or None
