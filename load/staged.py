"""Where a staged document's rows of one table are (flows/staging.py writes them), and reading them.

A worker stages a document as one file: each table's rows an Arrow IPC stream, the streams back
to back. One file a document, not one a table: in the nightly every file created, written and
removed cost ~1 ms of CPU (a dozen a document were ~10 ms of a worker's ~75; created beside the
writer's commits and removals, each cost five to eight times what it costs alone; issue 24).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pyarrow as pa
import pyarrow.ipc as ipc

# Arrow's IPC messages are padded to 8 bytes; streams start on such a boundary in their file so
# that the buffers read from a memory map stay aligned (no copy).
ALIGNMENT = 8


class StagedStream(NamedTuple):
    path: Path
    offset: int
    length: int


def read(streams: list[StagedStream], mapped: dict[Path, pa.Buffer] | None = None) -> list[pa.Table]:
    """The tables of the streams, each file memory-mapped once (into `mapped`, when given, for the
    next tables of the same files; the tables keep their map alive)."""
    mapped = {} if mapped is None else mapped
    out = []
    for s in streams:
        if s.path not in mapped:
            with pa.memory_map(str(s.path)) as source:
                mapped[s.path] = source.read_buffer()
        out.append(ipc.open_stream(mapped[s.path].slice(s.offset, s.length)).read_all())
    return out


def padding(length: int) -> int:
    """Bytes after a stream of `length` bytes so that the next one starts aligned."""
    return -length % ALIGNMENT
