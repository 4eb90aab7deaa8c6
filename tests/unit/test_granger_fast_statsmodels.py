"""The diagnostics' Granger F tests, computed from one coefficient covariance (varlib/diagnostics/granger.py),
equal statsmodels' `VARResults.test_causality` test by test to 1e-10 relative: statistic, p-value, critical
value, degrees of freedom and conclusion. The statsmodels side is fitted here from scratch.

Cases: the bundled macro data (levels, differences and log differences; trends n, c, ct; through the stored
form and the diagnostics' own refit), a 20-variable simulated VAR(2) with trends n, c, ct (the size that took
half a minute), and VARXs (the exogenous columns sit among the deterministic terms). A VECM's Granger tests
are VECMResults.test_granger_causality's, another function, and are not computed here.
"""

from __future__ import annotations

import pandas as pd
import pytest
from statsmodels.datasets import macrodata
from statsmodels.tsa.vector_ar.var_model import VARResults

from studies.wide import stable_var2 as simulated
from tests.support.var_cases import MACRO, WIDE, fit, model_space, stored, varx_case
from varlib import ModelSpec, load_dataset
from varlib.data import Dataset
from varlib.diagnostics import refit
from varlib.diagnostics.granger import granger_f
from varlib.diagnostics.var_tests import granger_tests

RTOL = 1e-10


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= RTOL * abs(b)


def check_against_test_causality(tests, reference, names, signif=0.05):
    """Every test equals test_causality(caused, causing, kind="f") of the reference fit, by index."""
    assert tests
    for test in tests:
        caused = [names.index(n) for n in test.caused]
        causing = [names.index(n) for n in test.causing]
        want = reference.test_causality(caused, causing, kind="f", signif=signif)
        got = test.result
        where = f"{test.causing} -> {test.caused}"
        assert _same(got.statistic, float(want.test_statistic)), (where, got.statistic, want.test_statistic)
        assert _same(got.pvalue, float(want.pvalue)), (where, got.pvalue, want.pvalue)
        assert _same(got.crit_value, float(want.crit_value)), (where, got.crit_value, want.crit_value)
        assert got.df == tuple(int(d) for d in want.df), (where, got.df, want.df)
        assert got.signif == signif and got.rejected == (want.conclusion == "reject"), where


def _scopes(k: int) -> list[tuple[str, list[int], list[int]]]:
    """The order the page, the CLI and REST have always listed: per variable its two group tests, then pairs."""
    scoped = []
    if k > 2:
        for j in range(k):
            others = [i for i in range(k) if i != j]
            scoped += [("one_to_others", [j], others), ("others_to_one", others, [j])]
    return scoped + [("pair", [i], [j]) for j in range(k) for i in range(k) if i != j]


@pytest.mark.parametrize("case", list(MACRO))
def test_bundled_data_through_the_stored_version_equals_test_causality(case):
    variables, transform, trend, lags = MACRO[case]
    spec = ModelSpec(variables=variables, transform=transform, trend=trend, lags=lags, holdout=0)
    artifact = stored(load_dataset(variables=list(variables)), spec)
    reference = fit(model_space(macrodata.load_pandas().data[list(variables)].astype(float), transform), lags, trend)
    for signif in (0.05, 0.1):
        tests = granger_tests(refit(artifact), signif)
        check_against_test_causality(tests, reference, list(variables), signif)
    names = list(variables)
    assert [(t.scope, t.causing, t.caused) for t in tests] == [
        (scope, tuple(names[i] for i in causing), tuple(names[j] for j in caused))
        for scope, causing, caused in _scopes(len(names))
    ]


@pytest.fixture(scope="module")
def wide_series():
    return simulated(len(WIDE), 200)


@pytest.mark.parametrize("trend", ["n", "c", "ct"])
def test_twenty_variables_equal_test_causality(wide_series, trend):
    index = pd.date_range("1970-01-01", periods=len(wide_series), freq="QS", name="date")
    dataset = Dataset("wide20", pd.DataFrame(wide_series, columns=WIDE, index=index), "0" * 64, "QS-JAN")
    artifact = stored(dataset, ModelSpec(variables=tuple(WIDE), trend=trend, lags=2, holdout=0))
    tests = granger_tests(refit(artifact))
    assert len(tests) == 2 * 20 + 20 * 19
    # statsmodels' side is the slow one (seconds per trend): all 420 with a constant, and with the other
    # trends every group test and every pair from or to the first or the last variable
    ends = {WIDE[0], WIDE[-1]}
    checked = [t for t in tests if trend == "c" or t.scope != "pair" or ends & {*t.causing, *t.caused}]
    check_against_test_causality(checked, fit(wide_series, 2, trend), WIDE)
    assert sum(t.result.rejected for t in tests if t.scope == "pair") > 0  # the cross effects show in some pairs
    df_resid = 198 - 2 * 20 - {"n": 0, "c": 1, "ct": 2}[trend]  # 200 rows less 2 lags, less the regressors
    assert sorted({t.result.df for t in tests}) == [(2, 20 * df_resid), (2 * 19, 20 * df_resid)]


@pytest.mark.parametrize("trend", ["n", "c", "ct"])
@pytest.mark.parametrize("transform", ["none", "diff"])
def test_a_varxs_tests_equal_test_causality_of_var_endog_exog(transform, trend):
    artifact, reference, endog = varx_case(transform, trend)
    check_against_test_causality(granger_tests(refit(artifact)), reference, endog)


def test_the_product_path_neither_calls_test_causality_nor_builds_the_full_covariance(wide_series, monkeypatch):
    """The speed fix itself: statsmodels' per-test route (test_causality, which builds the 820 x 820
    cov_params of a 20-variable VAR(2) each time) is not taken; its numbers are above."""
    results = fit(wide_series, 2, "c")
    expected = [results.test_causality([j], [i], kind="f").test_statistic for j in range(3) for i in range(3) if i != j]

    def refuse(*args, **kwargs):
        raise AssertionError("the Granger tests went through statsmodels' per-test route")

    monkeypatch.setattr(VARResults, "test_causality", refuse)
    monkeypatch.setattr(VARResults, "cov_params", refuse)
    pairs = [([i], [j]) for j in range(3) for i in range(3) if i != j]
    assert [t.statistic for t in granger_f(results, pairs, 0.05)] == pytest.approx(expected, rel=RTOL)

    class Version:  # the refit's artifact: only the names are read
        variables = WIDE
        k_ar = 2

    from varlib.diagnostics import Refit

    tests = granger_tests(Refit(Version(), wide_series, (), results))
    assert len(tests) == 420


def test_statsmodels_own_refusals_are_kept():
    """A significance level outside (0, 1) and no pairs at all: as test_causality (and the old loop) did."""
    results = fit(simulated(3, 80), 1, "c")
    with pytest.raises(ValueError, match="signif has to be between 0 and 1"):
        granger_f(results, [([0], [1])], 1.0)
    assert granger_f(results, [], 0.05) == ()
