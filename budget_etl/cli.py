"""The `budget-etl` command line."""
from __future__ import annotations

import os
import sys
from decimal import Decimal
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from budget_etl import paths

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Chinese budget disclosures -> a checked DuckDB warehouse.")
console = Console(width=None if sys.stdout.isatty() else 200)

WarehouseOption = typer.Option(paths.WAREHOUSE, "--warehouse", "-w", help="DuckDB file of the warehouse.")


@app.command()
def ingest(
    inputs: Optional[list[Path]] = typer.Argument(None, help="Files or folders to ingest (default: the bundled samples)."),
    warehouse: Path = WarehouseOption,
    force: bool = typer.Option(False, "--force", help="Reload files even if they are unchanged."),
) -> None:
    """Extract, normalize and load disclosures; unchanged files are skipped, changed ones replaced."""
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from flows.ingest import ingest_flow

    import duckdb

    sources = inputs or [paths.SAMPLES]
    missing = [str(p) for p in sources if not p.exists()]
    if missing:
        console.print(f"[red]error:[/red] no such file or folder: {', '.join(missing)}")
        raise typer.Exit(2)
    try:
        summary = ingest_flow(sources, warehouse, force=force, show_progress=True)
    except FileNotFoundError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2)
    except duckdb.IOException as exc:
        console.print(f"[red]error:[/red] cannot open the warehouse {warehouse} for writing "
                      f"(is another ingestion running?): {exc}")
        raise typer.Exit(3)
    _print_summary(summary, warehouse)
    if summary.failed and not (summary.new or summary.changed or summary.unchanged):
        raise typer.Exit(1)


@app.command()
def query(
    sql: str = typer.Argument(..., help="SQL to run, e.g. \"SELECT * FROM v_budget_lines LIMIT 5\"."),
    warehouse: Path = WarehouseOption,
    limit: int = typer.Option(200, help="Print at most this many rows."),
) -> None:
    """Run a read-only SQL query against the warehouse and print a table."""
    from load.warehouse import Warehouse

    if not warehouse.exists():
        console.print(f"[red]error:[/red] no warehouse at {warehouse}; run `budget-etl ingest` first")
        raise typer.Exit(2)
    import duckdb

    try:
        with Warehouse(warehouse, read_only=True) as wh:
            columns, rows = wh.query(sql)
    except duckdb.Error as exc:
        console.print(f"[red]query failed:[/red] {exc}")
        raise typer.Exit(1)
    table = Table(*columns, show_lines=False)
    for row in rows[:limit]:
        table.add_row(*[_fmt(v) for v in row])
    console.print(table)
    console.print(f"{len(rows)} row(s)" + (f", first {limit} shown" if len(rows) > limit else ""))


def _fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return str(value)


def _print_summary(summary, warehouse: Path) -> None:
    docs = Table("document", "layout", "department", "year", "tables", "loaded tables", "facts",
                 "placed by arithmetic", "ambiguous", "unplaced", title="Documents loaded")
    for d in summary.per_document:
        docs.add_row(d["source_file"], d["format"], d["department"] or "?", str(d["fiscal_year"] or "?"), str(d["tables"]),
                     str(d["loaded_tables"]), str(d["facts"]), str(d["placed_by_arithmetic"]), str(d["ambiguous"]),
                     str(d["unplaced"]))
    if summary.per_document:
        console.print(docs)
    for d in summary.per_document:
        for note in d["set_aside"]:
            console.print(f"[yellow]does not add up[/yellow] {d['source_file']} {note} (not used to place numbers)")
        if d["ambiguous"]:
            console.print(f"[yellow]ambiguous[/yellow] {d['source_file']}: {d['ambiguous']} numbers whose column the "
                          "arithmetic leaves open are in unplaced_cell (reason ambiguous_column)")
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
        console.print(f"[red]failed[/red] {failure.source_file} ({failure.stage}): {failure.message}")
    console.print(
        f"documents: {len(summary.new)} new, {len(summary.changed)} changed, {len(summary.unchanged)} unchanged, "
        f"{len(summary.failed)} failed · facts: {summary.facts} · unplaced cells: {summary.unplaced}"
        f" · tables: {sum(summary.tables_by_status.values())} "
        f"({', '.join(f'{k} {v}' for k, v in sorted(summary.tables_by_status.items()))})"
    )
    console.print(f"warehouse: {warehouse}")


if __name__ == "__main__":
    app()
