"""The ingestion flow: discover -> fingerprint -> prepare in parallel tasks -> one writer loads."""
from __future__ import annotations

from pathlib import Path

from prefect import flow, task
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from budget_etl import PARSER_VERSION, report
from flows import steps
from flows.validate import validate
from load.warehouse import Warehouse


@task(name="prepare-document", retries=0)
def prepare_task(path: Path, sha256: str) -> steps.Prepared | steps.Failure:
    return steps.prepare(path, sha256)


@flow(name="ingest-disclosures", log_prints=True)
def ingest_flow(paths: list[Path], warehouse_path: Path, force: bool = False,
                show_progress: bool = False, reports_dir: Path | None = None) -> steps.RunSummary:
    """Ingest every disclosure under `paths` into the warehouse (unchanged files are skipped),
    then validate what was loaded and write the quality report to `reports_dir`."""
    files = steps.discover([Path(p) for p in paths])
    summary = steps.RunSummary()
    with Warehouse(warehouse_path) as wh:
        todo: list[tuple[Path, str, bool]] = []
        for path in files:
            sha = steps.fingerprint(path)
            loaded = wh.loaded_fingerprint(path.name)
            if loaded == (sha, PARSER_VERSION) and not force:
                summary.unchanged.append(path.name)
            else:
                todo.append((path, sha, loaded is not None))
        futures = [prepare_task.submit(path, sha) for path, sha, _ in todo]
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      disable=not show_progress, transient=False) as progress:
            bar = progress.add_task("loading documents", total=len(todo))
            for (path, _, previously), future in zip(todo, futures):
                progress.update(bar, description=f"loading {path.name}")
                steps.load(wh, future.result(), summary, previously)
                progress.advance(bar)
            progress.update(bar, description="loaded")
        loaded = summary.new + summary.changed
        if reports_dir is not None:
            if loaded:
                summary.validation = validate(wh, loaded, reports_dir)  # the single writer validates what it loaded
            summary.report = report.write(report.gather(wh, reports_dir / "data_docs" / "index.html"), reports_dir)
    return summary
