"""A ruled table's last row printed alone on the next page goes back under the table's columns."""

from extract.model import RawRow, RawTable
from extract.pdf_columns import realign_continued_rows

# 万里街道 2024 收入预算总表: 类 | 款 | 项 | 科目名称 | 合计 | 财政拨款收入 | 事业收入 | 经营收入 | 其他收入
EDGES = [(28, 60), (60, 92), (92, 124), (124, 364), (364, 456), (456, 538), (538, 620), (620, 702), (702, 783)]


def _boxes(edges, top):
    return tuple((x0, top, x1, top + 24) for x0, x1 in edges)


def test_total_row_alone_on_its_page_takes_the_columns_of_the_pages_before():
    item = RawRow(
        ("201", "", "", "一般公共服务支出", "2,932,700", "2,932,700", "0", "0", "0"), 5, page=11, boxes=_boxes(EDGES, 218)
    )
    # page 15: '合计' merged over the four label columns, then the five amounts
    alone = RawRow(("合计", "156,211,123", "156,211,123", "0", "0", "0"), 1, page=15, boxes=_boxes([(28, 364)] + EDGES[4:], 70))
    table = RawTable(0, "2024年部门收入预算总表", None, "单位：元", None, 2024, [], [item, alone], 1, 2)
    realigned = realign_continued_rows(table).rows[1]
    assert realigned.cells == ("合计", "", "", "", "156,211,123", "156,211,123", "0", "0", "0")
    assert realigned.boxes[4] == (364, 70, 456, 94) and realigned.boxes[1] is None
    assert realigned.page == 15 and realigned.line == 1


def test_short_rows_on_a_page_with_the_full_grid_are_left_as_read():
    item = RawRow(("201", "", "", "一般公共服务支出", "1", "1", "0", "0", "0"), 5, page=11, boxes=_boxes(EDGES, 218))
    short = RawRow(("合计", "1", "1", "0", "0", "0"), 6, page=11, boxes=_boxes([(28, 364)] + EDGES[4:], 242))
    table = RawTable(0, "收入预算总表", None, "单位：元", None, 2024, [], [item, short], 1, 2)
    assert realign_continued_rows(table).rows[1] == short
