"""A short fuzz run: the sample texts, mutated line by line and character by character, through
the text extractors and the normalizer. Whatever the input, the only exception allowed out is
the product's own ExtractError (a documented cause); anything else is a parser bug.

Bounded for CI by the number of examples (each is one document read end to end); a longer,
random run: ``FUZZ_EXAMPLES=5000 pytest tests/extract/test_fuzz_text.py``."""

from __future__ import annotations

import os
import signal
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from common.paths import SAMPLES
from extract.documents import parse_text
from extract.errors import ExtractError
from extract.text_decode import decode_text
from transform.normalize import normalize_document

TEXTS = {p.name: p.read_text(encoding="utf-8").splitlines() for p in sorted(SAMPLES.glob("*.txt"))}
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", 120))  # CI: the same 120 every run; FUZZ_EXAMPLES=5000 explores
SECONDS_PER_DOCUMENT = 20  # a sample reads in well under a second; far beyond this is a hang


@st.composite
def mutated(draw) -> tuple[str, str]:
    name = draw(st.sampled_from(sorted(TEXTS)))
    lines = list(TEXTS[name])
    for _ in range(draw(st.integers(1, 12))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "tab", "untab", "char", "cut", "noise"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "tab":
            k = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:k] + "\t" + lines[i][k:]
        elif op == "untab":
            lines[i] = lines[i].replace("\t", "", 1)
        elif op == "char" and lines[i]:
            k = draw(st.integers(0, len(lines[i]) - 1))
            lines[i] = lines[i][:k] + draw(st.sampled_from("0９,.-—表合计单位：万元元\u3000 x<>（）")) + lines[i][k + 1 :]
        elif op == "cut":
            lines = lines[: i + 1]
        elif op == "noise":
            lines.insert(i, draw(st.text(max_size=40)))
        if not lines:
            lines = [""]
    return name, "\n".join(lines)


@contextmanager
def time_limit(seconds: int):
    def stop(signum, frame):
        raise TimeoutError(f"a mutated document took over {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES == 120, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_samples_raise_nothing_but_documented_errors(case):
    name, text = case
    with time_limit(SECONDS_PER_DOCUMENT):
        try:
            doc = parse_text(text, name)
        except ExtractError:
            return
        normalized = normalize_document(doc, name)
    assert normalized.facts.height == 0 or normalized.facts["amount_yuan"].null_count() == 0


@settings(max_examples=EXAMPLES // 2, deadline=None, derandomize=EXAMPLES == 120, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(sorted(TEXTS)),
    st.sampled_from(["utf-8", "gb18030", "utf-16"]),
    st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=3)), min_size=1, max_size=20),
    st.floats(0.05, 1),
)
def test_mutated_bytes_in_any_encoding_raise_nothing_but_documented_errors(name, encoding, flips, keep):
    data = bytearray("\n".join(TEXTS[name]).encode(encoding))
    for where, new in flips:
        i = int(where * (len(data) - 1))
        data[i : i + len(new)] = new
    data = bytes(data[: max(1, int(len(data) * keep))])
    with time_limit(SECONDS_PER_DOCUMENT):
        try:
            text, used = decode_text(data)
            normalize_document(parse_text(text, name, used), name)
        except ExtractError:
            pass


@pytest.mark.parametrize(
    "name, facts",
    [
        ("000_5cfcfeb062623b8f.txt", 231),
        ("001_62df1c6f39ffdb6f.txt", 292),
        ("002_43a13e6a8c0a6925.txt", 246),
        ("003_d15ab5ced7e0f0d4.txt", 192),
        ("004_7a705042fb416c6b.txt", 59),
    ],
)
def test_the_unmutated_samples_pass_the_same_harness(name, facts):
    doc = parse_text("\n".join(TEXTS[name]), name)
    assert normalize_document(doc, name).facts.height == facts
