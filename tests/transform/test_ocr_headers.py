"""A detail table's column header read by OCR as words that name nothing is no 合计: its figures
are unplaced with why, not loaded under the statement's total measure (the 001 fixture's scan read
项目支出 as 项支出, and its column's roll-ups, which hold in any column, "proved" them)."""

from __future__ import annotations

from dataclasses import replace

from extract.txt_tabs import extract_tab_tables
from transform.headers import PRINTED_AMOUNT_HEADERS, names_nothing, printed_headers_near
from transform.normalize import normalize_table

PRINTED = """表5
一般公共预算支出表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t{project}
208\t社会保障和就业支出\t25.00\t\t25.00
20899\t其他社会保障和就业支出\t25.00\t\t25.00
"""


def _table(project_header: str, by_ocr: bool):
    [table] = extract_tab_tables(PRINTED.format(project=project_header), department="蓝山县医疗保障局", fiscal_year=2024)
    if not by_ocr:
        return table
    scored = lambda r: replace(r, confidences=(0.99,) * len(r.cells))  # noqa: E731
    return replace(table, header_rows=[scored(r) for r in table.header_rows], rows=[scored(r) for r in table.rows])


def _placed(project_header: str, by_ocr: bool) -> tuple[list, list]:
    sink = normalize_table(_table(project_header, by_ocr), "scan.pdf").sink
    facts = sorted((f["function_code"], f["col_index"], f["measure"], str(f["amount_yuan"])) for f in sink.facts)
    unplaced = sorted((u["row_label"], u["col_index"], u["cell_text"], u["reason"]) for u in sink.unplaced)
    return facts, unplaced


def test_a_header_misread_by_ocr_leaves_its_column_unplaced_with_why():
    facts, unplaced = _placed("项支出", by_ocr=True)
    assert facts == [("208", 2, "total", "250000.00"), ("20899", 2, "total", "250000.00")]
    assert unplaced == [
        ("其他社会保障和就业支出", 4, "25.00", "ocr_header_unread"),
        ("社会保障和就业支出", 4, "25.00", "ocr_header_unread"),
    ]


def test_a_header_read_right_by_ocr_or_printed_in_a_text_layer_loads():
    facts, unplaced = _placed("项目支出", by_ocr=True)
    assert ("20899", 4, "project", "250000.00") in facts and unplaced == []
    facts, unplaced = _placed("项支出", by_ocr=False)  # a text layer prints what it prints: the rules' default
    assert ("20899", 4, "total", "250000.00") in facts and unplaced == []


def test_a_header_read_by_ocr_naming_a_phase_or_the_whole_loads():
    for header in ("调整预算数", "决算数", "合计"):
        facts, unplaced = _placed(header, by_ocr=True)
        assert ("20899", 4, "total", "250000.00") in facts and unplaced == [], header


def test_the_printed_headers_an_ocr_reading_naming_nothing_may_be():
    assert printed_headers_near("项支出") == ["项目支出"]  # the 001 scan: 目 lost
    assert printed_headers_near("基本支") == ["基本支出"]
    assert printed_headers_near("公出") == []  # two edits from 公用支出 and 公用经费: no label proposed
    assert printed_headers_near("项目支出") == [] and printed_headers_near("调整预算数") == []  # they name something


def test_every_printed_amount_header_names_something():
    assert [label for label in PRINTED_AMOUNT_HEADERS if names_nothing((label,))] == []
