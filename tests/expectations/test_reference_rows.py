"""expectations.checks.reference on hand-made facts: every printed code occurrence is a row, and
unknown codes are summed up once per document (scheme by scheme)."""

from __future__ import annotations

import polars as pl

from expectations.checks.reference import decode_unknown, encode_unknown, reference_rows
from tests.expectations.handmade import document, frames


def _rows(*docs):
    facts, _ = frames(*docs)
    return reference_rows(facts)


def test_known_codes_give_no_summary_row():
    rows = _rows(document("clean.txt"))
    assert rows.filter(pl.col("unknown_codes").is_not_null()).height == 0
    assert set(rows["name_status"]) == {"match"}


def test_unknown_codes_are_listed_once_per_document_and_scheme():
    unknown = document("unknown.txt", unknown=True)
    again = [dict(f, table_index=2, table_title="一般公共预算支出表（续）") for f in unknown if f["table_index"] == 1]
    for f in again:  # the same unknown codes printed in a second table, and one 部门 economic code the reference lacks
        if f["row_index"] == 6:
            f.update(economic_scheme="department", economic_code="30298", economic_name="测试费")
    rows = _rows(unknown + again, document("clean.txt"))
    occurrences = rows.filter(pl.col("name_status") == "unknown_code")
    assert occurrences.height == 5  # 2101597 twice, 2101598 twice, 30298 once
    summary = rows.filter(pl.col("unknown_codes").is_not_null())
    assert summary.select("source_file", "unknown_codes").rows() == [("unknown.txt", "function=2101597,2101598;department=30298")]
    assert summary.select("table_index", "row_index", "code", "name_status").rows() == [(None, None, None, None)]


def test_unknown_codes_encoding_round_trips_in_scheme_order():
    text = encode_unknown({"government": {"50999"}, "function": {"2129999", "2013901"}})
    assert text == "function=2013901,2129999;government=50999"
    assert decode_unknown(text) == [("function", ["2013901", "2129999"]), ("government", ["50999"])]
