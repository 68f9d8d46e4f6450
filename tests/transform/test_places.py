"""Where a printed place is (transform/places.py), read with cpca's division table."""

from __future__ import annotations

import subprocess
import sys

import pytest

from transform import places

TEXTS = ["上海市普陀区财政局", "柞水县医疗保障局", "普陀区社会福利院", "陕西省商洛市柞水县", "兰山区医疗保障局", "某某单位"]


def test_a_district_of_a_municipality_has_no_city_and_its_six_digit_code():
    assert places.resolve("上海市普陀区财政局") == places.Place("上海市", None, "普陀区", "310107")


def test_a_county_name_two_provinces_bear_is_not_guessed():
    place = places.resolve("普陀区社会福利院")
    assert (place.province, place.division_code) == (None, None)
    assert place.note.startswith("普陀区: 2 divisions bear this name")


@pytest.mark.parametrize("text", TEXTS)
def test_the_record_read_without_pandas_is_cpca_transform_s_row(text):
    """places reads cpca's per-text function, not transform (a pandas DataFrame of one row): a cpca
    whose function reads otherwise fails here."""
    row = places._cpca().transform([text]).iloc[0].to_dict()
    assert places._record(text) == row


def test_resolving_a_place_does_not_import_pandas():
    code = "import sys; from transform.places import resolve; resolve('上海市普陀区财政局'); print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
