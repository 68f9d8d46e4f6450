"""Department identity without a database: which printed names are one department, and the
operator's overrides (transform/department_identity.py)."""

from transform import department_identity as identity
from transform.department_names import key


def _row(source_file, name, region, year=2024, source="document", unit_code=None):
    return {
        "source_file": source_file,
        "name_printed": name,
        "source": source,
        "region": region,
        "unit_code": unit_code,
        "fiscal_year": year,
    }


def _ids(aliases):
    return {(a["source_file"], a["name_printed"]): a["department_id"] for a in aliases}


def test_the_key_drops_width_spaces_the_place_the_party_prefix_and_the_own_level_suffixes():
    assert key("兰山区医疗保障局机关", ("兰山区",)) == key("兰山区医疗保障局", ("兰山区",)) == "医疗保障局"
    assert key("上海市普陀区 财政局（本级）", ("上海市", "普陀区")) == "财政局"
    assert key("中共上海市普陀区委社会工作部", ("上海市普陀区",)) == key("上海市普陀区委社会工作部", ("上海市普陀区",))


def test_the_same_bare_name_in_two_counties_is_two_departments():
    aliases, departments = identity.identify([_row("a.txt", "医疗保障局", "固安县"), _row("b.txt", "医疗保障局", "镇安县")])
    ids = _ids(aliases)
    assert ids[("a.txt", "医疗保障局")] != ids[("b.txt", "医疗保障局")]
    assert sorted((d["county"], d["division_code"]) for d in departments) == [("固安县", "131022"), ("镇安县", "611025")]


def test_spellings_in_one_place_are_one_department_and_say_how_they_matched():
    aliases, departments = identity.identify(
        [_row("2023.txt", "兰山区医疗保障局机关", "兰山区", 2023), _row("2024.txt", "兰山区医疗保障局", "兰山区", 2024)]
    )
    (department,) = departments
    assert (department["department"], department["first_year"], department["last_year"], department["n_names"]) == (
        "兰山区医疗保障局",
        2023,
        2024,
        2,
    )
    assert {a["name_printed"]: a["matched_by"] for a in aliases} == {
        "兰山区医疗保障局": "exact",
        "兰山区医疗保障局机关": "normalized_name",
    }


def test_a_name_whose_place_is_unknown_merges_with_nothing_else():
    aliases, _ = identity.identify([_row("a.txt", "财政局", None), _row("b.txt", "财政局", None)])
    assert len(set(_ids(aliases).values())) == 2


def test_a_unit_code_joins_a_renamed_department_only_within_its_place():
    aliases, _ = identity.identify(
        [
            _row("2020.txt", "固安县医疗保险管理中心", "固安县", 2020, unit_code="362"),
            _row("2024.txt", "固安县医疗保障局", "固安县", 2024, unit_code="362"),
            _row("x.txt", "镇安县医疗保障局", "镇安县", 2024, unit_code="362"),
        ]
    )
    ids = _ids(aliases)
    assert (
        ids[("2020.txt", "固安县医疗保险管理中心")] == ids[("2024.txt", "固安县医疗保障局")] != ids[("x.txt", "镇安县医疗保障局")]
    )
    assert {a["name_printed"]: a["matched_by"] for a in aliases}["固安县医疗保险管理中心"] == "unit_code"


def test_similar_names_are_not_merged_but_an_override_merges_them(tmp_path):
    rows = [_row("2023.txt", "兰山区医保局", "兰山区", 2023), _row("2024.txt", "兰山区医疗保障局", "兰山区", 2024)]
    assert len(set(_ids(identity.identify(rows)[0]).values())) == 2
    overrides = tmp_path / "department_overrides.csv"
    overrides.write_text(
        "action,name_printed,source_file,target_name,target_source_file,reason\n"
        "# one comment line\n"
        "merge,兰山区医保局,,兰山区医疗保障局,,short name on the 2023 cover\n",
        encoding="utf-8",
    )
    aliases, departments = identity.identify(rows, identity.read_overrides(overrides))
    assert len(departments) == 1 and departments[0]["department"] == "兰山区医疗保障局"
    assert {a["name_printed"]: a["matched_by"] for a in aliases} == {"兰山区医保局": "override", "兰山区医疗保障局": "exact"}


def test_an_override_splits_one_document_off_its_namesakes(tmp_path):
    rows = [_row("2020.txt", "镇安县医疗保障局", "镇安县", 2020), _row("2024.txt", "镇安县医疗保障局", "镇安县", 2024)]
    before = _ids(identity.identify(rows)[0])
    assert before[("2020.txt", "镇安县医疗保障局")] == before[("2024.txt", "镇安县医疗保障局")]
    overrides = tmp_path / "department_overrides.csv"
    overrides.write_text(
        "action,name_printed,source_file,target_name,target_source_file,reason\n"
        "split,镇安县医疗保障局,2020.txt,,,another body of the same name before the reform\n",
        encoding="utf-8",
    )
    aliases, departments = identity.identify(rows, identity.read_overrides(overrides))
    after = _ids(aliases)
    assert after[("2020.txt", "镇安县医疗保障局")] != after[("2024.txt", "镇安县医疗保障局")]
    assert after[("2024.txt", "镇安县医疗保障局")] == before[("2024.txt", "镇安县医疗保障局")]  # the rest keeps its id
    assert sorted((d["first_year"], d["last_year"]) for d in departments) == [(2020, 2020), (2024, 2024)]


