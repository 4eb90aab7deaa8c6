"""bench/date_check.py times the check of irregular dates against pandas reading them and says what the check said
(no timing asserts: benchmarks measure, tests only check that the figures are there)."""

from __future__ import annotations


def test_the_date_check_benchmark_reports_both_times_and_the_refusals():
    from bench.date_check import measure

    figures = measure(sizes=(300,), repeats=1)
    cases = [case for case in figures if case != "goal"]
    assert len(cases) == 4 and all(case.split()[0].isdigit() for case in cases)
    for case in cases:
        assert figures[case]["check_s"] > 0 and figures[case]["pandas_read_s"] > 0
        assert figures[case]["said"].startswith("the dates of the file")  # none of these dates is on a grid
    assert figures["goal"]["measured"] == max(figures[case]["check_over_pandas"] for case in cases)
