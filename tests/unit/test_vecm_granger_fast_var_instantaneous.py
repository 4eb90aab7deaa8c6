"""A VAR's instantaneous-causality tests, with the duplication matrix inverted once (varlib/diagnostics/
granger.py) where statsmodels inverts it in every test, equal `VARResults.test_inst_causality` bit for bit:
statistic, p-value, critical value, degrees of freedom and decision (a VECM's are in
test_vecm_granger_fast_statsmodels.py; this file holds the VAR's for want of a prefix of its own).

Cases: the bundled macro data (levels, differences, log differences; trends n, c, ct) through the stored version
and the diagnostics' own refit, a 20-variable simulated VAR(2) and a VARX.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from statsmodels.datasets import macrodata
from statsmodels.tsa.vector_ar.var_model import VAR, VARResults

from varlib import ModelSpec, load_dataset
from varlib.artifact import build_artifact, decode, encode
from varlib.data import Dataset
from varlib.diagnostics import Refit, refit
from varlib.diagnostics.var_tests import instantaneous_tests
from varlib.training import train

MACRO = {  # variables, transform, trend, lags
    "levels-n": (("infl", "realint", "unemp"), "none", "n", 3),
    "diff-c": (("realgdp", "realcons", "realinv"), "diff", "c", 2),
    "logdiff-ct": (("realgdp", "realcons", "realinv", "cpi"), "logdiff", "ct", 2),
    "two-variables": (("realgdp", "realcons"), "diff", "c", 4),
}


def simulated(k: int, rows: int, seed: int = 20261215) -> np.ndarray:
    rng = np.random.default_rng(seed)
    a1 = 0.3 * np.eye(k) + 0.03 * rng.standard_normal((k, k))
    y = np.zeros((rows + 50, k))
    for t in range(1, rows + 50):
        y[t] = a1 @ y[t - 1] + rng.standard_normal(k) + 0.5 * rng.standard_normal() * np.ones(k)  # correlated shocks
    return y[50:]


def _fit(endog, lags, trend, exog=None):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return VAR(endog, exog).fit(lags, trend=trend)


def _stored(dataset, spec):
    return decode(encode(build_artifact(train(dataset, spec), "inst", "tester")))


def check_against_test_inst_causality(tests, reference, names, signif=0.05, which=None) -> None:
    assert [(t.causing, t.caused) for t in tests] == [((n,), tuple(m for m in names if m != n)) for n in names]
    for i, test in enumerate(tests):
        if which is not None and i not in which:
            continue
        want = reference.test_inst_causality(causing=[i], signif=signif)
        got = test.result
        assert (got.statistic, got.pvalue, got.crit_value) == (
            float(want.test_statistic),
            float(want.pvalue),
            float(want.crit_value),
        ), names[i]
        assert got.df == int(want.df) and got.rejected == (want.conclusion == "reject"), names[i]


@pytest.mark.parametrize("case", list(MACRO))
def test_bundled_data_through_the_stored_version_equals_test_inst_causality(case):
    variables, transform, trend, lags = MACRO[case]
    spec = ModelSpec(variables=variables, transform=transform, trend=trend, lags=lags, holdout=0)
    artifact = _stored(load_dataset(variables=list(variables)), spec)
    frame = macrodata.load_pandas().data[list(variables)].astype(float)
    if transform == "logdiff":
        frame = np.log(frame).diff().iloc[1:]
    elif transform == "diff":
        frame = frame.diff().iloc[1:]
    reference = _fit(frame.to_numpy(), lags, trend)
    for signif in (0.05, 0.1):
        check_against_test_inst_causality(
            instantaneous_tests(refit(artifact), signif), reference, list(variables), signif
        )


def test_twenty_variables_equal_test_inst_causality():
    names = [f"y{i + 1}" for i in range(20)]
    series = simulated(20, 200)
    index = pd.date_range("1970-01-01", periods=len(series), freq="QS", name="date")
    dataset = Dataset("wide20", pd.DataFrame(series, columns=names, index=index), "0" * 64, "QS-JAN")
    tests = instantaneous_tests(refit(_stored(dataset, ModelSpec(variables=tuple(names), lags=2, holdout=0))))
    # statsmodels' side is the slow one (up to half a second per test on two busy cores): the ends and the middle
    check_against_test_inst_causality(tests, _fit(series, 2, "c"), names, which={0, 9, 19})
    assert all(t.result.rejected for t in tests)  # the common shock shows


def test_a_varxs_tests_equal_test_inst_causality_of_var_endog_exog():
    endog, exog = ["realgdp", "realcons", "realinv"], ["realint", "unemp"]
    spec = ModelSpec(variables=tuple(endog), exog=tuple(exog), transform="diff", trend="ct", lags=2, holdout=0)
    artifact = _stored(load_dataset(variables=endog + exog), spec)
    raw = macrodata.load_pandas().data
    reference = _fit(np.diff(raw[endog].to_numpy(dtype=float), axis=0), 2, "ct", raw[exog].to_numpy(dtype=float)[1:])
    check_against_test_inst_causality(instantaneous_tests(refit(artifact)), reference, endog)


def test_the_product_path_does_not_call_test_inst_causality(monkeypatch):
    """The speed fix itself: statsmodels' per-test route (a pseudo-inverse of the k² x k(k+1)/2 duplication
    matrix and kron(Σ_u, Σ_u) in every test) is not taken; its numbers are above."""
    results = _fit(simulated(4, 100), 1, "c")
    expected = [float(results.test_inst_causality(causing=[i]).test_statistic) for i in range(4)]

    def refuse(*args, **kwargs):
        raise AssertionError("the instantaneous tests went through statsmodels' per-test route")

    monkeypatch.setattr(VARResults, "test_inst_causality", refuse)

    class Version:
        variables = ["a", "b", "c", "d"]

    tests = instantaneous_tests(Refit(Version(), simulated(4, 100), (), results))  # type: ignore[arg-type]
    assert [t.result.statistic for t in tests] == expected
