"""Files that could not be ingested are copied aside with their error, for an operator to look at.

The inbox is left as it is (it may be a shared drop folder or the bundled samples); the copy
and ``<file>.error.txt`` beside it say what failed, at which stage and when.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path


def quarantine(path: Path, stage: str, message: str, folder: Path, copy: bool = True) -> Path:
    """A link is copied as the link, never as what it points to (it may lead outside the inbox)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / path.name
    if copy and (path.is_symlink() or path.exists()):
        target.unlink(missing_ok=True)
        shutil.copy2(path, target, follow_symlinks=False)
    when = datetime.now(UTC).isoformat(timespec="seconds")
    (folder / f"{path.name}.error.txt").write_text(
        f"file: {path}\nstage: {stage}\nerror: {message}\nwhen: {when}\n", encoding="utf-8"
    )
    return target
