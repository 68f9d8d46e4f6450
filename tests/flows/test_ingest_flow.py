import pytest
from prefect.testing.utilities import prefect_test_harness

from budget_etl.paths import SAMPLES
from flows.ingest import ingest_flow


@pytest.fixture(scope="module", autouse=True)
def prefect_harness():
    with prefect_test_harness():
        yield


def test_flow_loads_the_samples_then_skips_them(tmp_path):
    wh = tmp_path / "w.duckdb"
    first = ingest_flow([SAMPLES], wh)
    assert len(first.new) == 5 and first.failed == []
    second = ingest_flow([SAMPLES], wh)
    assert len(second.unchanged) == 5 and second.new == [] and second.facts == 0
