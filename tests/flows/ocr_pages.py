"""A small 一般公共预算基本支出情况表 page as OCR gives it (glyphs with scores), split codes 类 | 款,
for the second reading's tests: what the first reading missed or misread is a parameter."""

from __future__ import annotations

from dataclasses import replace

from extract.pdf_geometry import PageLayout
from tests.extract.pdf_pages import centred, right, text

# columns: 类 [50,80] 款 [80,110] 名称 [110,260] 合计 [260,340] 人员经费 [340,420] 公用经费 [420,500]
BODY = [
    ("301", "", "工资福利支出", "300.00", "300.00", ""),
    ("301", "01", "基本工资", "200.00", "200.00", ""),
    ("301", "02", "津贴补贴", "100.00", "100.00", ""),
    ("302", "", "商品和服务支出", "50.00", "", "50.00"),
    ("302", "01", "办公费", "50.00", "", "50.00"),
]


def basic_expenditure_page(
    kuan: bool = True, total: str = "350.00", operating: str = "公用经费", office: str = "50.00"
) -> PageLayout:
    """The page; ``kuan``: whether the 款 header was read; ``total``: the 合计 row's first figure as
    read; ``operating``: the 公用经费 header as read; ``office``: 办公费's figures (合计 and 公用经费)
    as printed (not 50.00: 302's roll-up fails as printed, in both columns)."""
    glyphs = text("一般公共预算基本支出情况表", 150, 40) + text("单位：元", 440, 70)
    glyphs += centred("科目编码", 50, 110, 100) + centred("科目名称", 110, 260, 100) + centred("合计", 260, 340, 100)
    glyphs += centred("人员经费", 340, 420, 100) + centred(operating, 420, 500, 100)
    glyphs += centred("类", 50, 80, 115) + (centred("款", 80, 110, 115) if kuan else [])
    top = 130
    for cls, item, name, amount, personnel, running in BODY[:-1] + [("302", "01", "办公费", office, "", office)]:
        glyphs += text(cls, 54, top) + (text(item, 84, top) if item else []) + text(name, 114, top)
        glyphs += right(amount, 340, top) + (right(personnel, 420, top) if personnel else [])
        glyphs += right(running, 500, top) if running else []
        top += 15
    glyphs += text("合计", 54, top) + right(total, 340, top) + right("300.00", 420, top) + right("50.00", 500, top)
    return PageLayout(1, 600, 800, [replace(g, confidence=0.99) for g in glyphs], read_by="ocr")
