from common.paths import SAMPLES
from extract.documents import parse_text, read_document
from extract.txt_space import extract_space_tables

SAMPLE_003 = SAMPLES / "003_d15ab5ced7e0f0d4.txt"

TABLE = """说明文字 2020 年本部门一般公共预算支出 364.89 万元，其中：

表8

2020年部门综合预算一般公共预算基本支出明细表 （按支出经济分类科目-不含上年结转）

单位：万元

部门经济科目
编码

部门经济科目名称 政府经济科目编码 政府经济科目名称 合计 人员经费支出 公用经费支出 备注

** ** ** ** ** ** ** **

合                   计 308.89 297.39 11.5

301 工资福利支出 297.39 297.39

30108   机关事业单位基本养老
保险费

50102 社会保障缴费 9.45 9.45

30205   水费 50201 办公经费
30206   电费 50201 办公经费
"""


def test_table_found_by_its_number_title_and_unit():
    (table,) = extract_space_tables(TABLE.splitlines())
    assert (table.number, table.unit_text, table.fiscal_year) == ("表8", "单位：万元", 2020)
    assert table.title == "2020年部门综合预算一般公共预算基本支出明细表(按支出经济分类科目-不含上年结转)"
    assert not table.aligned and table.n_cols == 8
    assert table.skipped_lines == [14]


def test_name_broken_over_lines_is_joined_to_its_row_with_the_codes_after_it():
    (table,) = extract_space_tables(TABLE.splitlines())
    cells = [r.cells for r in table.rows]
    assert cells[0] == ("合计", "308.89", "297.39", "11.5")
    assert cells[2] == ("30108", "机关事业单位基本养老保险费", "50102", "社会保障缴费", "9.45", "9.45")
    assert table.rows[2].line == 20
    assert cells[3:] == [("30205", "水费", "50201", "办公经费"), ("30206", "电费", "50201", "办公经费")]


def test_sample_003_is_read_as_space_aligned_with_its_department_and_year():
    doc = read_document(SAMPLE_003)
    assert (doc.format, doc.department, doc.fiscal_year) == ("txt-space", "镇安县医疗保障局", 2020)
    assert [t.number for t in doc.tables] == [f"表{i}" for i in range(1, 17)]


def test_a_title_in_the_narrative_is_not_a_table():
    doc = read_document(SAMPLE_003)
    assert all("公开报表" not in (t.title or "") for t in doc.tables)


def test_a_tab_separated_region_inside_a_space_aligned_text_is_read_by_columns():
    text = "表1\n一般公共预算支出表\n单位：元\n科目编码\t科目名称\t合计\n208\t社会保障和就业支出\t26.52\n\n表2\n基本支出表\n单位：元\n科目编码 科目名称 合计\n208 社会保障和就业支出 5.52\n"
    doc = parse_text(text, "mixed.txt")
    assert [(t.number, t.aligned) for t in doc.tables] == [("表1", True), ("表2", False)]
    assert doc.tables[0].rows[0].cells == ("208", "社会保障和就业支出", "26.52")
