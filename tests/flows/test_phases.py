"""The run summary's line of phases, as the terminal prints it and `make bench` reads it back."""

from __future__ import annotations

import pytest

from flows.phases import Phase, line, parse, timed


def test_the_printed_line_reads_back_each_phase_wall_and_flow_cpu():
    phases = [Phase("plan", 0.17, 0.2), Phase("load", 69.07, 20.31), Phase("Data Docs", 3.2, 3.3)]
    printed = line(phases)
    assert printed == "time: plan 0.2 s (flow CPU 0.2 s) · load 69.1 s (20.3 s) · Data Docs 3.2 s (3.3 s)"
    output = f"documents: 2000 new\n{printed}\nwarehouse: w.duckdb\n"
    assert parse(output) == {"plan": (0.2, 0.2), "load": (69.1, 20.3), "Data Docs": (3.2, 3.3)}


def test_a_phase_run_twice_is_summed():
    assert line([Phase("report", 1.0, 0.5), Phase("report", 2.0, 0.25)]) == "time: report 3.0 s (flow CPU 0.8 s)"


def test_a_phase_that_fails_is_still_timed():
    phases: list[Phase] = []
    with pytest.raises(ValueError), timed(phases, "load"):
        raise ValueError("a broken batch")
    assert [p.name for p in phases] == ["load"]


def test_output_without_the_line_has_no_phases():
    assert parse("nothing new or changed: the warehouse is up to date\n") == {}
