"""Unruled tables whose header cells are left-aligned, right-aligned or centred over their
columns (tests/fixtures/pdf/stream_headers.py renders them with reportlab) read the same:
every column's header path, and the body's figures under the right one."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest

from extract.documents import read_document
from extract.pdf_geometry import text_lines
from extract.pdf_stream import find_stream_tables
from tests.extract.pdf_pages import right, text
from transform.normalize import normalize_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"
PATHS = ["科目编码", "科目名称", "合计", "基本支出/小计", "基本支出/人员经费", "基本支出/公用经费", "项目支出"]


@pytest.fixture(scope="module", params=["left", "right", "centre"])
def normalized(request):
    path = FIXTURES / f"stream_headers_{request.param}.pdf"
    return normalize_document(read_document(path), path.name)


def test_every_column_has_its_whole_header_path(normalized):
    [headers] = normalized.tables["column_headers"].to_list()
    assert headers.split(" | ") == PATHS


def test_the_figures_land_under_their_headers(normalized):
    facts = normalized.facts
    row = facts.filter(pl.col("function_code") == "2101501").sort("col_index")
    assert row.select("column_header", "measure", "amount_yuan").rows() == [
        ("合计", "total", Decimal("1900000.00")),
        ("基本支出/小计", "basic", Decimal("1900000.00")),
        ("基本支出/人员经费", "personnel", Decimal("1577778.45")),
        ("基本支出/公用经费", "operating", Decimal("322221.55")),
    ]
    project = facts.filter(pl.col("function_code") == "2101502").sort("col_index")
    assert project.select("column_header", "measure", "amount_yuan").rows() == [
        ("合计", "total", Decimal("700000.00")),
        ("项目支出", "project", Decimal("700000.00")),
    ]
    total = facts.filter(pl.col("row_label") == "合计").sort("col_index")
    assert total["amount_yuan"].to_list() == [
        Decimal(v) for v in ("2865432.10", "2165432.10", "1843210.55", "322221.55", "700000.00")
    ]
    assert facts.height == 30 and normalized.unplaced.height == 0


# The same by hand: columns cells 名称 [50,150] 合计 [150,250] 小计 [250,330] 人员 [330,410] 项目 [410,520];
# short figures right-aligned in wide cells, so a left-aligned header sits beside no figure.
BODY = (
    text("合计", 54, 130)
    + right("9.00", 250, 130)
    + right("8.00", 330, 130)
    + right("8.00", 410, 130)
    + right("1.00", 520, 130)
    + text("行政运行", 54, 145)
    + right("18.00", 250, 145)
    + right("16.00", 330, 145)
    + right("16.00", 410, 145)
    + right("2.00", 520, 145)
)


def _header(align: str):
    def at(s: str, x0: float, x1: float, top: float):
        width = 10.0 * len(s)
        return text(s, {"left": x0 + 2, "right": x1 - 2 - width, "centre": (x0 + x1 - width) / 2}[align], top)

    return (
        at("名称", 50, 150, 100)
        + at("合计", 150, 250, 100)
        + at("基本支出", 250, 410, 100)
        + at("项目支出", 410, 520, 100)
        + at("小计", 250, 330, 115)
        + at("人员", 330, 410, 115)
    )


@pytest.mark.parametrize("align", ["left", "right", "centre"])
def test_a_spanning_header_heads_the_sub_columns_under_it_whatever_its_alignment(align):
    [table] = find_stream_tables(text_lines(_header(align) + BODY))
    rows = [cells for cells, _, _ in table.rows]
    assert rows[0] == ("名称", "合计", "基本支出", "", "项目支出")
    assert rows[1] == ("", "", "小计", "人员", "")
    assert rows[3] == ("行政运行", "18.00", "16.00", "16.00", "2.00")


def _two_sided(size: float = 5.0):
    """The 收支 header of 001 page 6 as its scan read it: 收入 over 项目 | 预算数, 支出 over 项目 |
    预算数 (总计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算), 支出 centred over its five columns
    and so standing over the fifth; and one coincidence: 预算数 starts where 政府性基金预算 does."""

    def at(s, x, top):
        return text(s, x, top, size)

    header = at("收入", 95, 85) + at("支出", 322, 85)
    header += at("项目", 65, 100) + at("预算数", 137.5, 100) + at("项目", 210, 100) + at("预算数", 384, 100)
    header += at("总计", 290, 115) + at("一般公共预算", 331, 115)
    header += at("政府性基金预算", 384, 115) + at("国有资本经营预算", 439, 115)
    body = []
    rows = ((130, "一、一般公共预算收入合计", "一、一般公共服务支出合计合计合计"), (145, "上年结转", "结转下年"))
    for top, income, spending in rows:
        body += at(income, 40, top) + at("11,290.59", 137.5, top) + at(spending, 170, top)
        body += at("11,316.59", 287.5, top) + at("11,316.59", 337.5, top) + at("9.00", 410, top) + at("9.00", 470, top)
    return header + body


def test_an_ocr_d_header_is_not_aligned_by_a_coincidence_of_its_edges():
    """On a text layer 预算数 and 政府性基金预算 sharing a left edge to 0.2 pt says the header is
    left-aligned; an OCR'd page's edges are known to a pixel or two, where that is chance."""
    [exact] = find_stream_tables(text_lines(_two_sided()))
    [ocr] = find_stream_tables(text_lines(_two_sided()), exact_edges=False)
    assert exact.rows[0][0] == ("收入", "", "", "", "支出", "", "")  # read 'left': 收入 over four columns
    assert ocr.rows[0][0] == ("收入", "", "支出", "", "", "", "")  # centred: 收入 over two, 支出 over five
