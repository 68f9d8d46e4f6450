"""Same files, same warehouse: ingesting the samples once, again (forced), or one at a time in
reverse order gives identical content, facts and findings included (ignoring timestamps)."""

from __future__ import annotations

from pathlib import Path

from common.paths import SAMPLES
from common.settings import Settings
from flows.ingest import run_ingest
from load.warehouse import Warehouse
from tests.prefect_harness import harness


def _settings(root: Path, name: str) -> Settings:
    return Settings(
        inbox=SAMPLES,
        warehouse=root / f"{name}.duckdb",
        reports=root / f"{name}-reports",
        quarantine=root / "quarantine",
        staging=root / "staging",
        workers=2,
    )


def _hash(settings: Settings) -> tuple[str, dict[str, int]]:
    with Warehouse(settings.warehouse, read_only=True) as wh:
        whole, tables = wh.content_hash()
    return whole, {t["table_name"]: t["n_rows"] for t in tables}


def test_ingesting_again_or_in_another_order_gives_the_same_content_hash(tmp_path):
    together, one_by_one = _settings(tmp_path, "together"), _settings(tmp_path, "reversed")
    with harness():
        run_ingest(together)
        first = _hash(together)
        run_ingest(together)
        unchanged = _hash(together)
        forced = run_ingest(together, force=True)
        again = _hash(together)
        partial = []
        for path in sorted(SAMPLES.iterdir(), reverse=True):
            run_ingest(one_by_one, [path])
            partial.append(_hash(one_by_one)[0])
        reordered = _hash(one_by_one)
    assert len(forced.changed) == 5
    rows = first[1]
    assert (rows["source_document"], rows["fact_budget_amount"]) == (5, 1020) and rows["dq_finding"] > 0
    assert first == unchanged == again == reordered
    assert len(set(partial)) == 5 and partial[-1] == first[0]  # each document changes the hash
