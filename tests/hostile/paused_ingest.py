"""`budget-etl ingest` that stops inside the loading transaction of one document (or of the
batch of documents holding it), for the crash and concurrency tests: usage
``python paused_ingest.py <file name> <marker> [ingest args]``.

When the document's rows are inserted but not committed, it writes the marker file (its pid)
and sleeps, so a test can start a second run, query, or SIGKILL it right there."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from load.warehouse import Warehouse


def main() -> None:
    target, marker, *args = sys.argv[1:]
    load_document, append = Warehouse.load_document, Warehouse._append
    load_staged, append_staged = Warehouse.load_staged, Warehouse._append_staged

    def pause() -> None:
        Path(marker).write_text(str(os.getpid()), encoding="utf-8")
        time.sleep(600)

    def paused_load(self, record, *rest, **kwargs):
        if record.source_file == target:

            def append_then_pause(table, frame):
                append(self, table, frame)
                if table == "fact_budget_amount":
                    pause()

            self._append = append_then_pause
        return load_document(self, record, *rest, **kwargs)

    def paused_staged(self, documents, streams):
        if any(record.source_file == target for record, _ in documents):

            def append_then_pause(table, where, mapped=None):
                append_staged(self, table, where, mapped)
                if table == "fact_budget_amount":
                    pause()

            self._append_staged = append_then_pause
        return load_staged(self, documents, streams)

    Warehouse.load_document = paused_load
    Warehouse.load_staged = paused_staged
    from budget_etl.cli import app

    sys.argv = ["budget-etl", "ingest", *args]
    app()


if __name__ == "__main__":
    main()
