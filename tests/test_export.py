"""budget-etl export: every exported view read back equals the warehouse's, row for row, in
Parquet (partitioned by fiscal year), CSV and the Fiscal Data Package."""

import json
from decimal import Decimal

import duckdb
import polars as pl
import pytest
from typer.testing import CliRunner

from budget_etl.cli import app
from budget_etl.export import EXPORTED, FISCAL_RESOURCE, columns
from load.warehouse import Warehouse

# The samples' facts (the corpus report: 231 + 292 + 246 + 192 + 59), departments and documents;
# they have no 决算, so v_budget_execution is empty there (tests/load/test_budget_execution.py has one).
SAMPLE_COUNTS = {"v_budget_lines": 1020, "dim_department": 5, "department_alias": 5, "v_coverage": 5, "v_budget_execution": 0}


def _same(warehouse, name, read_back_sql):
    """(rows in the warehouse, rows only in one of the two) for a view and its export."""
    with Warehouse(warehouse, read_only=True) as wh:
        names = ", ".join(f'"{c}"' for c, _ in columns(wh, f"SELECT * FROM {name}"))
        n = wh.con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0]
        diff = wh.con.execute(
            f"(SELECT {names} FROM {name} EXCEPT ALL SELECT {names} FROM ({read_back_sql})) UNION ALL "
            f"(SELECT {names} FROM ({read_back_sql}) EXCEPT ALL SELECT {names} FROM {name})"
        ).fetchall()
    return n, diff


def _csv_sql(warehouse, name, path):
    with Warehouse(warehouse, read_only=True) as wh:
        types = ", ".join(f"'{c}': '{t}'" for c, t in columns(wh, f"SELECT * FROM {name}"))
    return f"SELECT * FROM read_csv('{path}', header = true, columns = {{{types}}})"


@pytest.fixture(scope="module")
def exported(sample_warehouse, tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    runner = CliRunner()
    for fmt in ("parquet", "csv", "datapackage"):
        result = runner.invoke(app, ["export", "--format", fmt, "--warehouse", str(sample_warehouse), str(folder / fmt)])
        assert result.exit_code == 0, result.output
    return folder


def test_parquet_round_trip_partitioned_by_fiscal_year(sample_warehouse, exported):
    assert sorted(p.name for p in (exported / "parquet" / "v_budget_lines").iterdir()) == [
        "fiscal_year=2020",
        "fiscal_year=2023",
        "fiscal_year=2024",
    ]
    counts = {}
    for name in EXPORTED:
        folder = exported / "parquet" / name
        source = (
            f"SELECT * FROM read_parquet('{folder}/**/*.parquet', hive_partitioning = true)"
            if folder.is_dir()
            else f"SELECT * FROM read_parquet('{folder}.parquet')"
        )
        n, diff = _same(sample_warehouse, name, source)
        assert diff == [], name
        counts[name] = n
    assert {k: counts[k] for k in SAMPLE_COUNTS} == SAMPLE_COUNTS


def test_csv_round_trip(sample_warehouse, exported):
    counts = {}
    for name in EXPORTED:
        n, diff = _same(sample_warehouse, name, _csv_sql(sample_warehouse, name, exported / "csv" / f"{name}.csv"))
        assert diff == [], name
        counts[name] = n
    assert {k: counts[k] for k in SAMPLE_COUNTS} == SAMPLE_COUNTS


def test_polars_reads_the_parquet_amounts_exactly(exported):
    lines = pl.read_parquet(exported / "parquet" / "v_budget_lines" / "**" / "*.parquet", hive_partitioning=True)
    row = lines.filter(
        (pl.col("department") == "兰山区医疗保障局机关")
        & (pl.col("function_code") == "2101202")
        & (pl.col("measure") == "total")
        & (pl.col("line") == 157)
    )
    assert row["amount_yuan"].to_list() == [Decimal("94770000.00")] and row["fiscal_year"].to_list() == [2024]
    assert row["department_id"].to_list()[0].startswith("D")


def test_the_fiscal_data_package(sample_warehouse, exported):
    folder = exported / "datapackage"
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "fiscal-data-package" and package["fiscalPeriod"] == {"start": "2020-01-01", "end": "2024-12-31"}
    assert package["model"]["measures"]["amount"] == {
        "source": "amount_yuan",
        "currency": "CNY",
        "factor": 1,
        "resource": FISCAL_RESOURCE,
    }
    model = package["model"]["dimensions"]
    assert model["administrator"]["primaryKey"] == ["department_id"]
    assert model["functional_classification"]["attributes"]["function_item"]["parent"] == "function_group"
    resources = {r["name"]: r for r in package["resources"]}
    assert set(resources) == {FISCAL_RESOURCE, *EXPORTED}
    fields = {f["name"]: f["type"] for f in resources[FISCAL_RESOURCE]["schema"]["fields"]}
    assert (fields["amount_yuan"], fields["fiscal_year"], fields["direction"]) == ("number", "integer", "string")
    every_source = {a["source"] for d in model.values() for a in d["attributes"].values()}
    assert every_source <= set(fields)  # each attribute names a column of the fiscal resource
    con = duckdb.connect()
    row = con.execute(
        f"SELECT function_class, function_group, function_item, direction, amount_yuan "
        f"FROM read_csv('{folder / FISCAL_RESOURCE}.csv', header = true, "
        "types = {'amount_yuan': 'DECIMAL(18,2)', 'function_code': 'VARCHAR', 'function_class': 'VARCHAR', "
        "'function_group': 'VARCHAR', 'function_item': 'VARCHAR', 'economic_code': 'VARCHAR'}) "
        "WHERE department = '兰山区医疗保障局机关' AND function_code = '2101202' AND measure = 'total' "
        "AND line = 157"
    ).fetchall()
    assert row == [("210", "21012", "2101202", "expenditure", Decimal("94770000.00"))]
    counts = {}
    for name in EXPORTED:
        n, diff = _same(sample_warehouse, name, _csv_sql(sample_warehouse, name, folder / f"{name}.csv"))
        assert diff == [], name
        counts[name] = n
    assert {k: counts[k] for k in SAMPLE_COUNTS} == SAMPLE_COUNTS


def test_the_data_package_validates_offline_and_its_csv_files_match_their_schemas(exported, tmp_path):
    """frictionless checks the descriptor and every row of every resource against its declared
    fields. The fiscal profile's JSON schema is not shipped (frictionless would download it), so
    the package is validated as a Data Package; the fiscal model is checked above."""
    import frictionless

    folder = exported / "datapackage"
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package.pop("profile") == "fiscal-data-package"
    core = folder / "datapackage.core.json"
    core.write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")
    report = frictionless.validate(str(core))
    assert report.valid, report.flatten(["taskNumber", "rowNumber", "fieldName", "type", "note"])[:5]
    rows = {task.name: task.stats.get("rows") for task in report.tasks}
    assert rows[FISCAL_RESOURCE] == rows["v_budget_lines"] > 0


def test_an_unknown_format_is_refused(sample_warehouse, tmp_path):
    result = CliRunner().invoke(app, ["export", "--format", "xlsx", "--warehouse", str(sample_warehouse), str(tmp_path)])
    assert result.exit_code == 2 and "parquet, csv, datapackage" in result.output
