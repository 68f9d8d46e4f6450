"""The `budget-etl` command line."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from common import prefect_home
from common import settings as settings_module
from common.safe_text import printable

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Chinese budget disclosures -> a checked DuckDB warehouse.")
console = Console(width=None if sys.stdout.isatty() else 200)

WarehouseOption = typer.Option(
    None, "--warehouse", "-w", help="DuckDB file of the warehouse (default: the warehouse setting, data/warehouse.duckdb)."
)
ReportsOption = typer.Option(
    None,
    "--reports",
    "-r",
    help="Folder for the quality report (quality_report.html/.md) and Data Docs (default: the reports setting, data/reports).",
)


def _settings(**overrides) -> settings_module.Settings:
    """The settings (file, environment), with the command line's options on top."""
    try:
        loaded, _ = settings_module.load()
        return settings_module.settle(replace(loaded, **{k: v for k, v in overrides.items() if v is not None}))
    except settings_module.SettingsError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None


def _prefect_env(settings: settings_module.Settings) -> None:
    """Before prefect is imported (it reads its settings then): quiet, and, unless the user set
    PREFECT_API_URL or PREFECT_HOME, Prefect's state under prefect_home, never ~/.prefect."""
    prefect_home.isolate(settings.prefect_home)
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


@app.command()
def ingest(
    inputs: Optional[list[Path]] = typer.Argument(
        None, help="Files or folders to ingest (default: the inbox setting, which defaults to the bundled samples)."
    ),
    warehouse: Optional[Path] = typer.Option(
        None, "--warehouse", "-w", help="DuckDB file of the warehouse (default: the warehouse setting, data/warehouse.duckdb)."
    ),
    force: bool = typer.Option(False, "--force", help="Reload files even if they are unchanged (or failed unchanged)."),
    reports: Optional[Path] = typer.Option(
        None, "--reports", "-r", help="Folder for the quality report and Data Docs (default: the reports setting, data/reports)."
    ),
    workers: Optional[int] = typer.Option(None, "--workers", help="Parallel extractions (default: one per CPU)."),
    runner: Optional[str] = typer.Option(None, "--runner", help="threads | processes | dask."),
    dask_address: Optional[str] = typer.Option(None, "--dask-address", help="Run the extractions on this Dask scheduler."),
) -> None:
    """Extract, normalize and load disclosures (unchanged files are skipped, changed ones
    replaced, failed ones quarantined), validate what was loaded and write the quality report.
    Runs the Prefect flow `ingest-disclosures`; see `budget-etl config` for the settings."""
    settings = _settings(warehouse=warehouse, reports=reports, workers=workers, runner=runner, dask_address=dask_address)
    _prefect_env(settings)
    sources = inputs or [settings.inbox]
    missing = [str(p) for p in sources if not p.exists()]
    if missing:
        console.print(f"[red]error:[/red] no such file or folder: {', '.join(missing)}")
        raise typer.Exit(2)
    warehouse = settings.warehouse
    if not force:  # nothing to load: said without starting the flow (Prefect, the parsers, GX)
        from flows.plan import unchanged_run

        summary = unchanged_run(warehouse, sources, settings.reports)
        if summary is not None:
            _print_summary(summary, warehouse)
            if summary.report:
                console.print(f"quality report: {summary.report[0]} (and {summary.report[1].name})")
            return
    import duckdb

    from flows.ingest import run_ingest
    from load.single_writer import WarehouseBusy

    try:
        summary = run_ingest(settings, sources, force=force, show_progress=True)
    except FileNotFoundError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    except WarehouseBusy as exc:
        console.print(f"[red]error:[/red] {_shown(exc)}")
        raise typer.Exit(3) from None
    except duckdb.IOException as exc:
        console.print(f"[red]error:[/red] cannot write the warehouse {_shown(warehouse)}: {_shown(exc)}")
        raise typer.Exit(3) from None
    _print_summary(summary, warehouse)
    if summary.validation is not None:
        _print_validation(summary.validation)
    if summary.report:
        console.print(f"quality report: {summary.report[0]} (and {summary.report[1].name})")
    if summary.failed and not (summary.new or summary.changed or summary.unchanged):
        raise typer.Exit(1)


