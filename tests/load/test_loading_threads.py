"""The writer appends on LOAD_THREADS DuckDB threads while the workers parse, and gives the
queries after loading every core again (load/warehouse.py: Warehouse.loading); while loading and
validating its DuckDB keeps WRITER_MEMORY_LIMIT of blocks, not 80 % of the machine."""

from __future__ import annotations

from load.warehouse import LOAD_THREADS, WRITER_MEMORY_LIMIT, Warehouse


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


def _memory_limit(wh: Warehouse) -> str:
    return wh.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]


def test_loading_and_validation_keep_a_small_buffer_and_the_whole_warehouse_statements_the_default(tmp_path):
    with Warehouse(tmp_path / "w.duckdb") as wh:
        default = _memory_limit(wh)
        with wh.loading():
            assert WRITER_MEMORY_LIMIT == "128MB" and _memory_limit(wh) == "122.0 MiB"  # DuckDB shows MiB
        assert _memory_limit(wh) == default != "122.0 MiB"  # 80 % of the machine, for the report
        with wh.small_buffer():
            assert _memory_limit(wh) == "122.0 MiB"
        assert _memory_limit(wh) == default


def _checkpoint_threshold(wh: Warehouse) -> str:
    return wh.con.execute("SELECT current_setting('checkpoint_threshold')").fetchone()[0]


def test_loading_checkpoints_at_its_own_wal_size_and_restores_the_default(tmp_path):
    with Warehouse(tmp_path / "w.duckdb") as wh:
        default = _checkpoint_threshold(wh)
        with wh.loading():
            assert _checkpoint_threshold(wh) == "64.0 MiB" != default
        assert _checkpoint_threshold(wh) == default == "16.0 MiB"
