from extract.pdf_lattice import find_grids, grid_rows
from extract.pdf_page import page_lines
from tests.extract.pdf_pages import centred, hline, page, right, text, vline

# A ruled table: 收 入 merged over two columns, 项目 merged over two rows.
#   x: 50 | 150 | 250 | 350      y: 100 | 120 | 140 | 160
RULES = [
    hline(50, 350, 100), hline(150, 350, 120), hline(50, 350, 140), hline(50, 350, 160),
    vline(50, 100, 160), vline(150, 100, 160), vline(250, 120, 160), vline(350, 100, 160),
]
GLYPHS = (
    centred("项目", 50, 150, 115) + centred("收 入", 150, 350, 105)
    + centred("预算数", 150, 250, 125) + centred("决算数", 250, 350, 125)
    + text("合计", 54, 145) + right("1,234.50", 250, 145)
)


def test_grid_edges_come_from_the_rules():
    [grid] = find_grids(RULES)
    assert grid.xs == [50, 150, 250, 350] and grid.ys == [100, 120, 140, 160]


def test_merged_cells_print_at_their_top_left_and_blank_rows_drop():
    [grid] = find_grids(RULES)
    rows = [tuple(c.text for c in cells) for cells, _ in grid_rows(grid, GLYPHS)]
    assert rows == [("项目", "收 入", ""), ("", "预算数", "决算数"), ("合计", "1,234.50", "")]


def test_merged_cell_box_covers_its_span():
    [grid] = find_grids(RULES)
    cells, _ = grid_rows(grid, GLYPHS)[0]
    assert cells[0].box == (50, 100, 150, 140) and cells[1].box == (150, 100, 350, 120)


def test_page_lines_put_title_above_the_table_rows():
    lines = page_lines(page(text("收入预算表", 150, 60) + text("单位：万元", 50, 80) + GLYPHS, RULES))
    assert [ln.text for ln in lines[:2]] == ["收入预算表", "单位：万元"]
    assert [ln.method for ln in lines[2:]] == ["lattice"] * 3
    assert lines[-1].cells == ("合计", "1,234.50", "")


def test_lone_strokes_are_no_table():
    assert find_grids([hline(50, 350, 100), hline(50, 350, 300)]) == []
