"""Department identity and places on the real Shanghai corpus."""

WANLI = "上海市普陀区人民政府万里街道办事处"


def test_wanlis_budget_years_share_one_department_id(corpus_query):
    rows = corpus_query(
        "SELECT source_file, department_id, matched_by FROM department_alias WHERE name_printed = ? ORDER BY source_file", [WANLI]
    )
    assert [r["source_file"] for r in rows] == [f"{WANLI}23年预算.pdf", f"{WANLI}24年预算.pdf"]
    assert rows[0]["department_id"] == rows[1]["department_id"]
    (department,) = corpus_query("SELECT * FROM dim_department WHERE department_id = ?", [rows[0]["department_id"]])
    assert (department["first_year"], department["last_year"], department["n_documents"]) == (2023, 2024, 2)
    years = corpus_query(
        "SELECT fiscal_year, count(DISTINCT department_id) AS ids FROM v_budget_lines WHERE department = ? GROUP BY 1 ORDER BY 1",
        [WANLI],
    )
    assert [(r["fiscal_year"], r["ids"]) for r in years] == [(2023, 1), (2024, 1)]


def test_putuo_is_a_district_of_shanghai_and_the_city_bureau_is_shanghai_itself(corpus_query):
    rows = corpus_query(
        "SELECT department, province, city, county, division_code FROM dim_department "
        "WHERE department IN (?, '上海市普陀区财政局', '中共上海市普陀区委社会工作部', '上海市财政局') "
        "ORDER BY department",
        [WANLI],
    )
    assert [tuple(r.values()) for r in rows] == [
        ("上海市普陀区人民政府万里街道办事处", "上海市", None, "普陀区", "310107"),
        ("上海市普陀区财政局", "上海市", None, "普陀区", "310107"),
        ("上海市财政局", "上海市", None, None, "310000"),
        ("中共上海市普陀区委社会工作部", "上海市", None, "普陀区", "310107"),
    ]


def test_the_city_and_the_district_finance_bureaus_are_two_departments(corpus_query):
    rows = corpus_query(
        "SELECT DISTINCT department_id FROM department_alias WHERE name_printed IN ('上海市普陀区财政局', '上海市财政局')"
    )
    assert len(rows) == 2


def test_coverage_of_the_corpus(corpus_query):
    rows = corpus_query(
        "SELECT department, fiscal_year, document_kind, scope, status, errors, warnings, verdict "
        "FROM v_coverage WHERE department IN (?, '中共上海市普陀区委社会工作部') "
        "ORDER BY department, fiscal_year",
        [WANLI],
    )
    assert [tuple(r.values()) for r in rows] == [
        (WANLI, 2023, "budget", "department", "loaded", 0, 1, "warnings"),
        (WANLI, 2024, "budget", "department", "loaded", 0, 1, "warnings"),
        ("中共上海市普陀区委社会工作部", 2024, "final_accounts", "department", "loaded", 1, 1, "errors"),
    ]


def test_the_corpus_exports_and_reads_back(corpus_warehouse, tmp_path):
    from budget_etl.export import export
    from tests.test_export import _same

    export(corpus_warehouse, "parquet", tmp_path)
    for name, n_rows in (("v_budget_execution", 18), ("v_coverage", 7)):
        n, diff = _same(
            corpus_warehouse, name, f"SELECT * FROM read_parquet('{tmp_path / name}/**/*.parquet', hive_partitioning = true)"
        )
        assert (n, diff) == (n_rows, []), name
