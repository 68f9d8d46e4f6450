"""v_coverage and the coverage matrix: which department-years are loaded, their verdict, the gaps."""

import shutil

import pytest

from budget_etl.coverage import MISSING, coverage_rows, matrix
from common.paths import SAMPLES
from flows.validate import validate
from load.warehouse import Warehouse
from tests.conftest import ingest

ZHASHUI = "000_5cfcfeb062623b8f.txt"  # 柞水县医疗保险经办机构 2024 单位预算
EARLIER = "000_zhashui_2022.txt"  # the same text printed as 2022: 2023 is the gap between


@pytest.fixture(scope="module")
def gap(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gap")
    shutil.copy(SAMPLES / ZHASHUI, folder / ZHASHUI)
    (folder / EARLIER).write_text((SAMPLES / ZHASHUI).read_text(encoding="utf-8").replace("2024", "2022"), encoding="utf-8")
    path = folder / "w.duckdb"
    ingest([folder], path)
    with Warehouse(path) as wh:
        validate(wh, None, folder / "reports", data_docs=False)
    return path


def test_a_year_between_the_first_and_the_last_is_missing(gap):
    with Warehouse(gap, read_only=True) as wh:
        cols, rows = wh.query(
            "SELECT fiscal_year, document_kind, scope, status, source_files, verdict, errors, warnings "
            "FROM v_coverage WHERE department = '柞水县医疗保险经办机构' ORDER BY fiscal_year"
        )
    assert [r[:5] for r in rows] == [
        (2022, "budget", "unit", "loaded", EARLIER),
        (2023, "budget", "unit", MISSING, None),
        (2024, "budget", "unit", "loaded", ZHASHUI),
    ]
    assert rows[2][5:] == ("errors", 3, 4)  # the corpus report's 3 errors, 4 warnings of sample 000
    assert rows[1][5] is None


def test_the_matrix_has_the_years_as_columns(gap):
    header, lines = matrix(coverage_rows(gap))
    assert header == ["department", "place", "kind", "scope", "2022", "2023", "2024"]
    assert lines == [
        [
            "柞水县医疗保险经办机构",
            "陕西省 商洛市 柞水县 (611026)",
            "预算",
            "单位",
            "3 errors, 4 warnings",
            MISSING,
            "3 errors, 4 warnings",
        ]
    ]
