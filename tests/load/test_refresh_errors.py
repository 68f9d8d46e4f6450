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
