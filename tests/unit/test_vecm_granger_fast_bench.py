"""bench/granger.py --vecm runs both paths of a VECM's causality tests on one fit and reports both times and
their agreement (no timing asserts: benchmarks measure, tests only check the figures and the agreement)."""

from __future__ import annotations


def test_the_vecm_granger_benchmark_reports_both_times_and_that_the_paths_agree():
    from bench.granger import measure_vecm

    figures = measure_vecm(k=4, rows=80, repeats=1)
    assert figures["tests"] == f"{2 * 4 + 4 * 3} Granger + 4 instantaneous"
    assert figures["statsmodels_s"] > 0 and figures["varlib_s"] > 0 and figures["statsmodels_over_varlib"] > 0
    assert figures["largest_relative_difference"] == 0  # the same products in the same order
