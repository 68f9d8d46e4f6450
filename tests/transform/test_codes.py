from transform import codes


def test_split_columns_carry_class_and_item_down():
    a = codes.SplitCodeAssembler()
    assert a.code(["208", "", ""]) == "208"
    assert a.code(["", "05", ""]) == "20805"
    assert a.code(["", "", "05"]) == "2080505"
    assert a.code(["", "99", ""]) == "20899"
    assert a.code(["", "", "99"]) == "2089999"
    assert a.code(["210", "15", "50"]) == "2101550"
    assert a.code(["合 计", "", ""]) is None


def test_levels_parents_and_schemes():
    assert codes.level_of("2101501") == "项" and codes.parent_of("2101501") == "21015"
    assert codes.parent_of("21015") == "210" and codes.parent_of("210") is None
    assert codes.scheme_of("30101") == "department" and codes.scheme_of("50501") == "government"
    assert codes.scheme_of("2080505") == "function"


def test_class_names_with_numbering_and_old_names():
    assert codes.class_code_for_name("function", "十、卫生健康支出") == "210"
    assert codes.class_code_for_name("function", "医疗卫生与计划生育支出") == "210"
    assert codes.class_code_for_name("function", "二十、住房保障支出") == "221"
    assert codes.class_code_for_name("function", "七.社会保障和就业支出") == "208"  # 、 read as . (the 001 scan)
    assert codes.class_code_for_name("department", "(3)对个人和家庭补助") == "303"
    assert codes.class_code_for_name("government", "5、对事业单位经常性补助") == "505"
    assert codes.class_code_for_name("function", "三十一、人行科目") is None


def test_split_part_printed_as_one_digit_lost_its_leading_zero():
    # 万里街道 2024 page 29: '301 | 2 | 津贴补贴', '301 | 7 | 绩效工资' under 301 工资福利支出
    a = codes.SplitCodeAssembler()
    assert a.code(["301", "2", ""]) == "30102"
    assert a.code(["301", "7", ""]) == "30107"
    assert a.code(["208", "5", "5"]) == "2080505"
    assert a.code(["7", "11", "02"]) is None  # a 类 of one digit stays no code (福利院 2024 page 9)
