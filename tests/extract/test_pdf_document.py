from extract.pdf_document import parse_pdf_pages
from extract.pdf_geometry import PageLayout
from tests.extract.pdf_pages import centred, hline, right, text, vline

RULES = [hline(50, 350, y) for y in (100, 120, 140, 160)] + [vline(x, 100, 160) for x in (50, 150, 350)]


def _page(number: int, rows: list[tuple[str, str]], title: bool) -> PageLayout:
    glyphs = text("部门：某某县医疗保障局", 50, 70) + text("单位：万元", 250, 70)
    if title:
        glyphs += text("一般公共预算支出表", 100, 40)
    glyphs += centred("科目名称", 50, 150, 105) + centred("合计", 150, 350, 105)
    for k, (label, amount) in enumerate(rows):
        glyphs += text(label, 54, 125 + 20 * k) + right(amount, 350, 125 + 20 * k)
    return PageLayout(number, 600, 800, glyphs, RULES)


def test_a_table_continued_on_the_next_page_is_one_table_with_page_provenance():
    pages = [
        _page(1, [("医疗保障", "1.00"), ("行政运行", "2.00")], title=True),
        _page(2, [("其他支出", "3.00"), ("合计", "6.00")], title=False),
    ]
    doc = parse_pdf_pages(pages, "x.pdf")
    [table] = doc.tables
    assert (table.title, table.unit_text, table.department) == ("一般公共预算支出表", "单位：万元", "某某县医疗保障局")
    assert [(r.cells, r.page, r.line) for r in table.rows] == [
        (("医疗保障", "1.00"), 1, 5),
        (("行政运行", "2.00"), 1, 6),
        (("其他支出", "3.00"), 2, 4),
        (("合计", "6.00"), 2, 5),
    ]
    assert table.rows[0].boxes == ((50, 120, 150, 140), (150, 120, 350, 140))


def test_a_scanned_page_between_text_pages_is_reported_not_skipped():
    scan = PageLayout(2, 600, 800, [], [], n_images=1)
    doc = parse_pdf_pages([_page(1, [("合计", "6.00")], title=True), scan], "x.pdf")
    assert [(p.page, p.status) for p in doc.pages] == [(1, "text"), (2, "needs_ocr")]
    assert doc.n_pages == 2 and doc.format == "pdf"
