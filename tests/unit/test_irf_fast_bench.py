"""bench/irf_errors.py runs both paths of the response errors and the instantaneous tests on fresh fits and
reports both times and their agreement (no timing asserts: benchmarks measure, tests only check that the
figures are there and the two paths agree)."""

from __future__ import annotations


def test_the_irf_errors_benchmark_reports_both_times_and_that_the_paths_agree():
    from bench.irf_errors import measure

    figures = measure(k=4, rows=80, repeats=1)
    cases = {name: case for name, case in figures.items() if name != "blas_threads"}
    assert len(cases) == 3
    for case in cases.values():
        assert case["statsmodels_s"] > 0 and case["varlib_s"] > 0 and case["statsmodels_over_varlib"] > 0
        assert case["largest_relative_difference"] <= 1e-12
    assert [case for name, case in cases.items() if "instantaneous" in name][0]["largest_relative_difference"] == 0
