"""Which files are disclosures, by suffix, in one place: what discovery takes from the inbox, how
extraction dispatches, which files may need OCR. Imports nothing (discovery runs without the parsers)."""

from __future__ import annotations

TEXT_SUFFIXES = frozenset({".txt", ".text", ".tsv"})
PDF_SUFFIXES = frozenset({".pdf"})
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff"})  # scans, read by OCR
SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES | IMAGE_SUFFIXES


def described() -> str:
    """The suffixes in words, for a person told which files are read."""
    return ", ".join(sorted(SUFFIXES))
