"""The nightly deployment: `nightly` on a cron schedule, served by `budget-etl serve` (or
declared in prefect.yaml for a work pool)."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cronsim import CronSim, CronSimError
from prefect.client.orchestration import get_client
from prefect.runner import Runner
from prefect.schedules import Cron

from common.settings import Settings
from flows.ingest import nightly


def next_run(settings: Settings, after: datetime | None = None) -> datetime:
    """When the schedule fires next, in its time zone; ValueError for a bad cron or zone."""
    try:
        zone = ZoneInfo(settings.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {settings.timezone!r}") from None
    try:
        return next(CronSim(settings.schedule, (after or datetime.now(zone)).astimezone(zone)))
    except CronSimError as exc:
        raise ValueError(f"bad cron {settings.schedule!r}: {exc}") from None


def deployment(settings: Settings):
    next_run(settings)
    return nightly.to_deployment(
        name=settings.deployment,
        schedules=[Cron(settings.schedule, timezone=settings.timezone)],
        description="Ingest the inbox into the warehouse, validate, write the quality report.",
        tags=["budget-etl"],
    )


STARTED_POLL_S = 0.05  # how often a stop requested during start-up looks whether the runner is up


def _interrupt(*_) -> None:
    raise KeyboardInterrupt


class _Runner(Runner):
    def handle_sigterm(self, *args, **kwargs) -> None:
        """SIGTERM stops the polling loop from inside the event loop, so the runner leaves
        through its normal exit, which pauses the deployment (Prefect's own handler exits
        the process before that)."""
        loop = asyncio.get_event_loop()
        loop.call_soon_threadsafe(lambda: loop.create_task(self._stop_once_started()))

    async def _stop_once_started(self) -> None:
        """A SIGTERM between the handler's installation and the runner's start waits for the start
        (astop refuses a runner that has not started), so it is never lost or an error."""
        while not self.started and not self.stopping:
            await asyncio.sleep(STARTED_POLL_S)
        if self.started:
            await self.astop()


def serve_nightly(settings: Settings, on_ready: Callable[[str], None] = print) -> None:
    """Register the deployment and run its scheduled runs until SIGINT/SIGTERM; the schedule is
    paused on the way out so no run piles up while nothing serves it."""
    signal.signal(signal.SIGTERM, _interrupt)  # until the runner installs its handler
    import prefect.runner.server  # noqa: F401  Runner.start imports it first: a signal must not land inside that import

    runner = _Runner(pause_on_shutdown=True)
    deployment_id = runner.add_deployment(deployment(settings))
    on_ready(
        f"serving deployment nightly-ingestion/{settings.deployment}: cron '{settings.schedule}' "
        f"({settings.timezone}), next run {next_run(settings):%Y-%m-%d %H:%M %Z}; "
        f"inbox {settings.inbox} -> {settings.warehouse}"
    )
    try:
        asyncio.run(runner.start())
    except KeyboardInterrupt:
        asyncio.run(_pause(deployment_id))  # stopped before the runner was up to pause it itself


async def _pause(deployment_id) -> None:
    async with get_client() as client:
        await client.pause_deployment(deployment_id)
