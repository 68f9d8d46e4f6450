"""Task runners: local threads or processes by default, a Dask cluster when given an address."""

from __future__ import annotations

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from common.settings import Settings


def task_runner(settings: Settings) -> TaskRunner:
    """Extraction is embarrassingly parallel: each document is one task. Dask spreads the tasks
    over a cluster (the scheduler at `dask_address`, else a local cluster of `workers` processes)."""
    if settings.runner == "dask":
        from prefect_dask import DaskTaskRunner

        if settings.dask_address:
            return DaskTaskRunner(address=settings.dask_address)
        return DaskTaskRunner(
            cluster_kwargs={
                "n_workers": settings.parallelism,
                "threads_per_worker": 1,
                "processes": True,
                "dashboard_address": None,
            }
        )
    if settings.runner == "processes":
        return ProcessPoolTaskRunner(max_workers=settings.parallelism)
    return ThreadPoolTaskRunner(max_workers=settings.parallelism)
