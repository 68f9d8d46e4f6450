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
