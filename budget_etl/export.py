"""The warehouse in the analysts' tools (`budget-etl export`): the views an analyst uses as
Parquet (partitioned by fiscal year, hive-style `fiscal_year=2024/`), CSV, or a Fiscal Data
Package (CSV files and `datapackage.json` with the fiscal model, for OpenSpending-style tools).
Reads the warehouse only."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from load import sql_files
from load.warehouse import Warehouse

FORMATS = ("parquet", "csv", "datapackage")
# What an analyst uses (README "The analysts' contract", "Final accounts", "The rest of the
# disclosure", "Department identity", "Coverage"): the fact views, the departments and the codes.
EXPORTED = (
    "v_budget_lines",
    "v_budget_execution",
    "v_three_public",
    "v_projects",
    "v_spending_by_function_class",
    "v_coverage",
    "dim_department",
    "department_alias",
    "dim_function",
    "dim_economic",
)
PARTITION = "fiscal_year"
EMPTY_PART = "empty.parquet"  # what a partitioned export of an empty view holds
FISCAL_RESOURCE = "fiscal_lines"  # sql/export/fiscal_lines.sql: the datapackage's fiscal resource
CURRENCY = "CNY"  # amount_yuan is in 元 (README "The analysts' contract")
# Fiscal Data Package (Open Knowledge / OpenSpending, https://specs.frictionlessdata.io/fiscal-data-package/)
FDP_PROFILE = "fiscal-data-package"
_TYPES = {
    "VARCHAR": "string",
    "INTEGER": "integer",
    "BIGINT": "integer",
    "BOOLEAN": "boolean",
    "DATE": "date",
    "TIMESTAMP": "datetime",
    "DOUBLE": "number",
}


def export(warehouse: Path, fmt: str, folder: Path) -> list[Path]:
    """Write every exported object to `folder` (replacing what an earlier export wrote there);
    returns the files or partition folders written."""
    if fmt not in FORMATS:
        raise ValueError(f"--format must be one of {', '.join(FORMATS)}")
    folder.mkdir(parents=True, exist_ok=True)
    with Warehouse(warehouse, read_only=True) as wh:
        if fmt == "parquet":
            return [_parquet(wh, name, folder) for name in EXPORTED]
        written = [_csv(wh, f"SELECT * FROM {name}", folder / f"{name}.csv") for name in EXPORTED]
        if fmt == "datapackage":
            written.append(_csv(wh, sql_files.read(f"export/{FISCAL_RESOURCE}.sql"), folder / f"{FISCAL_RESOURCE}.csv"))
            written.append(_datapackage(wh, folder))
        return written


def columns(wh: Warehouse, sql: str) -> list[tuple[str, str]]:
    """(name, DuckDB type) of a query's columns, in order."""
    return [(r[0], r[1]) for r in wh.con.execute(f"DESCRIBE ({sql})").fetchall()]


def _parquet(wh: Warehouse, name: str, folder: Path) -> Path:
    names = [c for c, _ in columns(wh, f"SELECT * FROM {name}")]
    if PARTITION in names:
        target = folder / name
        shutil.rmtree(target, ignore_errors=True)
        if wh.con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0]:
            wh.con.execute(f"COPY (SELECT * FROM {name}) TO '{_path(target)}' (FORMAT parquet, PARTITION_BY ({PARTITION}))")
        else:  # no partition to write: one empty file keeps the columns readable (target/**/*.parquet)
            target.mkdir(parents=True)
            wh.con.execute(f"COPY (SELECT * FROM {name}) TO '{_path(target / EMPTY_PART)}' (FORMAT parquet)")
        return target
    target = folder / f"{name}.parquet"
    wh.con.execute(f"COPY (SELECT * FROM {name}) TO '{_path(target)}' (FORMAT parquet)")
    return target


def _csv(wh: Warehouse, sql: str, target: Path) -> Path:
    wh.con.execute(f"COPY ({sql}) TO '{_path(target)}' (FORMAT csv, HEADER)")
    return target


def _path(path: Path) -> str:
    return str(path).replace("'", "''")


def _field(name: str, duck_type: str) -> dict:
    if duck_type.startswith("DECIMAL"):
        return {"name": name, "type": "number", "bareNumber": True}
    return {"name": name, "type": _TYPES.get(duck_type, "string")}


def _datapackage(wh: Warehouse, folder: Path) -> Path:
    fiscal_sql = sql_files.read(f"export/{FISCAL_RESOURCE}.sql")
    resources = [
        {
            "name": name,
            "path": f"{name}.csv",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {"fields": [_field(c, t) for c, t in columns(wh, sql)]},
        }
        for name, sql in ((FISCAL_RESOURCE, fiscal_sql), *((n, f"SELECT * FROM {n}") for n in EXPORTED))
    ]
    first, last = wh.con.execute("SELECT min(fiscal_year), max(fiscal_year) FROM v_budget_lines").fetchall()[0]
    package = {
        "name": "budget-etl-warehouse",
        "title": "Chinese department budget disclosures (部门预算/决算)",
        "profile": FDP_PROFILE,
        "countryCode": "CN",
        "fiscalPeriod": {"start": f"{first}-01-01", "end": f"{last}-12-31"} if first else None,
        "resources": resources,
        "model": _model(),
    }
    target = folder / "datapackage.json"
    target.write_text(
        json.dumps({k: v for k, v in package.items() if v is not None}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return target


def _model() -> dict:
    """The fiscal model over the fiscal resource: the amount, who spends it (the department as
    administrator), when, which figure (phase), which way (direction), and the function and
    economic classifications as hierarchies."""

    def attrs(*pairs, **extra):
        return {a: {"source": a, **extra.get(a, {})} for a in pairs}

    return {
        "measures": {"amount": {"source": "amount_yuan", "currency": CURRENCY, "factor": 1, "resource": FISCAL_RESOURCE}},
        "dimensions": {
            "administrator": {
                "dimensionType": "entity",
                "primaryKey": ["department_id"],
                "attributes": attrs("department_id", "department", "region", department={"labelfor": "department_id"}),
            },
            "date": {"dimensionType": "datetime", "primaryKey": ["fiscal_year"], "attributes": attrs("fiscal_year")},
            "phase": {"dimensionType": "other", "primaryKey": ["phase"], "attributes": attrs("phase")},
            "direction": {"dimensionType": "other", "primaryKey": ["direction"], "attributes": attrs("direction")},
            "functional_classification": {
                "dimensionType": "classification",
                "classificationType": "functional",
                "primaryKey": ["function_code"],
                "attributes": attrs(
                    "function_code",
                    "function_class",
                    "function_group",
                    "function_item",
                    "function_name",
                    function_group={"parent": "function_class"},
                    function_item={"parent": "function_group"},
                    function_name={"labelfor": "function_code"},
                ),
            },
            "economic_classification": {
                "dimensionType": "classification",
                "classificationType": "economic",
                "primaryKey": ["economic_scheme", "economic_code"],
                "attributes": attrs(
                    "economic_scheme",
                    "economic_code",
                    "economic_class",
                    "economic_item",
                    "economic_name",
                    economic_item={"parent": "economic_class"},
                    economic_name={"labelfor": "economic_code"},
                ),
            },
            "fund_source": {"dimensionType": "fact", "primaryKey": ["fund_source"], "attributes": attrs("fund_source")},
            "measure": {"dimensionType": "fact", "primaryKey": ["measure"], "attributes": attrs("measure")},
        },
    }
