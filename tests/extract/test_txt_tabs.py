from extract.txt_tabs import extract_tab_tables

PAGED = "\n".join(
    [
        "## 部门预算支出总表",
        "362 固安县医疗保障局",
        "预算年度：2024",
        "单位：万元",
        "序号\t功能分类科目\t\t合计\t基本支出\t项目支出",
        "\t科目编码\t科目名称\t\t\t",
        "栏次\t1\t2\t3\t4\t5",
        "1\t\t<b>合计</b>\t<b>10.00</b>\t6.00\t4.00",
        "2\t208\t社会保障和就业支出\t6.00\t6.00\t",
        "",
        "362 固安县医疗保障局",
        "",
        "预算年度：2024",
        "单位：万元",
        "序号\t功能分类科目\t\t合计\t基本支出\t项目支出",
        "\t科目编码\t科目名称\t\t\t",
        "栏次\t1\t2\t3\t4\t5",
        "3\t210\t卫生健康支出\t4.00\t\t4.00",
        "注：本表为示例。",
    ]
)


def test_continued_page_is_one_table_with_seq_and_column_numbers_dropped():
    [table] = extract_tab_tables(PAGED)
    assert table.title == "部门预算支出总表"
    assert table.unit_text == "单位：万元"
    assert table.department == "固安县医疗保障局"
    assert table.fiscal_year == 2024
    assert [r.cells for r in table.header_rows] == [
        ("功能分类科目", "", "合计", "基本支出", "项目支出"),
        ("科目编码", "科目名称", "", "", ""),
    ]
    assert [r.cells[:3] for r in table.rows] == [
        ("", "合计", "10.00"),
        ("208", "社会保障和就业支出", "6.00"),
        ("210", "卫生健康支出", "4.00"),
    ]
    assert [r.seq for r in table.rows] == ["1", "2", "3"]
    assert [r.line for r in table.rows] == [8, 9, 18]
    assert table.notes == ["注：本表为示例。"]
    assert 7 in table.skipped_lines and 15 in table.skipped_lines


def test_title_number_unit_and_department_lines_above_a_table():
    text = "表5\n\n一般公共预算支出表\n\n部门：江油市医疗保障局\n\n金额单位：万元\n\n功能科目编码\t功能科目名称\t合计\n\t合计\t3.31\n205\t教育支出\t3.31\n"
    [table] = extract_tab_tables(text)
    assert (table.number, table.title, table.unit_text, table.department) == (
        "表5",
        "一般公共预算支出表",
        "金额单位：万元",
        "江油市医疗保障局",
    )
    assert len(table.header_rows) == 1 and table.rows[1].cells == ("205", "教育支出", "3.31")


def test_narrative_sentence_ending_in_biao_is_not_a_title():
    text = "本部门无当年政府性基金预算收支，并已公开空表\n\n会议费培训费明细\n\n单位：万元\n\n序号\t名称\t金额\n1\t医保政策培训\t0.2\n"
    [table] = extract_tab_tables(text)
    assert table.title == "会议费培训费明细"


def test_header_row_starting_with_heji_is_header_not_data():
    text = "“三公”经费支出表\n单位：万元\n合计\t因公出国（境）费\t公务接待费\n0.00\t0.00\t0.00\n"
    [table] = extract_tab_tables(text)
    assert [r.cells for r in table.header_rows] == [("合计", "因公出国（境）费", "公务接待费")]
    assert table.rows[0].cells == ("0.00", "0.00", "0.00")


def test_title_and_caption_printed_inside_the_grid_start_a_new_table():
    # 上海市普陀区社会福利院 2024, pages 9-10: the next table's title and 编制单位 caption are cells of the ruled area
    text = "\n".join(
        [
            "2024年预算单位支出预算总表",
            "单位：元",
            "类\t款\t项\t功能分类科目名称\t合计\t基本支出\t项目支出",
            "221\t02\t01\t住房公积金\t335,816\t335,816\t",
            "合计\t\t\t\t12,121,164\t9,501,164\t2,620,000",
            "2024年预算单位财政拨款收支预算总表\t\t\t\t\t\t",
            "编制单位：上海市普陀区社会福利院\t\t\t\t\t\t单位：元",
            "项目\t预算数\t项目\t合计\t一般公共预算\t政府性基金预算\t国有资本经营预算",
            "收入总计\t9,501,164\t支出总计\t9,501,164\t9,501,164\t\t",
        ]
    )
    first, second = extract_tab_tables(text)
    assert first.title == "2024年预算单位支出预算总表" and first.rows[-1].cells[0] == "合计"
    assert second.title == "2024年预算单位财政拨款收支预算总表" and second.department == "上海市普陀区社会福利院"
    assert second.unit_text.endswith("单位：元") and second.rows[0].cells[:2] == ("收入总计", "9,501,164")
