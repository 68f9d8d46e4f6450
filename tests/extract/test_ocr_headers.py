"""A table's header printed again on a later page and read by OCR with a character wrong is still
the header, not a row of the table (the 002 fixture's scan, page 16)."""

from __future__ import annotations

from extract.model import RawRow, RawTable
from extract.ocr_headers import without_misread_headers

HEADER = [
    RawRow(("支出部门经济分类科目", "", "一般公共预算基本支出", "", ""), line=3, page=15),
    RawRow(("科目编码", "科目名称", "合计", "人员经费", "公用经费"), line=4, page=15),
]
SCORES = (0.99,) * 5


def _table(*rows: RawRow) -> RawTable:
    title = "部门预算一般公共预算财政拨款基本支出表"
    return RawTable(7, title, None, "单位：万元", None, 2024, HEADER, list(rows), 3, 40, page=15)


def _ocr(cells: tuple[str, ...], line: int, page: int = 16) -> RawRow:
    return RawRow(cells, line=line, page=page, confidences=SCORES)


def test_the_header_printed_again_and_misread_on_the_next_page_is_skipped():
    electricity = _ocr(("30206", "电费", "1.62", "", "1.62"), 20, page=15)
    repeat = _ocr(("支出部门经济分类料目", "", "一般公共预算基本支出", "", ""), 1)
    heating = _ocr(("30208", "取暖费", "2.40", "", "2.40"), 3)
    table = without_misread_headers(_table(electricity, repeat, heating))
    assert [r.cells[1] for r in table.rows] == ["电费", "取暖费"]
    assert table.skipped_lines == [1]
    # the second header row with a short cell misread (经赞 for 经费) goes too: the row is alike as a whole
    assert without_misread_headers(_table(_ocr(("科目编码", "科目名称", "合计", "人员经赞", "公用经费"), 2))).rows == []


def test_rows_that_only_look_like_the_header_stay():
    other_label = _ocr(("支出部门预算经济科目", "", "政府性基金预算支出", "", ""), 1)
    same_page = _ocr(("支出部门经济分类料目", "", "一般公共预算基本支出", "", ""), 9, page=15)
    with_a_figure = _ocr(("科目编码", "科目名称", "2.40", "人员经费", "公用经费"), 2)
    text_layer = RawRow(("支出部门经济分类料目", "", "一般公共预算基本支出", "", ""), line=1, page=16)
    rows = [other_label, same_page, with_a_figure, text_layer]
    assert without_misread_headers(_table(*rows)).rows == rows
