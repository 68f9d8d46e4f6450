"""The polars engine that runs the suites (expectations/engine.py) against Great Expectations
itself: the same failing rows and the same counts, expectation by expectation, on the samples'
check frames and on a frame of the edge cases (missing values on either side, duplicates)."""

from __future__ import annotations

import logging

import polars as pl
import pytest

from expectations import engine, runner
from expectations.checks.frames import check_frames
from load.warehouse import Warehouse


def _gx_results(expectations: tuple[dict, ...], frame: pl.DataFrame) -> dict[str, dict]:
    """GX 1.x's own COMPLETE results of the expectations on the frame (an ephemeral context)."""
    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    import great_expectations as gx
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    ctx = gx.get_context(mode="ephemeral")
    batch = (
        ctx.data_sources.add_pandas("check_frames")
        .add_dataframe_asset("frame")
        .add_batch_definition_whole_dataframe("whole")
        .get_batch(batch_parameters={"dataframe": frame.to_pandas()})
    )
    suite = ctx.suites.add(gx.ExpectationSuite(name="under_test"))
    for e in expectations:
        configuration = ExpectationConfiguration(type=e["type"], kwargs=e["kwargs"], meta={"under_test": e["id"]})
        suite.add_expectation(configuration.to_domain_obj())
    outcome = batch.validate(suite, result_format="COMPLETE")
    return {r.expectation_config.meta["under_test"]: r for r in outcome.results}


def _assert_same(expectations: tuple[dict, ...], frame: pl.DataFrame) -> int:
    gx_results = _gx_results(expectations, frame)
    failing = 0
    for mine in engine.evaluate_all(expectations, frame):
        theirs = gx_results[mine.expectation["id"]]
        assert not theirs.exception_info.get("raised_exception"), theirs.exception_info
        said = (mine.expectation["type"], mine.expectation["kwargs"])
        assert sorted(mine.unexpected) == sorted(theirs.result.get("unexpected_index_list") or []), said
        assert mine.success == theirs.success, said
        assert mine.element_count == theirs.result["element_count"], said
        failing += len(mine.unexpected)
    return failing


@pytest.fixture(scope="module")
def sample_frames(sample_warehouse) -> dict[str, pl.DataFrame]:
    with Warehouse(sample_warehouse, read_only=True) as wh:
        files = wh.documents()
        facts, tables, uncertain = wh.check_inputs(files)
        return check_frames(facts, tables, uncertain, wh.check_pages(files), wh.check_items(files), wh.check_documents(files))


@pytest.mark.parametrize("suite", runner.SUITES)
def test_each_suite_fails_the_rows_gx_fails_on_the_samples(suite, sample_frames):
    frame = sample_frames[suite]
    if frame is None or frame.height == 0:
        pytest.skip(f"the samples give suite {suite} no rows")
    _assert_same(engine.suite(suite), frame)


def test_the_samples_do_fail_some_rows(sample_frames):
    """The comparison above is not vacuous: the samples' sums fail where the documents are wrong,
    e.g. 001's 210 卫生健康支出 class line, 111,933,200 元 against its 款 lines' 112,043,200 元."""
    frame = sample_frames["rollups"]
    failing = {
        (o.expectation["meta"]["rule"], o.expectation["severity"], r["source_file"], r["subject"])
        + (r["expected_mills"], r["observed_mills"])
        for o in engine.evaluate("rollups", frame)
        for r in frame[o.unexpected].to_dicts()
        if r["column_header"] == "合计"
    }
    assert ("code_rollup", "critical", "001_62df1c6f39ffdb6f.txt", "210 卫生健康支出", 112043200000, 111933200000) in failing


def _e(i: int, type_: str, **kwargs) -> dict:
    return {"id": f"00000000-0000-0000-0000-{i:012d}", "type": type_, "kwargs": kwargs, "meta": {"rule": type_}}


PAIR = "expect_column_pair_values_a_to_be_greater_than_b"
RULE_IS_A = {"column": {"name": "rule"}, "operator": "==", "parameter": "a", "type": "comparison"}
EDGES = pl.DataFrame(
    {
        "rule": ["a", "a", "a", "a", None, "b", "a", "a"],
        "tol": [5, None, None, 3, 1, 0, 7, 2],
        "diff": [4, 3, None, 9, 2, 1, 7, None],
        "code": ["201", "20101", None, "2x1", "201", "3010", "201", "20101"],
        "file": ["f", "f", "f", None, None, "g", "f", "f"],
        "row": [1, 2, 2, None, None, 1, 1, 3],
    }
)
EDGE_EXPECTATIONS = (
    _e(1, PAIR, column_A="tol", column_B="diff", or_equal=True),
    _e(2, PAIR, column_A="tol", column_B="diff", or_equal=True, row_condition=RULE_IS_A),
    _e(3, PAIR, column_A="tol", column_B="diff"),
    _e(4, "expect_column_values_to_be_between", column="diff", max_value=3.0, row_condition=RULE_IS_A),
    _e(5, "expect_column_values_to_be_between", column="tol", min_value=2.0),
    _e(6, "expect_column_values_to_match_regex", column="code", regex=r"^\d{3}(\d{2}){0,2}$"),
    _e(7, "expect_column_values_to_be_in_set", column="code", value_set=["201", "20101"]),
    _e(8, "expect_column_values_to_not_be_in_set", column="code", value_set=["2x1"]),
    _e(9, "expect_column_values_to_not_be_null", column="file"),
    _e(10, "expect_column_values_to_be_null", column="tol"),
    _e(11, "expect_compound_columns_to_be_unique", column_list=["file", "row"]),
)


def test_missing_values_and_duplicates_are_judged_as_gx_judges_them():
    assert _assert_same(EDGE_EXPECTATIONS, EDGES) > 10


def test_an_argument_the_engine_does_not_know_is_an_error():
    with pytest.raises(ValueError, match="mostly"):
        engine.evaluate_all((_e(1, "expect_column_values_to_not_be_null", column="file", mostly=0.9),), EDGES)
    with pytest.raises(ValueError, match="expect_column_values_to_be_unique"):
        engine.evaluate_all((_e(1, "expect_column_values_to_be_unique", column="file"),), EDGES)
