"""One raw document -> polars frames: tables, facts, unplaced cells, PDF pages, and the other
fact tables (projects, 三公, targets, lines, narrative facts, the list of tables)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import NamedTuple

import polars as pl

from extract.context import unit_of
from extract.model import RawDocument, RawTable
from transform import statements
from transform.amounts import UNIT_FACTORS
from transform.detail_tables import place_detail
from transform.disclosure import PARSERS, place_items
from transform.disclosure import frames as item_frames
from transform.disclosure.empty_tables import empty_reasons, listed_tables
from transform.disclosure.execution import execution_facts, joined_narrative
from transform.disclosure.member_units import member_unit_facts
from transform.disclosure.narrative import narrative_facts
from transform.disclosure.restated import restated_facts
from transform.headers import classify_columns, column_paths
from transform.phases import document_phase, phase_of
from transform.sink import TableSink, first_text
from transform.summary_groups import align_summary
from transform.summary_tables import place_summary
from transform.token_rows import align_detail

AMOUNT = pl.Decimal(18, 2)
# Where a printed cell is (facts and unplaced cells alike), and how it was read (text layer or
# OCR, and the OCR score of its least sure character).
CELL_PLACE = {
    "source_file": pl.String,
    "table_index": pl.Int32,
    "row_index": pl.Int32,
    "col_index": pl.Int32,
    "line": pl.Int32,
    "page": pl.Int32,
    "cell_box": pl.String,
}
READ = {
    "read_by": pl.String,
    "ocr_confidence": pl.Float64,
    "ocr_reread": pl.Boolean,  # OCR'd: its text is the second reading's (flows/second_reading.py)
}
FACT_SCHEMA = {
    **CELL_PLACE,
    "department": pl.String,
    "fiscal_year": pl.Int32,
    "function_code": pl.String,
    "function_name": pl.String,
    "economic_scheme": pl.String,
    "economic_code": pl.String,
    "economic_name": pl.String,
    "gov_economic_code": pl.String,
    "gov_economic_name": pl.String,
    "measure": pl.String,
    "fund_source": pl.String,
    "amount_yuan": AMOUNT,
    "amount_printed": pl.String,
    "unit_printed": pl.String,
    "row_label": pl.String,
    "column_header": pl.String,
    "placement": pl.String,
    "line_role": pl.String,
    "phase": pl.String,
    **READ,
}
# The other fact tables whose amounts have a phase (from their column header, as facts do).
PHASED_ITEMS = ("fact_project_amount", "fact_three_public", "fact_line_item")
UNPLACED_SCHEMA = {
    **CELL_PLACE,
    "cell_text": pl.String,
    "row_label": pl.String,
    "column_header": pl.String,
    "reason": pl.String,
    **READ,
}
TABLE_SCHEMA = {
    "source_file": pl.String,
    "table_index": pl.Int32,
    "table_number": pl.String,
    "title": pl.String,
    "statement": pl.String,
    "statement_zh": pl.String,
    "status": pl.String,
    "unit_printed": pl.String,
    "department": pl.String,
    "fiscal_year": pl.Int32,
    "first_line": pl.Int32,
    "last_line": pl.Int32,
    "page": pl.Int32,
    "n_header_rows": pl.Int32,
    "n_body_rows": pl.Int32,
    "column_headers": pl.String,
    "notes": pl.String,
    "n_facts": pl.Int32,
    "n_unplaced": pl.Int32,
    "cell_layout": pl.String,
    "n_ambiguous": pl.Int32,
    "placement_notes": pl.String,
    "n_items": pl.Int32,
    "empty_reason": pl.String,
}


PAGE_SCHEMA = {
    "source_file": pl.String,
    "page": pl.Int32,
    "status": pl.String,
    "n_glyphs": pl.Int32,
    "n_lines": pl.Int32,
    "n_lattice_rows": pl.Int32,
    "n_stream_rows": pl.Int32,
    "n_images": pl.Int32,
    "quarter_turns": pl.Int32,
    "skew_deg": pl.Float64,
}


# Rounds of re-placing the space-aligned detail tables with what the others say: each round may
# settle a figure another looks up; the loop stops at the first round that changes nothing, and at
# this many even if tables kept changing each other (a cycle would otherwise never end).
SIBLING_PASSES = 3


class TableResult(NamedTuple):
    """A table's source_table row and the sink holding its facts, unplaced cells and items."""

    row: dict
    sink: TableSink


@dataclass
class NormalizedDocument:
    document: RawDocument | None  # None once the frames went through staging
    tables: pl.DataFrame
    facts: pl.DataFrame
    unplaced: pl.DataFrame
    pages: pl.DataFrame
    # The other fact tables (transform/disclosure/frames.py), by warehouse table name.
    items: dict[str, pl.DataFrame] = field(default_factory=dict)


def with_phase(frame: pl.DataFrame, default: str) -> pl.DataFrame:
    """The frame with each row's phase from its column header (transform/phases.py)."""
    return frame.with_columns(
        pl.Series("phase", [phase_of(h, default) for h in frame["column_header"].to_list()], dtype=pl.String)
    )


