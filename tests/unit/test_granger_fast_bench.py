"""bench/granger.py runs both Granger paths on one fit and reports both times and their agreement (no timing
asserts: benchmarks measure, tests only check that the figures are there and the two paths agree)."""

from __future__ import annotations


def test_the_granger_benchmark_reports_both_times_and_that_the_paths_agree():
    from bench.granger import measure

    figures = measure(k=4, rows=60, repeats=1)
    assert figures["tests"] == 2 * 4 + 4 * 3
    assert figures["test_causality_s"] > 0 and figures["varlib_s"] > 0 and figures["test_causality_over_varlib"] > 0
    assert figures["largest_relative_difference"] <= 1e-10
