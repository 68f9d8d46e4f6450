"""A staged document is one file of Arrow IPC streams back to back; each table's rows read back
as they were written, from its own slice of the file."""

from __future__ import annotations

import polars as pl

from common.paths import SAMPLES
from flows import staging, steps
from load import staged


def test_a_document_is_staged_as_one_file_whose_slices_read_back_each_table(tmp_path):
    sample = SAMPLES / "004_7a705042fb416c6b.txt"
    prepared = steps.prepare(sample, steps.fingerprint(sample))
    result = staging.stage(prepared, tmp_path)
    assert list(tmp_path.iterdir()) == [result.file]  # one file, nothing else
    streams = result.streams()
    assert streams["fact_budget_amount"].path == result.file
    assert all(s.offset % staged.ALIGNMENT == 0 for s in streams.values())
    facts = pl.from_arrow(staged.read([streams["fact_budget_amount"]])[0])
    assert facts.equals(prepared.normalized.facts)
    assert facts.height == prepared.normalized.facts.height > 0
    mapped: dict = {}
    tables = staged.read(list(streams.values()), mapped)
    assert list(mapped) == [result.file]  # the file mapped once for all its tables
    assert [t.num_rows for t in tables] == [
        (getattr(prepared.normalized, name) if name in staging.FRAMES else prepared.normalized.items[name]).height
        for name in ({v: k for k, v in staging.WAREHOUSE_TABLES.items()}.get(table, table) for table in streams)
    ]
    staging.discard(result)
    assert not any(tmp_path.iterdir())


def test_padding_starts_the_next_stream_on_an_eight_byte_boundary():
    assert [staged.padding(n) for n in (0, 1, 7, 8, 13)] == [0, 7, 1, 0, 3]
