"""The sample disclosures as templates: what of each is rewritten, and what it yields.

A template is read through the product's own extractor and normalizer once, which says which
printed figures are amounts (the facts' cells) and what a copy scaled by k must yield: the
same number of facts and k times their sum, in the text style and in each PDF style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from common.paths import SAMPLES
from extract.cells import DECIMAL_AMOUNT
from extract.documents import read_document
from transform.normalize import normalize_document

FIXTURES = SAMPLES.parents[1] / "tests" / "fixtures" / "pdf"
# The PDF styles the fixtures renderer draws, by template (003's space-aligned text has none).
PDF_STYLES = {"000": "000_ruled_yuan", "001": "001_unruled_wanyuan", "002": "002_multipage_ruled", "004": "004_split_codes_ruled"}
# Unplaced numbers that are amounts (scaled with the facts), and the amount columns of the other
# fact tables (projects, 三公, procurement lines); contents, targets and asset counts hold page
# numbers, counts and targets.
_AMOUNT_REASONS = ("columns_unknown", "no_subject", "malformed_code")
_ITEM_AMOUNTS = {
    "fact_project_amount": "amount_printed",
    "fact_three_public": "amount_printed",
    "fact_line_item": "value_printed",
}
_PLACE = re.compile(r"^(.{2,3}?[县区市])")


@dataclass(frozen=True)
class Yield:
    facts: int
    total_yuan: Decimal


@dataclass(frozen=True)
class Template:
    prefix: str
    path: Path
    department: str
    place: str  # the county or district the department's name starts with ('柞水县')
    fiscal_year: int
    amounts_by_line: dict[int, frozenset[str]]
    yields: dict[str, Yield]  # by style: 'text' and the template's PDF style, if any

    @property
    def styles(self) -> list[str]:
        return list(self.yields)


def template_prefixes() -> list[str]:
    return sorted(p.name.split("_", 1)[0] for p in SAMPLES.glob("*.txt"))


@cache
def template(prefix: str) -> Template:
    path = next(SAMPLES.glob(f"{prefix}_*.txt"))
    doc = read_document(path)
    normalized = normalize_document(doc, path.name)
    lines = path.read_text(encoding="utf-8").split("\n")
    amounts: dict[int, set[str]] = {}
    others = normalized.unplaced.filter(normalized.unplaced["reason"].is_in(_AMOUNT_REASONS))
    items = [
        (line, text)
        for table, column in _ITEM_AMOUNTS.items()
        for line, text, yuan in normalized.items[table].select("line", column, "amount_yuan").iter_rows()
        if yuan is not None
    ]
    cells = [
        *normalized.facts.select("line", "amount_printed").iter_rows(),
        *items,  # amounts, integers too
        *(
            (line, text)
            for line, text in others.select("line", "cell_text").iter_rows()
            if line is not None and DECIMAL_AMOUNT.match(text)
        ),
    ]
    for line, printed in cells:
        amounts.setdefault(_printed_on(lines, line, printed), set()).add(printed)
    yields = {"text": _yield(normalized.facts)}
    if prefix in PDF_STYLES:
        pdf = FIXTURES / f"{PDF_STYLES[prefix]}.pdf"
        yields[PDF_STYLES[prefix]] = _yield(normalize_document(read_document(pdf), pdf.name).facts)
    place = _PLACE.match(doc.department)
    return Template(
        prefix,
        path,
        doc.department,
        place.group(1) if place else doc.department,
        doc.fiscal_year,
        {line: frozenset(v) for line, v in amounts.items()},
        yields,
    )


def _printed_on(lines: list[str], line: int, printed: str) -> int:
    """The line a cell's figure is printed on: a row's cells may continue below its first line
    (a wrapped label in space-aligned text)."""
    return next((n for n in range(line, min(line + 6, len(lines) + 1)) if printed in lines[n - 1]), line)


def _yield(facts) -> Yield:
    return Yield(facts.height, sum(facts["amount_yuan"].to_list(), Decimal(0)))
