"""Properties of the amount parser, the code normalizer and the header-path mapper, over
inputs hypothesis makes up (printed forms of amounts, split codes, spanning headers)."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from extract.cells import normalize_label
from transform.amounts import UNIT_FACTORS, is_blank, parse_amount, to_yuan
from transform.codes import CODE, SplitCodeAssembler, level_of, parent_of, scheme_of, strip_numbering
from transform.headers import column_paths, fund_of, measure_of

settings.register_profile("ci", max_examples=300, deadline=None)
settings.load_profile("ci")

cents = st.decimals(
    min_value=Decimal("-99999999999.99"), max_value=Decimal("99999999999.99"), places=2, allow_nan=False, allow_infinity=False
)
FULL_WIDTH = str.maketrans("0123456789,.-", "０１２３４５６７８９，．－")


def printed_forms(value: Decimal) -> st.SearchStrategy[str]:
    """How a document may print an amount: with or without thousands separators, full-width
    digits, spaces around or inside it."""
    plain, grouped = f"{value:.2f}", f"{value:,.2f}"
    return st.sampled_from([plain, grouped, grouped.translate(FULL_WIDTH), f" {grouped}\u3000", plain.replace(".", " .")])


@given(st.data(), cents)
@example(None, Decimal("11290.59"))
def test_a_printed_amount_parses_to_exactly_its_value(data, value):
    text = data.draw(printed_forms(value)) if data else "11,290.59"
    assert parse_amount(text) == value


@given(cents, st.sampled_from(sorted(UNIT_FACTORS)))
def test_conversion_to_yuan_is_exact(value, unit):
    assert to_yuan(value, unit) == value * UNIT_FACTORS[unit]


@given(st.decimals(min_value=Decimal("0.001"), max_value=Decimal("99999"), places=3))
def test_a_sub_cent_amount_in_yuan_is_refused_not_rounded(value):
    converted = to_yuan(value, "元")
    assert converted == value if value == value.quantize(Decimal("0.01")) else converted is None


@given(st.text(max_size=30))
@example("—")
@example("1,2,3")
@example("１２.")
def test_any_cell_text_gives_a_decimal_or_nothing_and_blank_is_never_zero(text):
    value = parse_amount(text)
    assert value is None or isinstance(value, Decimal)
    if is_blank(text):
        assert value is None
    if value is not None:
        squashed = "".join(unicodedata.normalize("NFKC", text).split()).replace(",", "")
        assert Decimal(squashed) == value


codes_7 = st.from_regex(r"[235][0-9]{6}", fullmatch=True)


@given(
    codes_7,
    st.lists(st.from_regex(r"[0-9]{2}", fullmatch=True), min_size=1, max_size=4),
    st.lists(st.from_regex(r"[0-9]{2}", fullmatch=True), min_size=1, max_size=4),
)
def test_split_code_columns_carry_class_and_item_down(code, items, subs):
    """类|款|项 printed once and carried down: each row's code is its class + item + own part."""
    rows = [[code[:3], code[3:5], code[5:]]] + [["", item, ""] for item in items] + [["", "", s] for s in subs]
    assembler = SplitCodeAssembler()
    got = [assembler.code(row) for row in rows]
    assert got[0] == code
    assert got[1 : 1 + len(items)] == [code[:3] + item for item in items]
    assert got[1 + len(items) :] == [code[:3] + items[-1] + s for s in subs]
    assert all(CODE.match(c) for c in got)


@given(codes_7, st.sampled_from(["", " ", "\u3000"]))
def test_full_width_or_spaced_code_parts_give_the_same_code(code, space):
    parts = [space + p.translate(FULL_WIDTH) + space for p in (code[:3], code[3:5], code[5:])]
    assert SplitCodeAssembler().code(parts) == code


@given(st.lists(st.text(alphabet="0123456789xX-. ", max_size=4), min_size=1, max_size=3))
def test_split_code_parts_that_are_not_digits_give_no_code(parts):
    code = SplitCodeAssembler().code(parts)
    assert code is None or (CODE.match(code) and code.isdigit())


@given(codes_7)
def test_a_code_rolls_up_item_to_section_to_class(code):
    section, cls = parent_of(code), parent_of(parent_of(code))
    assert (section, cls, parent_of(cls)) == (code[:5], code[:3], None)
    assert [level_of(c) for c in (code, section, cls)] == ["项", "款", "类"]
    assert scheme_of(code) == scheme_of(cls) == {"2": "function", "3": "department", "5": "government"}[code[0]]


names = st.text(alphabet="社会保障和就业支出行政事业单位养老医疗", min_size=1, max_size=12)
NUMBERING = ["一、", "十二、", "七.", "十二．", "1、", "3.", "(1)", "（二）", "其中：", "其中:"]


@given(st.sampled_from(NUMBERING), names)
def test_numbering_before_a_name_is_not_part_of_it(numbering, name):
    assert strip_numbering(numbering + name) == strip_numbering(name) == normalize_label(name)


header_words = st.text(alphabet="甲乙丙丁戊己庚辛壬癸", min_size=1, max_size=4)


@given(st.lists(st.tuples(header_words, st.lists(header_words, min_size=1, max_size=4, unique=True)), min_size=1, max_size=5))
def test_a_header_printed_once_over_its_sub_headers_heads_each_of_them(groups):
    top, below = [], []
    for label, subs in groups:
        top += [label] + [""] * (len(subs) - 1)
        below += subs
    paths = column_paths([tuple(top), tuple(below)], len(below))
    assert paths == [(label, sub) for label, subs in groups for sub in subs]


measure_words = st.sampled_from(["人员经费", "公用经费", "基本支出", "项目支出", "结转下年", "经营支出"])
fund_words = st.sampled_from(["一般公共预算", "政府性基金", "财政专户", "事业收入", "上级补助", "其他收入"])


@given(st.lists(header_words, max_size=2), measure_words, st.lists(header_words, max_size=2))
def test_the_measure_is_the_nearest_to_leaf_header_that_names_one(above, word, below):
    expected = measure_of((word,), "none")
    assert expected != "none"
    assert measure_of((*above, word, *below), "total") == expected
    assert measure_of(tuple(above + below), "total") == "total"


@given(fund_words, fund_words)
def test_a_fund_named_nearer_the_leaf_wins(parent, leaf):
    assert fund_of((parent, leaf), "all") == fund_of((leaf,), "all") != "all"