@app.command()
def validate(
    documents: Optional[list[str]] = typer.Argument(None, help="Source files to validate (default: every loaded document)."),
    warehouse: Optional[Path] = WarehouseOption,
    reports: Optional[Path] = ReportsOption,
    data_docs: bool = typer.Option(True, "--data-docs/--no-data-docs", help="Rebuild the Great Expectations Data Docs."),
) -> None:
    """Run the Great Expectations suites on loaded documents, replace their findings
    (v_dq_findings) and write the quality report. Findings never fail the command."""
    settings = _settings(warehouse=warehouse, reports=reports)
    _prefect_env(settings)
    from expectations import report
    from flows.validate import validate as run_validation
    from load import single_writer
    from load.warehouse import Warehouse

    warehouse, reports = settings.warehouse, settings.reports
    _require(warehouse)
    with Warehouse(warehouse, read_only=True) as wh:
        unknown = sorted(set(documents or []) - set(wh.documents()))
    if unknown:
        console.print(f"[red]error:[/red] not loaded: {_shown(', '.join(unknown))}")
        raise typer.Exit(2)
    try:
        with single_writer.exclusive(warehouse), single_writer.working_copy(warehouse) as work, Warehouse(work) as wh:
            with console.status("validating with Great Expectations …"):
                validation = run_validation(wh, documents or None, reports, data_docs=data_docs)
            html, md = report.write(report.gather(wh, validation.data_docs), reports)
    except single_writer.WarehouseBusy as exc:
        console.print(f"[red]error:[/red] {_shown(exc)}")
        raise typer.Exit(3) from None
    _print_validation(validation)
    console.print(f"quality report: {html} (and {md.name})")


def _print_validation(validation) -> None:
    from flows.summary import SEVERITIES, finding_rows

    suites = Table("suite", "rows checked", "expectations", "failed rules", title="Great Expectations suites")
    for s in validation.suites:
        suites.add_row(s.suite, str(s.rows), str(s.evaluated), ", ".join(sorted(set(s.failed))) or "-")
    console.print(suites)
    f = validation.findings
    if f.height:
        rows, more = finding_rows(f)
        counts = Table("document", *SEVERITIES, title="Findings (v_dq_findings)")
        for source_file, *numbers in rows:
            counts.add_row(_cell(source_file), *numbers)
        console.print(counts)
        if more:
            console.print(
                f"… and {more:,} more documents with findings (shown: those with the most errors, then warnings); "
                "every one is in the quality report and the view v_dq_findings"
            )
    else:
        console.print("findings: none")


@app.command()
def corpus(
    inputs: list[Path] = typer.Argument(..., help="Files or folders, e.g. ../shared/corpus data/samples."),
    workdir: Optional[Path] = typer.Option(
        None, "--workdir", help="Folder for the scratch warehouse and its quality report (default: a new temporary folder)."
    ),
    markdown: Optional[Path] = typer.Option(None, "--markdown", help="Also write the table as Markdown to this file."),
) -> None:
    """Ingest documents into a scratch warehouse (never the configured one) and print one line
    per document: department, year, kind, scope, tables found / classified / loaded, facts,
    unplaced cells by reason, findings by severity. How the product does on real documents, at a glance."""
    import tempfile

    base = _settings()
    _prefect_env(base)
    from budget_etl.corpus import COLUMNS, cells, corpus_rows
    from budget_etl.corpus import markdown as as_markdown
    from flows.ingest import run_ingest

    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        console.print(f"[red]error:[/red] no such file or folder: {_shown(', '.join(missing))}")
        raise typer.Exit(2)
    work = workdir or Path(tempfile.mkdtemp(prefix="budget-etl-corpus-"))
    settings = replace(
        base,
        warehouse=work / "warehouse.duckdb",
        reports=work / "reports",
        quarantine=work / "quarantine",
        staging=work / "staging",
    )
    with console.status(f"ingesting {len(inputs)} path(s) into {work} …"):
        summary = run_ingest(settings, inputs, force=True)
    rows = corpus_rows(settings.warehouse)
    table = Table(*[h for h, _ in COLUMNS], title="Corpus report")
    for row in rows:
        table.add_row(*[_cell(c) for c in cells(row)])
    console.print(table)
    for failure in summary.failed:
        console.print(f"[red]failed[/red] {_shown(failure.source_file)} ({failure.stage}): {_shown(failure.message)}")
    if markdown:
        markdown.write_text(as_markdown(rows), encoding="utf-8")
        console.print(f"markdown: {markdown}")
    console.print(f"warehouse: {settings.warehouse} · quality report: {settings.reports / 'quality_report.html'}")


