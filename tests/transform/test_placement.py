"""Placing numbers whose empty cells vanished, from the arithmetic the table carries."""

from decimal import Decimal as D
from itertools import product

from hypothesis import given
from hypothesis import strategies as st

from extract.model import RawRow
from transform.headers import Column
from transform.placement import (
    Identity,
    Row,
    _allowed_by_reach,
    _allowed_by_sumsets,
    _identity_check,
    _identity_holds,
    _near,
    _sumsets,
    solve,
)
from transform.token_rows import align_detail

# 表5 of sample 003: 合计 | 人员经费支出 | 公用经费支出 | 专项业务经费支出
COLUMNS = [
    Column(0, ("功能科目编码",), "code"),
    Column(1, ("功能科目名称",), "name"),
    Column(2, ("合计",), "amount", "total", "general_budget"),
    Column(3, ("人员经费支出",), "amount", "personnel", "general_budget"),
    Column(4, ("公用经费支出",), "amount", "operating", "general_budget"),
    Column(5, ("专项业务经费支出",), "amount", "project", "general_budget"),
    Column(6, ("备注",), "text"),
]


def rows(*lines):
    return [RawRow(tuple(line.split()), n) for n, line in enumerate(lines, start=1)]


def test_table5_rows_are_placed_by_identity_and_column_sums():
    out = align_detail(
        rows(
            "合计 364.89 297.39 11.5 56",
            "208 社会保障和就业支出 26.52 5.52 21",
            "20801 人力资源和社会保障管理事务 26.52 5.52 21",
            "210 卫生健康支出 338.37 291.87 11.5 35",
            "21015 医疗保障管理事务 176.09 164.09 7 5",
            "2101501 行政运行 78.98 74.98 4",
            "2101550 事业运行 97.11 89.11 3 5",
        ),
        COLUMNS,
    )
    assert out.ambiguous == []
    # 208: 26.52 = 5.52 + 21, and 公用 of the 合计 row is all 210's, so 21 is 专项
    assert out.rows[1].cells == ("208", "社会保障和就业支出", "26.52", "5.52", "", "21", "")
    # 2101501: 21015's 人员 164.09 - 89.11 and 公用 7 - 3 leave 74.98 and 4: no 专项
    assert out.rows[5].cells == ("2101501", "行政运行", "78.98", "74.98", "4", "", "")
    assert out.methods[5] == "arithmetic:column_sums+row_identity"
    assert out.methods[6] == "all_columns_printed"


def test_a_row_the_arithmetic_cannot_decide_is_not_guessed():
    out = align_detail(rows("2101501 行政运行 78.98 74.98 4"), COLUMNS)
    # identity alone allows 人员+公用, 人员+专项 or 公用+专项 for 74.98 and 4
    assert out.rows[0].cells[2] == "78.98"
    assert [(a.text, len(a.candidates)) for a in out.ambiguous] == [("74.98", 2), ("4", 2)]
    assert out.methods == ["ambiguous"]


def test_sibling_table_blank_rules_out_a_column():
    siblings = {
        ("2101501", None, None, "operating", "general_budget"): None,
        ("2101501", None, None, "personnel", "general_budget"): D("74.98"),
    }
    out = align_detail(rows("2101501 行政运行 78.98 74.98 4"), COLUMNS, siblings)
    assert out.rows[0].cells[2:6] == ("78.98", "74.98", "", "4")
    assert out.methods == ["arithmetic:row_identity+sibling_tables"]


def test_the_placement_names_the_sibling_figures_it_looked_up():
    key = ("2101501", None, None, "operating", "general_budget")
    out = align_detail(rows("2101501 行政运行 78.98 74.98 4"), COLUMNS, {key: None, ("999", None, None, "x", "y"): D(1)})
    assert key in out.consulted and ("999", None, None, "x", "y") not in out.consulted


def test_a_parent_that_does_not_add_up_is_set_aside_not_trusted():
    r = [Row([D("10")], 2), Row([D("3")], 2), Row([D("4")], 2)]
    outcome = solve(r, [], [(0, [1, 2])])
    assert outcome.set_aside and all(len(x.candidates) == 2 for x in r)


def test_identity_allows_half_a_cent_of_rounding_per_cell_but_not_an_error():
    r = Row([D("10.01"), D("3.33"), D("6.67")], 4)
    solve([r], [Identity(0, (1, 2, 3))], [])
    assert set(r.candidates) == {(0, 1, 2), (0, 1, 3), (0, 2, 3)}
    wrong = Row([D("11.00"), D("3.33"), D("6.67")], 4)
    outcome = solve([wrong], [Identity(0, (1, 2, 3))], [])
    assert len(wrong.candidates) == 4 and outcome.set_aside == ["row_identity of a row printing 11.00 3.33 6.67"]


@given(st.lists(st.sets(st.integers(-50, 50), max_size=3), max_size=6), st.integers(-200, 200), st.integers(0, 3))
def test_sums_over_the_other_rows_are_every_sum_of_one_value_from_each(value_sets, target, tol):
    whole, without = _sumsets(value_sets)

    def near(sets):
        return any(abs(sum(pick) - target) <= tol for pick in product(*sets))

    assert _near(whole, target, tol) == near(value_sets)
    for i, sums in enumerate(without):
        assert _near(sums, target, tol) == near(value_sets[:i] + value_sets[i + 1 :])


@given(
    st.lists(st.sets(st.integers(-50, 50), max_size=3), max_size=6),
    st.sets(st.integers(-200, 200), max_size=3),
    st.integers(0, 3),
)
def test_a_slot_allows_the_values_some_choice_of_the_others_adds_up_with(children, parent, tol):
    def adds_up(sets, target):
        return any(abs(sum(pick) - target) <= tol for pick in product(*sets))

    expected = [
        {p for p in parent if adds_up(children, p)},
        *(
            {v for v in mine if any(adds_up(children[:i] + children[i + 1 :], p - v) for p in parent)}
            for i, mine in enumerate(children)
        ),
    ]
    assert _allowed_by_sumsets(children, parent, tol) == expected
    if all(children):  # the reach is only asked when no set is empty
        assert _allowed_by_reach(children, parent, tol) == expected


@given(
    st.lists(st.decimals(-100, 100, places=2), min_size=1, max_size=4),
    st.integers(0, 4),
    st.lists(st.integers(0, 5), min_size=1, max_size=5, unique=True),
)
def test_an_identity_read_from_the_row_numbers_agrees_with_one_read_from_its_slots(numbers, total, parts):
    row = Row(numbers, 6)
    identity = Identity(total, tuple(p for p in parts if p != total) or (5 - total,))
    holds = _identity_check(identity)
    assert all(holds(row, c) == _identity_holds(row.values(c), identity) for c in row.candidates)
