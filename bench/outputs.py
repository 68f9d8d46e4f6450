"""Outputs unchanged: the warehouse content hash (`budget-etl content-hash`: facts, findings,
issues, scores, tables, pages, errors, dimensions) of the bundled samples and of the
200-document synthetic corpus, each ingested by the nightly flow, against the hashes the code
before issue 24's speed work gave (bench/content_hashes.json). A speed change must keep both.

`python -m bench --only outputs --record-hashes` records them anew (only after a change meant
to change the outputs).
"""

from __future__ import annotations

import json
from pathlib import Path

from bench.figures import Figure
from bench.nightly import budget_etl, fresh, ingest_env, prefect_server, run_measured
from common.paths import SAMPLES
from load.warehouse import Warehouse

HASHES = Path(__file__).resolve().parent / "content_hashes.json"


def content_hash(warehouse: Path) -> str:
    with Warehouse(warehouse, read_only=True) as wh:
        return wh.content_hash()[0]


def hashes(work: Path, corpora: dict[str, Path], workers: int = 2) -> dict[str, str]:
    """Per corpus: the content hash of a fresh warehouse it was ingested into."""
    out = {}
    with prefect_server() as api:
        for name, folder in corpora.items():
            warehouse = fresh(work / f"{name}.duckdb")
            run_measured([budget_etl(), "ingest", str(folder)], ingest_env(api, work / name, warehouse, workers))
            out[name] = content_hash(warehouse)
    return out


def measure(work: Path, small_corpus: Path, record: bool = False) -> list[Figure]:
    found = hashes(work, {"samples": SAMPLES, "corpus-200": small_corpus})
    if record:
        HASHES.write_text(json.dumps(found, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(HASHES.read_text(encoding="utf-8")) if HASHES.exists() else {}
    return [
        Figure(
            "0 outputs",
            f"content hash of {name}: as before",
            float(expected.get(name) == h),
            "yes=1",
            ">= 1",
            f"{h} (before: {expected.get(name, 'not recorded')})",
        )
        for name, h in found.items()
    ]
