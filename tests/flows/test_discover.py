"""What a folder of disclosures yields: files to read in a stable order, and every other entry
named with the reason it is not read (flows/steps.discover)."""

import os
from pathlib import Path

import pytest

from flows import steps


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    root = tmp_path / "inbox"
    (root / "b" / "c").mkdir(parents=True)
    (root / ".cache").mkdir()
    (root / "z.txt").write_text("x")
    (root / "a.PDF").write_text("x")
    (root / "b" / "c" / "deep.txt").write_text("x")
    (root / "b" / "z.txt").write_text("x")  # a second z.txt: the first by path is read
    (root / ".cache" / "old.txt").write_text("x")
    (root / "notes.docx").write_text("x")
    outside = tmp_path / "secret.txt"
    outside.write_text("x")
    (root / "leak.txt").symlink_to(outside)
    (root / "inside.txt").symlink_to(root / "b" / "c" / "deep.txt")
    (root / "gone.txt").symlink_to(root / "nothing.txt")
    (root / "linked").symlink_to(tmp_path, target_is_directory=True)  # a linked folder: not walked
    os.mkfifo(root / "pipe.txt")
    return root


def test_files_are_read_in_name_order_and_the_rest_named(inbox: Path):
    found = steps.discover([inbox])
    assert [str(p.relative_to(inbox)) for p in found.files] == ["a.PDF", "b/c/deep.txt", "inside.txt", "b/z.txt"]
    assert found.ignored == [".cache/old.txt", "notes.docx"]
    assert [(f.source_file, f.message.split(" (")[0]) for f in found.refused] == [
        ("gone.txt", "refused: not a regular file"),
        ("leak.txt", f"refused: the link leads outside {inbox}"),
        ("pipe.txt", "refused: not a regular file"),
    ]
    first = str(inbox / "b" / "z.txt")
    assert [(d.path, d.message.split(" has")[0]) for d in found.duplicates] == [(str(inbox / "z.txt"), first)]


def test_a_folder_that_cannot_be_listed_is_refused_not_passed_over(inbox: Path, monkeypatch):
    real = os.scandir

    def scandir(path):
        if Path(path).name == "c":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(steps.os, "scandir", scandir)
    found = steps.discover([inbox])
    assert "b/c/deep.txt" not in [str(p.relative_to(inbox)) for p in found.files]
    assert [f.message for f in found.refused if f.source_file == "c"] == ["refused: cannot list the folder (Permission denied)"]