@app.command()
def coverage(warehouse: Optional[Path] = WarehouseOption) -> None:
    """Print which department-years the warehouse holds (v_coverage): a line per department,
    document kind (预算 / 决算) and scope (部门 / 单位), a column per fiscal year with the verdict of
    the quality checks, `missing` for a year between its first and last that no document provides."""
    from budget_etl.coverage import coverage_rows, matrix

    warehouse = _settings(warehouse=warehouse).warehouse
    _require(warehouse)
    header, lines = matrix(coverage_rows(warehouse))
    table = Table(*header, title="Coverage (v_coverage)")
    for line in lines:
        table.add_row(*[_cell(c) for c in line])
    console.print(table)


@app.command()
def export(
    folder: Path = typer.Argument(..., help="Folder to write to (files of an earlier export there are replaced)."),
    fmt: str = typer.Option(
        "parquet",
        "--format",
        help="parquet (partitioned by fiscal_year) | csv | datapackage (CSV and a Fiscal Data Package datapackage.json).",
    ),
    warehouse: Optional[Path] = WarehouseOption,
) -> None:
    """Write the analyst views (v_budget_lines, v_budget_execution, v_three_public, v_projects,
    v_spending_by_function_class, v_coverage, dim_department, department_alias, dim_function,
    dim_economic) for DuckDB, polars, pandas, Spark or OpenSpending-style tools."""
    from budget_etl.export import FORMATS
    from budget_etl.export import export as run_export

    if fmt not in FORMATS:
        console.print(f"[red]error:[/red] --format must be one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    warehouse = _settings(warehouse=warehouse).warehouse
    _require(warehouse)
    for path in run_export(warehouse, fmt, folder):
        console.print(_shown(path))


@app.command()
def config() -> None:
    """Print the settings in effect (inbox, warehouse, schedule, parallelism, …) and where each
    comes from: default, the settings file (budget-etl.toml or $BUDGET_ETL_CONFIG) or BUDGET_ETL_<NAME>."""
    try:
        settings, sources = settings_module.load()
    except settings_module.SettingsError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    table = Table("setting", "value", "from", "environment variable", title="budget-etl settings")
    for name, value in settings.__dict__.items():
        shown = f"{value} (= {settings.parallelism})" if name == "workers" and not value else str(value)
        table.add_row(name, shown, sources[name], f"BUDGET_ETL_{name.upper()}")
    console.print(table)
    console.print(
        f"settings file: {settings_module.config_file().resolve()} "
        f"({'found' if settings_module.config_file().exists() else 'none: defaults and environment only'})"
    )
    console.print(prefect_home.describe(settings.prefect_home))


@app.command()
def serve(
    cron: Optional[str] = typer.Option(None, "--cron", help="When to run (default: the schedule setting, 0 2 * * *)."),
    timezone: Optional[str] = typer.Option(None, "--timezone", help="Time zone of the cron (default: Asia/Shanghai)."),
    name: Optional[str] = typer.Option(None, "--name", help="Deployment name (default: the deployment setting, nightly)."),
) -> None:
    """Serve the nightly ingestion as a Prefect deployment on its cron schedule, until stopped
    (Ctrl-C or SIGTERM). Needs a Prefect API: PREFECT_API_URL, else a temporary local server."""
    settings = _settings(schedule=cron, timezone=timezone, deployment=name)
    _prefect_env(settings)
    from flows.deployment import serve_nightly

    try:
        serve_nightly(settings, on_ready=console.print)
    except ValueError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    console.print("stopped serving; the schedule is paused until the next `budget-etl serve`")


@app.command("content-hash")
def content_hash(warehouse: Optional[Path] = WarehouseOption) -> None:
    """Print a hash of what the warehouse holds (facts, findings, tables, pages, errors,
    dimensions; not when or from which folder they were loaded). Two warehouses built from
    the same files hash the same, in whatever order and however often the files were ingested."""
    from load.warehouse import Warehouse

    warehouse = _settings(warehouse=warehouse).warehouse
    _require(warehouse)
    with Warehouse(warehouse, read_only=True) as wh:
        whole, tables = wh.content_hash()
    table = Table("table", "rows", "md5 of its rows", title="Warehouse content")
    for t in tables:
        table.add_row(t["table_name"], str(t["n_rows"]), t["content_md5"])
    console.print(table)
    console.print(f"content hash: {whole}")


@app.command()
def query(
    sql: str = typer.Argument(..., help='SQL to run, e.g. "SELECT * FROM v_budget_lines LIMIT 5".'),
    warehouse: Optional[Path] = WarehouseOption,
    limit: int = typer.Option(200, help="Print at most this many rows."),
) -> None:
    """Run a read-only SQL query against the warehouse and print a table."""
    from load.warehouse import Warehouse

    warehouse = _settings(warehouse=warehouse).warehouse
    _require(warehouse)
    import duckdb

    try:
        with Warehouse(warehouse, read_only=True) as wh:
            columns, rows = wh.query(sql)
    except duckdb.Error as exc:
        console.print(f"[red]query failed:[/red] {exc}")
        raise typer.Exit(1) from None
    table = Table(*[_shown(c) for c in columns], show_lines=False)
    for row in rows[:limit]:
        table.add_row(*[_cell(_fmt(v)) for v in row])
    console.print(table)
    console.print(f"{len(rows)} row(s)" + (f", first {limit} shown" if len(rows) > limit else ""))


def _require(warehouse: Path) -> None:
    if not warehouse.exists():
        console.print(f"[red]error:[/red] no warehouse at {_shown(warehouse)}; run `budget-etl ingest` first")
        raise typer.Exit(2)


def _shown(value) -> str:
    """Document text inside rich markup: control characters visible, brackets not markup."""
    return escape(printable(value))


def _cell(value) -> Text:
    return Text(printable(value))


def _fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return str(value)


def _print_summary(summary, warehouse: Path) -> None:
    from extract import formats
    from flows.summary import DOCUMENT_COLUMNS, document_rows

    rows, more = document_rows(summary)
    docs = Table(*DOCUMENT_COLUMNS, title="Documents loaded")
    for row in rows:
        docs.add_row(*[_cell(c) for c in row])
    if rows:
        console.print(docs)
    if more:
        console.print(f"… and {more:,} more documents loaded: every one is in the quality report and the table source_document")
    for d in summary.noted:
        for note in d["set_aside"]:
            console.print(
                f"[yellow]does not add up[/yellow] {_shown(d['source_file'])} {_shown(note)} (not used to place numbers)"
            )
        if d["ambiguous"]:
            console.print(
                f"[yellow]ambiguous[/yellow] {_shown(d['source_file'])}: {d['ambiguous']} numbers whose column the "
                "arithmetic leaves open are in unplaced_cell (reason ambiguous_column)"
            )
    if summary.documents_noted > len(summary.noted):
        console.print(
            f"… and {summary.documents_noted - len(summary.noted):,} more documents with totals that do not add up or "
            "ambiguous numbers (v_unplaced_cells lists the numbers)"
        )
    if summary.tables_by_kind:
        kinds = Table("statement kind", "tables", title="Tables by kind")
        for kind, n in sorted(summary.tables_by_kind.items()):
            kinds.add_row(kind, str(n))
        console.print(kinds)
    if summary.unplaced_by_reason:
        reasons = Table("reason", "cells", title="Unplaced cells (table unplaced_cell)")
        for reason, n in sorted(summary.unplaced_by_reason.items()):
            reasons.add_row(reason, str(n))
        console.print(reasons)
    for failure in summary.failed:
        console.print(f"[red]failed[/red] {_shown(failure.source_file)} ({failure.stage}): {_shown(failure.message)}")
    for refused in summary.duplicates:
        console.print(f"[red]refused[/red] {_shown(refused.path)}: {_shown(refused.message)}")
    if summary.ignored:
        console.print(
            f"ignored {len(summary.ignored)} hidden file(s) or file(s) of other types, e.g. "
            f"{_shown(', '.join(summary.ignored[:3]))} ({formats.described()} are read)"
        )
    for name in summary.still_failing:
        console.print(
            f"[yellow]skipped[/yellow] {_shown(name)}: failed before and has not changed (see ingest_error; --force retries)"
        )
    console.print(
        f"documents: {len(summary.new)} new, {len(summary.changed)} changed, {len(summary.unchanged)} unchanged, "
        f"{len(summary.still_failing)} failed before (skipped), {len(summary.failed)} failed"
        f" · facts: {summary.facts} · unplaced cells: {summary.unplaced}"
        + (
            f" · tables: {sum(summary.tables_by_status.values())} "
            f"({', '.join(f'{k} {v}' for k, v in sorted(summary.tables_by_status.items()))})"
            if summary.tables_by_status
            else ""
        )
    )
    if summary.phases:  # where the run's time went (flows/phases.py); `make bench` reads this line
        from flows.phases import line

        console.print(line(summary.phases), soft_wrap=True)
    if not (summary.new or summary.changed or summary.failed):
        console.print("nothing new or changed: the warehouse is up to date")
    console.print(f"warehouse: {warehouse}")


if __name__ == "__main__":
    app()
