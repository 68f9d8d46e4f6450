"""The ready answers of sql/analyst/ on the real corpus (README "Ready answers")."""

from decimal import Decimal

from load import sql_files

WANLI = "上海市普陀区人民政府万里街道办事处"


def _answer(corpus_query, name, params=None):
    return corpus_query(sql_files.read(f"analyst/{name}.sql"), params)


def _wanli_id(corpus_query):
    (row,) = corpus_query("SELECT department_id FROM dim_department WHERE department = ?", [WANLI])
    return row["department_id"]


def test_a_departments_spending_by_function_class_over_its_years(corpus_query):
    rows = _answer(corpus_query, "department_function_classes", [_wanli_id(corpus_query)])
    by = {(r["class_code"], r["fiscal_year"]): r["amount_yuan"] for r in rows}
    assert (by[("212", 2023)], by[("212", 2024)]) == (Decimal("121319878.00"), Decimal("119385303.00"))
    assert (by[("208", 2023)], by[("208", 2024)]) == (Decimal("27073236.00"), Decimal("19604064.00"))
    assert by[("205", 2024)] == Decimal("250000.00") and ("205", 2023) not in by  # 教育支出 only in 2024


def test_a_places_departments_ranked_by_a_subject(corpus_query):
    for place in ("310107", "310000"):  # 普陀区, and all of 上海市
        rows = _answer(corpus_query, "place_departments_ranked", [place, "2080505", 2024])
        assert [(r["rank"], r["department"], r["amount_yuan"]) for r in rows] == [
            (1, WANLI, Decimal("4608515.00")),
            (2, "上海市普陀区社会福利院", Decimal("767579.00")),
        ]
    assert _answer(corpus_query, "place_departments_ranked", ["611000", "2080505", 2024]) == []  # 商洛市: none here


def test_the_departments_whose_three_public_grew(corpus_query):
    rows = _answer(corpus_query, "three_public_growth")
    assert [
        (
            r["department"],
            r["previous_year"],
            r["fiscal_year"],
            r["previous_yuan"],
            r["amount_yuan"],
            r["change_yuan"],
            r["change_pct"],
        )
        for r in rows
    ] == [(WANLI, 2023, 2024, Decimal("229100.00"), Decimal("479100.00"), Decimal("250000.00"), Decimal("109.1"))]
