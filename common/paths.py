"""Default locations, relative to the repository so the product runs out of the box."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
WAREHOUSE = ROOT / "data" / "warehouse.duckdb"
REPORTS = ROOT / "data" / "reports"