def page_frame(doc: RawDocument, source_file: str) -> pl.DataFrame:
    """One row per PDF page: whether it had a text layer and how its rows were read."""
    rows = [
        {
            "source_file": source_file,
            "page": p.page,
            "status": p.status,
            "n_glyphs": p.n_glyphs,
            "n_lines": p.n_lines,
            "n_lattice_rows": p.n_lattice_rows,
            "n_stream_rows": p.n_stream_rows,
            "n_images": p.n_images,
            "quarter_turns": p.quarter_turns,
            "skew_deg": p.skew_deg,
        }
        for p in doc.pages
    ]
    return pl.DataFrame(rows, schema=PAGE_SCHEMA)


def normalize_document(doc: RawDocument, source_file: str) -> NormalizedDocument:
    """Tables whose cells sit in printed columns first; then the space-aligned detail tables,
    whose numbers are placed with what the others say (re-run until nothing changes; a table
    only when a sibling figure its placement looked up has changed)."""
    results: dict[int, TableResult] = {}
    deferred = []
    for table in doc.tables:
        if not table.aligned and _statement(table).layout == "detail":
            deferred.append(table)
        else:
            results[table.index] = normalize_table(table, source_file)
    seen: dict[int, tuple] = {}
    settled = _agreed(sink for _, sink in results.values())  # the tables placed in printed columns: once
    for _ in range(SIBLING_PASSES):
        changed = False
        for table in deferred:
            others = (results[t.index][1] for t in deferred if t.index != table.index and t.index in results)
            siblings = _siblings(settled, others)
            previous = results.get(table.index)
            if previous is not None and seen[table.index] == _seen(siblings, previous.sink.consulted):
                continue
            result = normalize_table(table, source_file, siblings)
            if previous is None or previous.sink.facts != result.sink.facts or previous.sink.unplaced != result.sink.unplaced:
                changed = True
            results[table.index] = result
            seen[table.index] = _seen(siblings, result.sink.consulted)
        if not changed:
            break
    ordered = [results[t.index] for t in doc.tables]
    contents = {row["table_index"] for row, _ in ordered if row["statement"] == statements.CONTENTS.kind}
    listed = listed_tables(doc, source_file, contents)
    reasons = empty_reasons(doc, listed)
    tables = [row | {"empty_reason": reasons.get(row["table_index"]) if row["status"] == "empty" else None} for row, _ in ordered]
    items = {
        name: item_frames.frame(name, [r for _, sink in ordered for r in sink.items.get(name, [])]) for name in item_frames.TABLES
    }

    items["listed_table"] = item_frames.frame("listed_table", listed)
    default_phase = document_phase(doc.identity.kind if doc.identity else None)
    for name in PHASED_ITEMS:
        items[name] = with_phase(items[name], default_phase)
    facts = [f | {"phase": phase_of(f["column_header"], default_phase)} for _, sink in ordered for f in sink.facts]
    items["narrative_fact"] = item_frames.frame(
        "narrative_fact", narrative_facts(doc, source_file) + _execution(doc, source_file, facts)
    )
    unplaced = [u for _, sink in ordered for u in sink.unplaced]
    return NormalizedDocument(
        document=doc,
        tables=item_frames.rows_frame(tables, TABLE_SCHEMA),
        facts=item_frames.rows_frame(facts, FACT_SCHEMA),
        unplaced=item_frames.rows_frame(unplaced, UNPLACED_SCHEMA),
        pages=page_frame(doc, source_file),
        items=items,
    )


def _execution(doc: RawDocument, source_file: str, facts: list[dict]) -> list[dict]:
    """The budget execution the narrative states (决算), each 项 given the code the tables print it
    with, and the totals and shares it restates from the tables."""
    names: dict[str, set[str]] = {}
    for f in facts:
        if f["function_code"] and f["function_name"]:
            names.setdefault(f["function_code"], set()).add(f["function_name"])
    owner = {"source_file": source_file, "department": doc.department, "fiscal_year": doc.fiscal_year}
    joined = joined_narrative(doc.text_lines)  # both readers read the same joined text: joined once
    read = (
        execution_facts(doc.text_lines, names, joined)
        + restated_facts(doc.text_lines, names, joined)
        + member_unit_facts(doc.text_lines)
    )
    return [owner | fact for fact in read]


def _statement(table: RawTable) -> statements.Statement:
    return statements.classify(table.title, [c for r in table.header_rows + table.rows for c in r.cells])


def _seen(siblings: dict[tuple, Decimal | None], consulted: set[tuple]) -> tuple:
    """What a placement saw of its siblings: whether there were any, and each figure it looked
    up. When that is unchanged, placing the table again would give the same result."""
    return bool(siblings), {k: (k in siblings, siblings.get(k)) for k in consulted}


_UNSEEN = object()  # a key no table has observed yet (None is a printed blank)


