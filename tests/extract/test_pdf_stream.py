from extract.pdf_geometry import text_lines
from extract.pdf_page import page_lines
from extract.pdf_stream import find_stream_tables
from tests.extract.pdf_pages import centred, page, right, text

# An unruled table; column cells: 项目 [50,150] 小计 [150,230] 一般 [230,310] 基金 [310,390]
HEADER = (
    centred("项目", 50, 150, 100)
    + centred("财政拨款", 150, 390, 100)
    + centred("小计", 150, 230, 115)
    + centred("一般公共", 230, 310, 115)
    + centred("政府基金", 310, 390, 115)
)
BODY = (
    text("合计", 54, 130)
    + right("300.00", 230, 130)
    + right("300.00", 310, 130)
    + text("一、工资", 54, 145)
    + right("200.00", 230, 145)
    + right("200.00", 310, 145)
    + text("二、基金支出", 54, 160)
)


def _rows(glyphs):
    [table] = find_stream_tables(text_lines(glyphs))
    return [cells for cells, _, _ in table.rows]


def test_columns_come_from_the_body_and_a_header_over_an_empty_column():
    rows = _rows(HEADER + BODY)
    assert rows[2] == ("合计", "300.00", "300.00", "")
    assert rows[1] == ("", "小计", "一般公共", "政府基金")


def test_a_centred_spanning_header_goes_to_the_first_column_it_spans():
    assert _rows(HEADER + BODY)[0] == ("项目", "财政拨款", "", "")


def test_a_label_only_row_stays_in_the_table():
    assert _rows(HEADER + BODY)[-1] == ("二、基金支出", "", "", "")


def test_spaces_inside_a_cell_are_kept_and_wide_gaps_split_cells():
    [line] = text_lines(text("收 入", 50, 100) + text("支 出", 200, 100))
    assert [s.text for s in line.segments] == ["收 入", "支 出"]


def test_narrative_and_titles_are_plain_lines():
    glyphs = text("一般公共预算支出表", 150, 60) + text("说明：本表反映全部支出情况。", 50, 80) + HEADER + BODY
    lines = page_lines(page(glyphs))
    assert [ln.text for ln in lines if ln.cells is None] == ["一般公共预算支出表", "说明：本表反映全部支出情况。"]
    assert {ln.method for ln in lines if ln.cells is not None} == {"stream"}


def test_a_continued_page_reuses_the_columns_of_the_first():
    layouts = {}
    page_lines(page(HEADER + BODY), layouts)
    short = HEADER + text("总计", 54, 130) + right("9.00", 310, 130)
    lines = page_lines(page(short), layouts)
    assert lines[-1].cells == ("总计", "", "9.00", "")
