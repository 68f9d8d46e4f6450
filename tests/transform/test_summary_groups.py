"""Side-by-side 收支总表 lines whose missing groups left no trace (sample 003, 表1)."""

from common.paths import SAMPLES
from extract.documents import read_document
from transform.headers import classify_columns, column_paths
from transform.summary_groups import align_summary


def test_groups_of_sample_003_table1_follow_label_numbering_and_names():
    table = read_document(SAMPLES / "003_d15ab5ced7e0f0d4.txt").tables[0]
    columns = classify_columns(
        column_paths([r.cells for r in table.header_rows], table.n_cols), [], total_measure="total", fund_default="all"
    )
    out = align_summary(table.rows, columns)
    by_line = {r.line: r.cells for r in out.rows}
    assert by_line[341] == ("", "", "12、城乡社区支出", "", "(6)资本性支出", "", "12、债务还本支出", "")
    assert by_line[333] == (
        "其中：纳入财政专户管理的收费",
        "",
        "8、社会保障和就业支出",
        "26.52",
        "(2)商品和服务支出",
        "56.00",
        "8、对企业资本性支出",
        "",
    )
    assert by_line[351] == ("", "", "17、金融支出", "", "3、上缴上级支出", "", "", "")
    assert by_line[383] == ("上年结转", "", "", "", "", "", "", "")
    assert out.ambiguous == []
    assert out.methods[0] == "all_groups_printed"
