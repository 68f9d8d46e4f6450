"""Prefect's test harness (a temporary server and database) with the start-up time the product
allows its own temporary server: on a busy machine the harness's 30 s default ran out."""

from __future__ import annotations

from prefect.testing.utilities import prefect_test_harness

from common.prefect_home import SERVER_STARTUP_TIMEOUT_S


def harness():
    return prefect_test_harness(server_startup_timeout=SERVER_STARTUP_TIMEOUT_S)
