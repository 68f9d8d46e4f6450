def _reasons(normalized, sample):
    t = normalized(sample).tables
    return {r["title"]: r["empty_reason"] for r in t.iter_rows(named=True) if r["status"] == "empty"}


def test_reason_from_the_note_under_the_table(normalized):
    assert _reasons(normalized, "固安")["部门政府采购预算"] == "无政府采购预算，空表列示。"
    assert _reasons(normalized, "兰山")["政府性基金预算支出情况表"] == "2024 年没有使用政府性基金预算拨款安排的支出。"


def test_reason_from_the_list_of_tables(normalized):
    """柞水: 表9 is listed as 是 (empty) with its reason in the 公开空表理由 column."""
    assert _reasons(normalized, "柞水") == {"部门综合预算政府性基金收支表": "本部门无政府性基金收支预算"}


def test_empty_without_a_printed_reason(normalized):
    reasons = _reasons(normalized, "江油")
    assert reasons == {"政府性基金预算“三公”经费支出预算表": None}


def test_the_list_of_tables_and_what_is_printed(items):
    """柞水 lists 15 tables but prints neither 表2/表3 nor 表11 (空表) nor 表12 (三公)."""
    listed = items("柞水", "listed_table")
    assert listed.height == 15
    missing = listed.filter(~listed["printed"])
    assert missing.select("table_number", "listed_empty", "listed_reason").rows() == [
        ("表2", False, None),
        ("表3", False, None),
        ("表11", True, "当年无政府采购项目预算"),
        ("表12", False, None),
    ]
    assert listed.filter(listed["table_number"] == "表10")["table_index"].item() == 9
