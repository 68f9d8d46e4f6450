from extract.space_tokens import is_amount, is_code, is_placeholder_row, tokens


def test_spaced_out_label_is_one_token():
    assert tokens("合                   计 364.89 297.39 11.5 56") == ["合计", "364.89", "297.39", "11.5", "56"]


def test_qualifier_pushed_away_joins_its_label():
    assert tokens("项    目 预算数 部门预算支出经济分类科目 （按大类） 预算数") == [
        "项目",
        "预算数",
        "部门预算支出经济分类科目（按大类）",
        "预算数",
    ]


def test_numbered_labels_of_side_by_side_groups_stay_apart():
    assert tokens("  12、城乡社区支出        (6)资本性支出   12、债务还本支出") == [
        "12、城乡社区支出",
        "(6)资本性支出",
        "12、债务还本支出",
    ]
    assert tokens("三 、机关资本性支出（一）") == ["三、机关资本性支出（一）"]


def test_non_breaking_and_ideographic_spaces_separate_cells():
    assert tokens("208\u00a0社会保障和就业支出\u300026.52") == ["208", "社会保障和就业支出", "26.52"]


def test_full_width_digits_are_amounts_and_codes():
    assert is_amount("２６.５２") and is_code("２０８") and not is_amount("≥95%")
    assert is_code("2101501") and is_code("353001") and not is_code("2020") and not is_code("1234") and not is_code("21")


def test_placeholder_row():
    assert is_placeholder_row("** ** ** **") and not is_placeholder_row("** 合计")
