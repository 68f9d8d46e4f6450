"""The rest of the disclosure: tables that are not income/expenditure by subject (projects,
三公经费, performance targets, procurement and asset lines) and facts stated in the narrative.

Each layout is one small parser that fills the sink's items; the numbers it did not use are
unplaced cells with the table's kind as reason, so nothing is lost silently."""

from __future__ import annotations

from collections.abc import Callable

from transform.amounts import parse_amount
from transform.disclosure.line_items import place_line_items
from transform.disclosure.projects import place_projects
from transform.disclosure.targets import place_targets
from transform.disclosure.three_public import place_three_public
from transform.sink import TableSink, first_text

PARSERS: dict[str, Callable[[TableSink], None]] = {
    "projects": place_projects,
    "three_public": place_three_public,
    "targets": place_targets,
    "line_items": place_line_items,
}


def place_items(sink: TableSink) -> None:
    PARSERS[sink.statement.layout](sink)
    rejected = {(u["row_index"], u["col_index"]) for u in sink.unplaced}
    table = sink.table
    for i, row in enumerate(table.header_rows + table.rows):
        for c, text in enumerate(row.cells):
            if (i, c) in sink.consumed or (i, c) in rejected or parse_amount(text) is None:
                continue
            sink.reject(
                i, row, c if table.aligned else None, "", first_text(row.cells), f"not_modelled:{sink.statement.kind}", text
            )