def test_ids_do_not_depend_on_the_order_of_the_rows():
    rows = [
        _row("a.txt", "兰山区医疗保障局机关", "兰山区"),
        _row("b.txt", "兰山区医疗保障局", "兰山区", 2023),
        _row("c.txt", "柞水县医疗保险经办机构", "柞水县"),
    ]
    assert identity.identify(rows) == identity.identify(list(reversed(rows)))


def _claim(source_file, parent, evidence="project 主管部门"):
    return {"source_file": source_file, "parent_name": parent, "evidence": evidence}


def test_a_unit_is_linked_to_the_department_its_projects_name_when_that_department_is_loaded():
    rows = [_row("unit.txt", "柞水县医疗保险经办机构", "柞水县"), _row("dept.txt", "柞水县医疗保障局", "柞水县")]
    aliases, departments = identity.identify(rows, claims=[_claim("unit.txt", "柞水县医疗保障局")])
    ids, by_id = _ids(aliases), {d["department_id"]: d for d in departments}
    unit = by_id[ids[("unit.txt", "柞水县医疗保险经办机构")]]
    assert (unit["parent_department_id"], unit["parent_name"], unit["parent_evidence"]) == (
        ids[("dept.txt", "柞水县医疗保障局")],
        "柞水县医疗保障局",
        "project 主管部门 in unit.txt",
    )
    assert by_id[ids[("dept.txt", "柞水县医疗保障局")]]["parent_department_id"] is None


def test_a_parent_not_loaded_keeps_its_name_and_a_parent_of_the_same_key_is_the_department_itself():
    rows = [_row("unit.txt", "柞水县医疗保险经办机构", "柞水县"), _row("jg.txt", "兰山区医疗保障局机关", "兰山区")]
    _, departments = identity.identify(
        rows, claims=[_claim("unit.txt", "柞水县医疗保障局"), _claim("jg.txt", "兰山区医疗保障局")]
    )
    got = {d["department"]: (d["parent_department_id"], d["parent_name"]) for d in departments}
    assert got == {"柞水县医疗保险经办机构": (None, "柞水县医疗保障局"), "兰山区医疗保障局机关": (None, None)}


def test_a_unit_naming_two_parents_gets_none_and_says_so():
    rows = [_row("unit.txt", "某中心", "柞水县"), _row("a.txt", "甲局", "柞水县"), _row("b.txt", "乙局", "柞水县")]
    _, departments = identity.identify(rows, claims=[_claim("unit.txt", "甲局"), _claim("unit.txt", "乙局")])
    [unit] = [d for d in departments if d["department"] == "某中心"]
    assert (unit["parent_department_id"], unit["parent_evidence"]) == (None, "names more than one parent: 乙局; 甲局")  # sorted


def test_same_names_kept_apart_for_want_of_a_place_are_ambiguous_two_known_places_are_not():
    rows = [_row("a.txt", "财政局", None), _row("b.txt", "财政局", "普陀区"), _row("c.txt", "财政局", "柞水县")]
    aliases, departments = identity.identify(rows)
    ids, by_id = _ids(aliases), {d["department_id"]: d for d in departments}
    a, b, c = (ids[(f, "财政局")] for f in ("a.txt", "b.txt", "c.txt"))
    assert by_id[a]["ambiguous_with"] == "; ".join(f"{i} 财政局" for i in sorted([b, c]))
    assert by_id[b]["ambiguous_with"] == f"{a} 财政局"
    assert by_id[c]["ambiguous_with"] == f"{a} 财政局"


def test_two_placeless_names_are_ambiguous_with_each_other_and_every_placed_one_the_placed_not_with_each_other():
    places = [("a1.txt", None), ("a2.txt", None), ("b.txt", "普陀区"), ("c.txt", "柞水县")]
    rows = [_row(f, "财政局", region) for f, region in places]
    aliases, departments = identity.identify(rows)
    ids, by_id = _ids(aliases), {d["department_id"]: d for d in departments}
    a1, a2, b, c = (ids[(f, "财政局")] for f in ("a1.txt", "a2.txt", "b.txt", "c.txt"))
    assert by_id[a1]["ambiguous_with"] == "; ".join(f"{i} 财政局" for i in sorted([a2, b, c]))
    assert by_id[a2]["ambiguous_with"] == "; ".join(f"{i} 财政局" for i in sorted([a1, b, c]))
    assert by_id[b]["ambiguous_with"] == "; ".join(f"{i} 财政局" for i in sorted([a1, a2]))  # not c: two known places


def test_a_unit_a_department_lists_as_its_own_belongs_to_it_unless_its_document_names_another():
    rows = [
        _row("dept.txt", "万里街道办事处", "普陀区"),
        _row("unit.txt", "万里街道社区事务受理服务中心", "普陀区"),
        _row("other.txt", "万里街道城市运行管理中心", "普陀区"),
    ]
    members = [
        {"source_file": "dept.txt", "unit_name": n}
        for n in ("万里街道办事处（本级）", "万里街道社区事务受理服务中心", "万里街道城市运行管理中心")
    ]
    aliases, departments = identity.identify(rows, claims=[_claim("other.txt", "普陀区城管局")], listed=members)
    ids, by_name = _ids(aliases), {d["department"]: d for d in departments}
    assert (
        by_name["万里街道社区事务受理服务中心"]["parent_department_id"],
        by_name["万里街道社区事务受理服务中心"]["parent_evidence"],
    ) == (ids[("dept.txt", "万里街道办事处")], "listed as a unit by dept.txt")
    assert by_name["万里街道城市运行管理中心"]["parent_name"] == "普陀区城管局"  # its own document says so
    assert by_name["万里街道办事处"]["parent_department_id"] is None  # its （本级） line is itself
