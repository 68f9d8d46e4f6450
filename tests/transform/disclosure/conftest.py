from functools import cache

import polars as pl
import pytest

from common.paths import SAMPLES
from extract.documents import read_document
from transform.normalize import NormalizedDocument, normalize_document

SAMPLE = {
    "柞水": "000_5cfcfeb062623b8f.txt",
    "兰山": "001_62df1c6f39ffdb6f.txt",
    "固安": "002_43a13e6a8c0a6925.txt",
    "镇安": "003_d15ab5ced7e0f0d4.txt",
    "江油": "004_7a705042fb416c6b.txt",
}


@cache
def _normalized(name: str) -> NormalizedDocument:
    return normalize_document(read_document(SAMPLES / name), name)


@pytest.fixture
def items():
    """items(sample, table) -> the sample's rows of that warehouse table."""

    def get(sample: str, table: str) -> pl.DataFrame:
        return _normalized(SAMPLE[sample]).items[table]

    return get


@pytest.fixture
def normalized():
    return lambda sample: _normalized(SAMPLE[sample])
