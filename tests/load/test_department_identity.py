"""department_id in the warehouse: one department across documents and spellings, never across
places; dim_department's places; the override file; v_budget_lines' trailing department_id."""

import shutil

import pytest

from common.paths import SAMPLES
from load.warehouse import Warehouse
from tests.conftest import ingest
from transform import department_identity

LANSHAN = "001_62df1c6f39ffdb6f.txt"
LANSHAN_PRINTED, LANSHAN_VARIANT = "兰山区医疗保障局机关", "兰山区医疗保障局"  # sample 001's cover and captions
COPY = "001_variant_兰山区医疗保障局.txt"


def _query(path, sql, params=None):
    with Warehouse(path, read_only=True) as wh:
        cols, rows = wh.query(sql, params or [])
    return [dict(zip(cols, r)) for r in rows]


@pytest.fixture(scope="module")
def lanshan_twice(tmp_path_factory):
    """Sample 001 and a copy of it printing 兰山区医疗保障局 wherever the original prints 兰山区医疗保障局机关."""
    folder = tmp_path_factory.mktemp("lanshan")
    shutil.copy(SAMPLES / LANSHAN, folder / LANSHAN)
    text = (SAMPLES / LANSHAN).read_text(encoding="utf-8")
    (folder / COPY).write_text(text.replace(LANSHAN_PRINTED, LANSHAN_VARIANT), encoding="utf-8")
    path = folder / "w.duckdb"
    ingest([folder], path)
    return path


def test_lanshans_two_spellings_share_one_department_id(lanshan_twice):
    rows = _query(
        lanshan_twice, "SELECT source_file, name_printed, department_id, matched_by FROM department_alias ORDER BY source_file"
    )
    assert [(r["source_file"], r["name_printed"]) for r in rows] == [(LANSHAN, LANSHAN_PRINTED), (COPY, LANSHAN_VARIANT)]
    assert rows[0]["department_id"] == rows[1]["department_id"]
    assert {r["name_printed"]: r["matched_by"] for r in rows}[LANSHAN_PRINTED] == "normalized_name"
    lines = _query(lanshan_twice, "SELECT DISTINCT department, department_id FROM v_budget_lines ORDER BY 1")
    assert [r["department"] for r in lines] == [LANSHAN_VARIANT, LANSHAN_PRINTED]
    assert len({r["department_id"] for r in lines}) == 1
    (department,) = _query(lanshan_twice, "SELECT * FROM dim_department")
    assert (
        department["province"],
        department["city"],
        department["county"],
        department["division_code"],
        department["n_names"],
        department["n_documents"],
    ) == ("山东省", "临沂市", "兰山区", "371302", 2, 2)


def test_two_counties_medical_security_bureaus_are_two_departments(sample_warehouse):
    rows = _query(
        sample_warehouse,
        "SELECT department, department_id, province, city, county, division_code "
        "FROM dim_department WHERE department IN ('固安县医疗保障局', '镇安县医疗保障局') "
        "ORDER BY department",
    )
    assert [(r["department"], r["province"], r["city"], r["county"], r["division_code"]) for r in rows] == [
        ("固安县医疗保障局", "河北省", "廊坊市", "固安县", "131022"),
        ("镇安县医疗保障局", "陕西省", "商洛市", "镇安县", "611025"),
    ]
    assert rows[0]["department_id"] != rows[1]["department_id"]


def test_zhashui_is_in_shaanxi_shangluo(sample_warehouse):
    (row,) = _query(sample_warehouse, "SELECT * FROM dim_department WHERE department = '柞水县医疗保险经办机构'")
    assert (row["province"], row["city"], row["county"], row["division_code"], row["region"]) == (
        "陕西省",
        "商洛市",
        "柞水县",
        "611026",
        "柞水县",
    )


def test_every_sample_department_has_its_place(sample_warehouse):
    rows = _query(sample_warehouse, "SELECT department, county, division_code FROM dim_department ORDER BY division_code")
    assert [(r["department"], r["county"], r["division_code"]) for r in rows] == [
        ("固安县医疗保障局", "固安县", "131022"),
        ("兰山区医疗保障局机关", "兰山区", "371302"),
        ("江油市医疗保障局", "江油市", "510781"),
        ("镇安县医疗保障局", "镇安县", "611025"),
        ("柞水县医疗保险经办机构", "柞水县", "611026"),
    ]


def test_department_id_follows_phase_in_v_budget_lines_and_the_others_keep_their_order(sample_warehouse):
    columns = [r["column_name"] for r in _query(sample_warehouse, "SELECT column_name FROM (DESCRIBE v_budget_lines)")]
    assert columns[:18] == [
        "department",
        "fiscal_year",
        "statement",
        "table_title",
        "function_code",
        "function_name",
        "economic_scheme",
        "economic_code",
        "economic_name",
        "gov_economic_code",
        "gov_economic_name",
        "measure",
        "fund_source",
        "amount_yuan",
        "unit_printed",
        "source_file",
        "page",
        "line",
    ]
    # appended after department_id: how the figure was read (README "Scanned pages")
    assert columns[-6:] == ["phase", "department_id", "read_by", "ocr_confidence", "verified", "ocr_reread"]
    missing = _query(sample_warehouse, "SELECT count(*) AS n FROM v_budget_lines WHERE department_id IS NULL")
    assert missing == [{"n": 0}]


def test_the_override_file_merges_and_splits(tmp_path, monkeypatch):
    """An operator's file, applied the next time the warehouse is opened for writing: 江油 merged into 固安 (made up,
    for the test) and 镇安's 2020 document split off its own name."""
    overrides = tmp_path / "department_overrides.csv"
    overrides.write_text(
        "action,name_printed,source_file,target_name,target_source_file,reason\n"
        "merge,江油市医疗保障局,,固安县医疗保障局,,test only\n"
        "split,镇安县医疗保障局,003_d15ab5ced7e0f0d4.txt,,,test only\n",
        encoding="utf-8",
    )
    path = tmp_path / "w.duckdb"
    ingest([SAMPLES / n for n in ("002_43a13e6a8c0a6925.txt", "003_d15ab5ced7e0f0d4.txt", "004_7a705042fb416c6b.txt")], path)
    before = {r["name_printed"]: r["department_id"] for r in _query(path, "SELECT * FROM department_alias")}
    monkeypatch.setattr(department_identity, "OVERRIDES", overrides)
    with Warehouse(path):
        pass  # a changed override file rebuilds the departments at the next write (here: opening for writing)
    after = {r["name_printed"]: (r["department_id"], r["matched_by"]) for r in _query(path, "SELECT * FROM department_alias")}
    assert after["江油市医疗保障局"] == (before["固安县医疗保障局"], "override")
    assert after["固安县医疗保障局"] == (before["固安县医疗保障局"], "exact")
    assert after["镇安县医疗保障局"][0] != before["镇安县医疗保障局"] and after["镇安县医疗保障局"][1] == "override"
    assert len(_query(path, "SELECT * FROM dim_department")) == 2
