"""The synthetic corpus: documents the pipeline reads as the manifest says, deterministically."""

from __future__ import annotations

import json
from decimal import Decimal

from bench.synthetic import rewrite
from bench.synthetic.corpus import Params, generate, place_name, plan
from common.paths import SAMPLES
from extract.documents import read_document
from transform.normalize import normalize_document

TEMPLATE = {"001": "001_62df1c6f39ffdb6f.txt", "002": "002_43a13e6a8c0a6925.txt"}


def test_amounts_scale_exactly_in_their_printed_form():
    assert rewrite.scale_amount("1,234.56", 3) == "3,703.68"
    assert rewrite.scale_amount("609.69", 9) == "5487.21"
    assert rewrite.scale_amount("913800", 2) == "1827600"
    assert rewrite.scale_amount("0.00", 7) == "0.00"


def test_a_growing_figure_takes_its_width_from_the_spaces_before_it():
    line = "30102   工资奖金 50501 工资福利支出     65.91     65.91"
    scaled = rewrite.scale_line(line, {"65.91"}, 3)
    assert scaled == "30102   工资奖金 50501 工资福利支出    197.73    197.73"
    assert len(scaled) == len(line)
    assert rewrite.scale_line("30102 50501 38", {"65.91"}, 3) == "30102 50501 38"  # codes are not amounts


def test_years_move_with_the_budget_year():
    text = "2024 年部门预算\n预算年度：2024\n2023年预算数\t2024年预算数\n合计\t2024.50"
    assert rewrite.shift_years(text, -2) == "2022 年部门预算\n预算年度：2022\n2021年预算数\t2022年预算数\n合计\t2024.50"


def test_place_names_are_distinct_per_department():
    names = [place_name(i, "县") for i in range(5000)]
    assert len(set(names)) == 5000
    assert names[0] == "青山县"


def test_the_plan_is_deterministic_from_the_seed():
    a, b, c = plan(Params(20, 3, seed=7)), plan(Params(20, 3, seed=7)), plan(Params(20, 3, seed=8))
    assert a == b and a != c
    assert len(a) == 60 and {p.fiscal_year for p in a} == {2023, 2024, 2025}
    assert {p.template for p in a} == {"000", "001", "002", "003", "004"}


def test_every_text_document_yields_what_the_manifest_says(tmp_path):
    rows = generate(Params(departments=5, years=2, seed=3, pdf_share=0.0), tmp_path)
    assert [r["template"] for r in rows[::2]] == ["000", "001", "002", "003", "004"]
    for row in rows:
        path = tmp_path / row["file_name"]
        doc = read_document(path)
        facts = normalize_document(doc, path.name).facts
        assert (doc.department, doc.fiscal_year) == (row["department"], row["fiscal_year"])
        assert facts.height == row["facts"]
        assert sum(facts["amount_yuan"].to_list(), Decimal(0)) == Decimal(row["total_yuan"])
    manifest = [json.loads(line) for line in (tmp_path / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    assert manifest == rows
    assert generate(Params(departments=5, years=2, seed=3, pdf_share=0.0), tmp_path) == rows  # reused


def test_a_synthetic_department_prints_the_templates_figures_times_its_factor(tmp_path):
    rows = generate(Params(departments=2, years=1, seed=1, pdf_share=0.0), tmp_path)
    lanshan = next(r for r in rows if r["template"] == "001")
    assert lanshan["department"] == "白山区医疗保障局机关"
    text = (tmp_path / lanshan["file_name"]).read_text(encoding="utf-8")
    total = rewrite.scale_amount("11,290.59", lanshan["factor"])  # 001's 一般公共预算拨款收入, 万元
    assert f"一般公共预算拨款收入\t{total}" in text
    assert "兰山区" not in text and "白山区" in text


def test_projects_and_three_public_scale_with_the_facts(tmp_path):
    """The other fact tables' amounts grow by the same factor, so project_sum and
    three_public_sum still hold in a synthetic document."""
    rows = [r for r in generate(Params(departments=5, years=1, seed=3, pdf_share=0.0), tmp_path) if r["template"] in TEMPLATE]
    assert {r["template"] for r in rows} == set(TEMPLATE) and all(r["factor"] > 1 for r in rows)
    for row in rows:
        got = normalize_document(read_document(tmp_path / row["file_name"]), row["file_name"])
        template = normalize_document(read_document(SAMPLES / TEMPLATE[row["template"]]), "t.txt")
        for table in ("fact_project_amount", "fact_three_public"):
            assert got.items[table]["amount_yuan"].to_list() == [
                v * row["factor"] for v in template.items[table]["amount_yuan"].to_list()
            ], (row["template"], table)
