import shutil

from common.paths import SAMPLES
from load.warehouse import Warehouse
from tests.conftest import TAB_SAMPLES, ingest

CONTENT = """
SELECT md5(string_agg(x, '|' ORDER BY x)) FROM (
  SELECT concat_ws(',', source_file, table_index, row_index, col_index, line, measure, fund_source,
                   function_code, economic_code, gov_economic_code, amount_yuan) AS x FROM fact_budget_amount
  UNION ALL
  SELECT concat_ws(',', source_file, table_index, row_index, col_index, reason) FROM unplaced_cell
  UNION ALL
  SELECT concat_ws(',', code, name, level, parent_code) FROM dim_function)
"""


def content_hash(path):
    with Warehouse(path, read_only=True) as wh:
        return wh.query(CONTENT)[1][0][0]


def test_same_files_twice_leave_the_warehouse_identical(tmp_path):
    wh = tmp_path / "w.duckdb"
    first = ingest([SAMPLES / n for n in TAB_SAMPLES], wh)
    before = content_hash(wh)
    second = ingest([SAMPLES / n for n in TAB_SAMPLES], wh)
    assert len(first.new) == 4 and first.facts > 800
    assert sorted(second.unchanged) == sorted(TAB_SAMPLES) and second.facts == 0
    assert content_hash(wh) == before


def test_ingestion_order_does_not_change_the_content(tmp_path):
    ingest([SAMPLES / n for n in TAB_SAMPLES], tmp_path / "a.duckdb")
    for name in reversed(TAB_SAMPLES):
        ingest([SAMPLES / name], tmp_path / "b.duckdb")
    assert content_hash(tmp_path / "a.duckdb") == content_hash(tmp_path / "b.duckdb")


def test_changed_copy_replaces_its_rows_and_nothing_else(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in TAB_SAMPLES:
        shutil.copy(SAMPLES / name, inbox / name)
    wh = tmp_path / "w.duckdb"
    ingest([inbox], wh)
    with Warehouse(wh, read_only=True) as w:
        others = w.query("SELECT count(*) FROM fact_budget_amount WHERE source_file <> ?", [TAB_SAMPLES[3]])[1][0][0]
        n = w.query("SELECT count(*) FROM fact_budget_amount WHERE source_file = ?", [TAB_SAMPLES[3]])[1][0][0]
    changed = inbox / TAB_SAMPLES[3]
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("住房公积金\t39.24\t39.24", "住房公积金\t39.25\t39.25"), encoding="utf-8"
    )
    summary = ingest([inbox], wh)
    assert summary.changed == [TAB_SAMPLES[3]] and len(summary.unchanged) == 3
    with Warehouse(wh, read_only=True) as w:
        assert w.query("SELECT count(*) FROM fact_budget_amount WHERE source_file <> ?", [TAB_SAMPLES[3]])[1][0][0] == others
        assert w.query("SELECT count(*) FROM fact_budget_amount WHERE source_file = ?", [TAB_SAMPLES[3]])[1][0][0] == n
        amounts = w.query(
            "SELECT DISTINCT amount_yuan FROM v_budget_lines WHERE source_file = ? AND function_code = '2210201'",
            [TAB_SAMPLES[3]],
        )[1]
        assert [str(a[0]) for a in amounts] == ["392500.00"]


def test_a_file_that_cannot_be_read_is_recorded_and_the_rest_loads(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SAMPLES / TAB_SAMPLES[0], inbox / TAB_SAMPLES[0])
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "prose.txt").write_text("一般公共预算支出表\n本部门 2020 年一般公共预算支出 26.52 万元。\n", encoding="utf-8")
    summary = ingest([inbox], tmp_path / "w.duckdb")
    assert summary.new == [TAB_SAMPLES[0]]
    assert {f.source_file: f.message for f in summary.failed} == {
        "empty.txt": "the file is empty",
        "prose.txt": "no tables found: no tab-separated rows and no titled (表N / …表) space-aligned tables",
    }
    with Warehouse(tmp_path / "w.duckdb", read_only=True) as w:
        assert w.query("SELECT source_file, stage FROM ingest_error ORDER BY 1")[1] == [
            ("empty.txt", "extract"),
            ("prose.txt", "extract"),
        ]
