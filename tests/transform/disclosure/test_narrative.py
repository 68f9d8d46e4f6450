from decimal import Decimal

import polars as pl

from transform.disclosure.narrative import sentence_facts


def test_staff_vehicles_and_operating_funds_of_zhashui(items):
    facts = items("柞水", "narrative_fact")
    staff = facts.filter(pl.col("line") == 66)
    assert staff.select("topic", "subject", "value").rows() == [
        ("staff_authorized", "人员编制", Decimal("15")),
        ("staff_authorized", "行政编制", Decimal("0")),
        ("staff_authorized", "事业编制", Decimal("15")),
        ("staff_actual", "实有人员", Decimal("15")),
        ("staff_retired", "离退休人员", Decimal("0")),
    ]
    assert staff["sentence"][0].startswith("截至上年底,本部门人员编制15人")
    funds = facts.filter(pl.col("topic") == "operating_funds").row(0, named=True)
    assert (funds["amount_yuan"], funds["line"]) == (Decimal("75000.00"), 162)


def test_lanshan_changes_and_office_cost(items):
    facts = items("兰山", "narrative_fact")
    changes = facts.filter(pl.col("topic") == "yoy_change", pl.col("line") == 377)
    assert changes.select("subject", "amount_yuan", "change_direction").rows() == [
        ("支出预算", Decimal("4287900.00"), "increase"),
        ("基本支出", Decimal("77900.00"), "increase"),
        ("项目支出", Decimal("4210000.00"), "increase"),
        ("结转下年", None, "flat"),
    ]
    office = facts.filter(pl.col("topic") == "office_operation_cost")
    assert office["amount_yuan"].to_list() == [Decimal("369800.00")]
    assert facts.filter(pl.col("topic") == "vehicles").height == 6


def test_a_change_after_an_enumeration_belongs_to_the_first_clause():
    facts = sentence_facts(
        "本部门当年预算收入 301.43 万元,其中一般公共预算拨款收入 301.43 万元、政府性基金拨款收入 0 万元,较上年减少 12.25 万元"
    )
    assert [(f["subject"], f["amount_yuan"], f["change_direction"]) for f in facts] == [
        ("本部门当年预算收入", Decimal("122500.00"), "decrease")
    ]


def test_no_change_without_last_year():
    assert sentence_facts("支出预算增加 5 万元") == []


def test_office_operation_cost_worded_as_arranged_in_total(items):
    facts = items("固安", "narrative_fact").filter(pl.col("topic") == "office_operation_cost")
    assert facts.select("amount_yuan", "line").rows() == [(Decimal("508100.00"), 427)]
