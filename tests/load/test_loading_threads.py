"""The writer appends on LOAD_THREADS DuckDB threads while the workers parse, and gives the
queries after loading every core again (load/warehouse.py: Warehouse.loading)."""

from __future__ import annotations

from load.warehouse import LOAD_THREADS, Warehouse


def _threads(wh: Warehouse) -> int:
    return int(wh.con.execute("SELECT current_setting('threads')").fetchone()[0])


def test_loading_runs_on_load_threads_and_restores_the_default(tmp_path):
    with Warehouse(tmp_path / "w.duckdb") as wh:
        default = _threads(wh)
        with wh.loading():
            assert _threads(wh) == LOAD_THREADS == 1
        assert _threads(wh) == default


def test_loading_restores_the_default_when_a_load_fails(tmp_path):
    with Warehouse(tmp_path / "w.duckdb") as wh:
        default = _threads(wh)
        try:
            with wh.loading():
                raise RuntimeError("a batch breaks")
        except RuntimeError:
            pass
        assert _threads(wh) == default
