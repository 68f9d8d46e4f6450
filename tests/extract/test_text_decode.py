"""Encodings are detected, not assumed: the same disclosure reads the same in each."""

from decimal import Decimal as D

import pytest

from common.paths import SAMPLES
from extract.documents import parse_text
from extract.errors import EmptyDocument, UndecodableText
from extract.text_decode import decode_text
from transform.normalize import normalize_document

TEXT = (SAMPLES / "003_d15ab5ced7e0f0d4.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "encoding, data",
    [
        ("utf-8", TEXT.encode("utf-8")),
        ("utf-8-sig", TEXT.encode("utf-8-sig")),
        ("gb18030", TEXT.encode("gb18030")),
        ("utf-16", TEXT.encode("utf-16")),
        ("utf-16-le no BOM", TEXT.encode("utf-16-le")),
    ],
)
def test_sample_003_decodes_to_the_same_text(encoding, data):
    text, detected = decode_text(data)
    assert text.lstrip("\ufeff") == TEXT, detected


def test_gbk_text_is_read_as_gb18030():
    text, detected = decode_text("表5 一般公共预算支出表 单位：万元".encode("gbk"))
    assert text == "表5 一般公共预算支出表 单位：万元" and detected == "gb18030"


def test_empty_file_is_an_error():
    with pytest.raises(EmptyDocument):
        decode_text(b"  \n")


def test_a_utf16_file_cut_mid_character_is_a_clear_error():
    """Found by the byte fuzz run: the decoder's own UnicodeDecodeError used to escape."""
    data = TEXT.encode("utf-16")[:1001]
    with pytest.raises(
        UndecodableText, match=r"starts with a utf-16 byte-order mark but is not valid utf-16 at byte 1000 of 1001"
    ):
        decode_text(data)


def test_full_width_digits_and_non_breaking_spaces_in_a_space_aligned_table():
    text = (
        "表5\n一般公共预算支出表\n单位：万元\n功能科目编码 功能科目名称 合计 人员经费支出 公用经费支出\n"
        "** ** ** ** **\n合\u00a0计 ７８.９８ ７４.９８ ４\n２１０１５０１\u3000行政运行 ７８.９８ ７４.９８ ４\n"
    )
    doc = parse_text(text, "fw.txt")
    assert doc.tables[0].rows[1].cells == ("２１０１５０１", "行政运行", "７８.９８", "７４.９８", "４")
    facts = normalize_document(doc, "fw.txt").facts
    got = {(r["function_code"], r["measure"]): r["amount_yuan"] for r in facts.iter_rows(named=True)}
    assert got[("2101501", "personnel")] == D("749800.00") and got[("2101501", "operating")] == D("40000.00")
