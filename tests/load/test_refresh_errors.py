"""A rebuild of the dimensions that fails says why (load/warehouse.py: refresh_dimensions): the
views it registers are let go after its transaction is rolled back, not inside the aborted one,
where DuckDB refuses even that and its refusal hid the cause (seen: an out-of-memory error)."""

from __future__ import annotations

import duckdb
import pytest

from load import warehouse
from load.warehouse import Warehouse


def test_a_failing_rebuild_raises_its_own_error_and_leaves_the_warehouse_usable(tmp_path, monkeypatch):
    with Warehouse(tmp_path / "w.duckdb") as wh:
        real = warehouse.sql_files.statements
        monkeypatch.setattr(warehouse.sql_files, "statements", lambda name: ["SELECT * FROM no_such_table"])
        with pytest.raises(duckdb.CatalogException, match="no_such_table"):
            wh.refresh_dimensions(force=True)
        monkeypatch.setattr(warehouse.sql_files, "statements", real)
        wh.refresh_dimensions(force=True)
        assert wh.con.execute("SELECT count(*) FROM dim_fiscal_year").fetchone() == (0,)


def _memory_limit(wh: Warehouse) -> str:
    return wh.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]


def test_the_rebuild_runs_within_refresh_memory_limit_and_the_default_comes_back(tmp_path, monkeypatch):
    with Warehouse(tmp_path / "w.duckdb") as wh:
        default = _memory_limit(wh)
        seen, real = [], warehouse.Warehouse._register_departments
        monkeypatch.setattr(
            warehouse.Warehouse, "_register_departments", lambda self: (seen.append(_memory_limit(self)), real(self))
        )
        wh.refresh_dimensions(force=True)
        assert warehouse.REFRESH_MEMORY_LIMIT == "256MB" and seen == ["244.1 MiB"]  # DuckDB shows MiB
        assert _memory_limit(wh) == default != "244.1 MiB"


def test_a_rebuild_out_of_memory_under_the_cap_is_done_again_at_the_default(sample_warehouse, tmp_path, monkeypatch):
    path = tmp_path / "w.duckdb"
    path.write_bytes(sample_warehouse.read_bytes())
    with Warehouse(path) as wh:
        default = _memory_limit(wh)
        years = wh.con.execute("SELECT list(fiscal_year ORDER BY fiscal_year) FROM dim_fiscal_year").fetchone()[0]
        real, limits = warehouse.Warehouse._register_departments, []

        def register(self):
            limits.append(_memory_limit(self))
            if len(limits) == 1:
                raise duckdb.OutOfMemoryException("Out of Memory Error: failed to pin block")
            real(self)

        monkeypatch.setattr(warehouse.Warehouse, "_register_departments", register)
        wh.con.execute("DELETE FROM dim_fiscal_year")
        wh.refresh_dimensions(force=True)
        assert limits == ["244.1 MiB", default]
        assert wh.con.execute("SELECT list(fiscal_year ORDER BY fiscal_year) FROM dim_fiscal_year").fetchone()[0] == years
        assert len(years) >= 2 and _memory_limit(wh) == default
