from typer.testing import CliRunner

from budget_etl.cli import app

runner = CliRunner()


def test_every_command_has_help():
    for args in (
        ["--help"],
        ["ingest", "--help"],
        ["query", "--help"],
        ["validate", "--help"],
        ["serve", "--help"],
        ["config", "--help"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
    assert "--warehouse" in runner.invoke(app, ["ingest", "--help"]).output


def test_query_prints_a_figure(sample_warehouse):
    result = runner.invoke(
        app,
        [
            "query",
            "--warehouse",
            str(sample_warehouse),
            "SELECT amount_yuan FROM v_budget_lines WHERE source_file LIKE '000_%' AND function_code = '2101550' AND measure = 'project'",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "234,800.00" in result.output and "1 row(s)" in result.output


def test_query_without_warehouse_says_so(tmp_path):
    result = runner.invoke(app, ["query", "--warehouse", str(tmp_path / "none.duckdb"), "SELECT 1"])
    assert result.exit_code == 2 and "budget-etl ingest" in result.output


def test_validate_writes_findings_and_report(sample_warehouse, tmp_path):
    import shutil

    wh = tmp_path / "wh.duckdb"
    shutil.copy(sample_warehouse, wh)
    result = runner.invoke(
        app,
        [
            "validate",
            "004_7a705042fb416c6b.txt",
            "--warehouse",
            str(wh),
            "--reports",
            str(tmp_path / "reports"),
            "--no-data-docs",
        ],
    )
    assert result.exit_code == 0, result.output  # findings about a document never fail the command
    assert "004_7a705042fb416c6b.txt" in result.output and (tmp_path / "reports" / "quality_report.html").exists()
    unknown = runner.invoke(app, ["validate", "nope.txt", "--warehouse", str(wh)])
    assert unknown.exit_code == 2 and "not loaded: nope.txt" in unknown.output
