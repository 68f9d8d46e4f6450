from extract.pdf_lattice import find_grids, grid_rows
from extract.pdf_page import page_lines
from tests.extract.pdf_pages import centred, hline, page, right, text, vline

# A ruled table: 收 入 merged over two columns, 项目 merged over two rows.
#   x: 50 | 150 | 250 | 350      y: 100 | 120 | 140 | 160
RULES = [
    hline(50, 350, 100),
    hline(150, 350, 120),
    hline(50, 350, 140),
    hline(50, 350, 160),
    vline(50, 100, 160),
    vline(150, 100, 160),
    vline(250, 120, 160),
    vline(350, 100, 160),
]
GLYPHS = (
    centred("项目", 50, 150, 115)
    + centred("收 入", 150, 350, 105)
    + centred("预算数", 150, 250, 125)
    + centred("决算数", 250, 350, 125)
    + text("合计", 54, 145)
    + right("1,234.50", 250, 145)
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


def test_a_border_drawn_as_a_thin_filled_bar_is_one_rule():
    from extract.pdf_geometry import Rule
    from extract.pdf_reader import _rules_of

    bar = [(50, 99), (350, 99), (350, 101.5), (50, 101.5), (50, 99)]
    assert _rules_of(bar) == [Rule(50, 100.25, 350, 100.25)]
    box = [(50, 100), (350, 100), (350, 160), (50, 160), (50, 100)]
    assert len(_rules_of(box)) == 4


def test_shaded_rows_without_column_borders_are_no_grid():
    shading = [hline(50, 350, y) for y in (120, 140, 160)] + [vline(50, 120, 160), vline(350, 120, 160)]
    lines = page_lines(page(GLYPHS, shading))
    assert all(ln.method != "lattice" for ln in lines)
