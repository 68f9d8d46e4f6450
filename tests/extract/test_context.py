import pytest

from extract import context
from extract.document_meta import document_department, document_year
from extract.documents import parse_text
from extract.errors import ExtractError


def test_unit_lines():
    assert context.unit_of("单位：万元") == "万元"
    assert context.unit_of("金额单位：元") == "元"
    assert context.unit_of("单位: 万元") == "万元"
    assert context.unit_of("部门：江油市医疗保障局") is None


def test_department_lines_but_not_unit_lines():
    assert context.department_of("部门（单位）：兰山区医疗保障局机关") == "兰山区医疗保障局机关"
    assert context.department_of("部门（单位）名称：柞水县医疗保险经办机构") == "柞水县医疗保险经办机构"
    assert context.department_of("单位：万元") is None


def test_document_meta_from_cover_title():
    lines = ["", "柞水县医疗保险经办机构 2024年单位预算公开说明", "", "目 录"]
    assert document_year(lines) == 2024
    assert document_department(lines) == "柞水县医疗保险经办机构"


def test_document_meta_from_page_header():
    lines = ["# 2024 年部门预算信息公开目录", "362 固安县医疗保障局", "", "预算年度：2024"]
    assert document_department(lines) == "固安县医疗保障局"
    assert document_year(lines) == 2024


def test_text_without_tabs_is_refused_with_a_reason():
    with pytest.raises(ExtractError, match="space-aligned"):
        parse_text("一般公共预算支出表\n208   社会保障和就业支出   26.52\n", "x.txt")
