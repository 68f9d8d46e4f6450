"""The warehouse's reads over some documents: the row-group range each carries changes no row."""

import re
from pathlib import Path

from load.warehouse import Warehouse

ROOT = Path(__file__).resolve().parents[2]
FIRST, LAST = "000_5cfcfeb062623b8f.txt", "004_7a705042fb416c6b.txt"  # 001-003 lie between them by name


def test_documents_between_the_ones_asked_for_are_not_read(sample_warehouse):
    with Warehouse(sample_warehouse, read_only=True) as wh:
        facts, tables, _ = wh.check_inputs([LAST, FIRST])
        alone = {f: wh.check_inputs([f])[0].height for f in (FIRST, LAST)}
        documents = wh.check_documents([FIRST, LAST])
    assert set(facts["source_file"]) == set(tables["source_file"]) == {FIRST, LAST}
    assert alone == {FIRST: 231, LAST: 59} and facts.height == 231 + 59
    assert documents["source_file"].to_list() == [FIRST, LAST]


# a files parameter's list_contains not followed by its range
BARE = r"list_contains\((\$\d+), ((?:\w+\.)?source_file)\)(?! AND \2 BETWEEN list_min\(\1\) AND list_max\(\1\))"


def test_every_query_over_some_documents_carries_their_range():
    """`list_contains($n, source_file)` alone scans every row group of the table (load/reads.files_param)."""
    paths = [*(ROOT / "sql").rglob("*.sql"), ROOT / "load" / "warehouse.py"]
    texts = {p: re.sub(r'"\s*\n\s*"', "", p.read_text(encoding="utf-8")) for p in paths}  # Python's joined literals as one
    bare = [(p.relative_to(ROOT).as_posix(), m[0]) for p, text in texts.items() for m in re.finditer(BARE, text)]
    assert bare == []
    assert sum(text.count("BETWEEN list_min(") for text in texts.values()) >= 18