def _agreed(sinks) -> tuple[dict[tuple, Decimal | None], set[tuple]]:
    """What the tables say, in 元, with the keys printed with two values set apart (disputed)."""
    merged: dict[tuple, Decimal | None] = {}
    disputed: set[tuple] = set()
    for sink in sinks:
        for key, value in sink.observed:
            previous = merged.get(key, _UNSEEN)  # one look-up, not two: a document observes thousands
            if previous is not _UNSEEN and previous != value:
                disputed.add(key)
            merged[key] = value
    return {k: v for k, v in merged.items() if k not in disputed}, disputed


def _siblings(settled: tuple[dict[tuple, Decimal | None], set[tuple]], others) -> dict[tuple, Decimal | None]:
    """What the other tables of the document say, in 元; keys printed with two values are dropped.
    ``settled``: the tables placed in printed columns, agreed once (_agreed); ``others``: the sinks
    of the other space-aligned tables, whose placements change from pass to pass."""
    agreed, disputed = settled
    out = dict(agreed)
    more: set[tuple] = set()
    for sink in others:
        for key, value in sink.observed:
            if key in disputed or key in more:
                continue
            previous = out.get(key, _UNSEEN)
            if previous is not _UNSEEN and previous != value:
                more.add(key)
                del out[key]
            else:
                out[key] = value
    return out


def normalize_table(table: RawTable, source_file: str, siblings: dict[tuple, Decimal | None] | None = None) -> TableResult:
    statement = _statement(table)
    unit = unit_of(table.unit_text) if table.unit_text else None
    sink = TableSink(source_file, table, statement, unit)
    paths = column_paths([r.cells for r in table.header_rows], table.n_cols)
    set_aside: list[str] = []
    if statement.layout == "none":
        reason = "unclassified_table" if statement is statements.UNCLASSIFIED else f"not_modelled:{statement.kind}"
        sink.reject_numeric_cells(table.header_rows, reason)
        sink.reject_numeric_cells(table.rows, reason, len(table.header_rows), aligned=table.aligned)
        status = "unclassified" if statement is statements.UNCLASSIFIED else "not_modelled"
    elif statement.layout in PARSERS:
        place_items(sink)
        status = "loaded" if sink.items else "unplaced" if sink.unplaced else "empty"
    else:
        body = [r.cells for r in table.rows] if table.aligned else []
        columns = classify_columns(
            paths,
            body,
            total_measure=statement.total_measure,
            fund_default=statement.fund_source,
            header_by_ocr=any(r.confidences is not None for r in table.header_rows),
        )
        sink.reject_numeric_cells(table.header_rows, "number_in_header")
        if not table.aligned:
            set_aside = _align(sink, columns, siblings or {})
        (place_summary if statement.layout == "summary" else place_detail)(sink, columns)
        status = "loaded" if sink.facts else "empty"
    row = {
        "source_file": source_file,
        "table_index": table.index,
        "table_number": table.number,
        "title": table.title,
        "statement": statement.kind,
        "statement_zh": statement.name_zh,
        "status": status,
        "unit_printed": unit,
        "department": table.department,
        "fiscal_year": table.fiscal_year,
        "first_line": table.first_line,
        "last_line": table.last_line,
        "page": table.page,
        "n_header_rows": len(table.header_rows),
        "n_body_rows": len(table.rows),
        "column_headers": " | ".join("/".join(p) for p in paths),
        "notes": "\n".join(table.notes) or None,
        "n_facts": len(sink.facts),
        "n_unplaced": len(sink.unplaced),
        "cell_layout": "printed_columns" if table.aligned else "space_tokens",
        "n_ambiguous": sum(u["reason"] == "ambiguous_column" for u in sink.unplaced),
        "placement_notes": "; ".join(set_aside) or None,
        "n_items": sum(len(rows) for rows in sink.items.values()),
    }
    return TableResult(row, sink)


def _align(sink: TableSink, columns, siblings: dict[tuple, Decimal | None]) -> list[str]:
    """Position a space-aligned table's tokens under its columns (in place on the sink's table);
    numbers whose column stays open become `ambiguous_column` cells."""
    table = sink.table
    if sink.statement.layout == "summary":
        aligned = align_summary(table.rows, columns)
    else:
        factor = UNIT_FACTORS.get(sink.unit or "")
        local = {k: (v / factor if v is not None else None) for k, v in siblings.items()} if factor else {}
        aligned = align_detail(table.rows, columns, local)
    offset = len(table.header_rows)
    sink.table = replace(table, rows=aligned.rows, aligned=True)
    sink.consulted = aligned.consulted
    for pos, method in enumerate(aligned.methods):
        sink.placements[pos + offset] = method
    for amb in aligned.ambiguous:
        row = aligned.rows[amb.row]
        sink.uncertain_rows.add(amb.row + offset)
        sink.reject(amb.row + offset, row, None, " | ".join(amb.candidates), first_text(row.cells), "ambiguous_column", amb.text)
    return aligned.set_aside
