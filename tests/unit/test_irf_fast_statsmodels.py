"""A VAR's impulse-response standard errors, computed from small Kronecker factors (varlib/diagnostics/
irf_errors.py), equal statsmodels' `IRAnalysis.stderr` and `cum_effect_stderr` (plain and orthogonalised) to
1e-12 relative, zeros exactly, with the responses themselves unchanged. The statsmodels side is fitted here.

Cases: the bundled macro data (levels, differences, log differences; trends n, c, ct; through the stored version
and the diagnostics' own refit), a 20-variable simulated VAR(2) with trends n, c, ct (the size whose errors
took 2.5-5 s), VARXs, and a longer horizon. The sums run in another order than statsmodels' (not bit for bit):
measured, they agree to about 2e-15.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from statsmodels.datasets import macrodata
from statsmodels.tsa.vector_ar.irf import IRAnalysis
from statsmodels.tsa.vector_ar.var_model import VARResults

from studies.wide import stable_var2 as simulated
from tests.support.var_cases import MACRO, WIDE, fit, model_space, stored, varx_case
from varlib import ModelSpec, load_dataset
from varlib.data import Dataset
from varlib.diagnostics import refit
from varlib.diagnostics.irf_errors import ResponseErrors, var_weights
from varlib.diagnostics.var_tests import impulse_responses

RTOL = 1e-12


def check_against_irf(responses, reference, periods: int, cumulative: bool = True) -> None:
    """Every standard error equals statsmodels' to RTOL (its zeros exactly); the responses are its own, bit for
    bit."""
    analysis = reference.irf(periods)
    kinds = [(False, False), (True, False)] + ([(False, True), (True, True)] if cumulative else [])
    for orth, accumulated in kinds:
        want = analysis.cum_effect_stderr(orth=orth) if accumulated else analysis.stderr(orth=orth)
        _, got = responses._arrays(orth, accumulated)
        np.testing.assert_allclose(got, want, rtol=RTOL, atol=0, err_msg=f"orth={orth} accumulated={accumulated}")
        assert got.shape == (periods + 1, reference.neqs, reference.neqs)
    np.testing.assert_array_equal(responses.plain, analysis.irfs)
    np.testing.assert_array_equal(responses.orth, analysis.orth_irfs)
    if cumulative:
        np.testing.assert_array_equal(responses.accumulated[0], analysis.cum_effects)
        np.testing.assert_array_equal(responses.accumulated[1], analysis.orth_cum_effects)


@pytest.mark.parametrize("case", list(MACRO))
def test_bundled_data_through_the_stored_version_equals_irf_stderr(case):
    variables, transform, trend, lags = MACRO[case]
    spec = ModelSpec(variables=variables, transform=transform, trend=trend, lags=lags, holdout=0)
    artifact = stored(load_dataset(variables=list(variables)), spec)
    reference = fit(
        model_space(macrodata.load_pandas().data[list(variables)].astype(float), transform).to_numpy(), lags, trend
    )
    for periods in (1, 10, 24):
        check_against_irf(impulse_responses(refit(artifact), periods), reference, periods)


@pytest.fixture(scope="module")
def wide_series():
    return simulated(len(WIDE), 200)


@pytest.mark.parametrize("trend", ["n", "c", "ct"])
def test_twenty_variables_equal_irf_stderr(wide_series, trend):
    index = pd.date_range("1970-01-01", periods=len(wide_series), freq="QS", name="date")
    dataset = Dataset("wide20", pd.DataFrame(wide_series, columns=WIDE, index=index), "0" * 64, "QS-JAN")
    artifact = stored(dataset, ModelSpec(variables=tuple(WIDE), trend=trend, lags=2, holdout=0))
    periods = 6 if trend == "c" else 3  # statsmodels' side is the slow one: about a second per period here
    check_against_irf(impulse_responses(refit(artifact), periods), fit(wide_series, 2, trend), periods)


@pytest.mark.parametrize("trend", ["n", "c", "ct"])
@pytest.mark.parametrize("transform", ["none", "diff"])
def test_a_varxs_errors_equal_irf_stderr_of_var_endog_exog(transform, trend):
    artifact, reference, _ = varx_case(transform, trend)  # W drops the trend's and exogenous rows of inv(Z'Z)
    check_against_irf(impulse_responses(refit(artifact), 10), reference, 10)


@pytest.mark.parametrize("lags", [1, 4])
def test_other_orders_and_a_long_horizon(lags):
    """A VAR(1) (no shifted block in the companion) and a VAR(4), over 40 periods."""
    series = simulated(5, 150, seed=lags)
    results = fit(series, lags, "c")
    analysis = results.irf(40)
    errors = ResponseErrors(analysis.irfs, results.coefs, var_weights(results), results.sigma_u, results.nobs)
    for orth in (False, True):
        np.testing.assert_allclose(errors.stderr(orth), analysis.stderr(orth=orth), rtol=RTOL, atol=0)
        got = errors.stderr(orth, cumulative=True)
        np.testing.assert_allclose(got, analysis.cum_effect_stderr(orth=orth), rtol=RTOL, atol=0)


def test_the_product_path_builds_no_per_period_covariance(wide_series, monkeypatch):
    """The speed fix itself: statsmodels' route (IRAnalysis.cov and cum_effect_cov, k² x k² per period, behind
    stderr and cum_effect_stderr; irf() itself builds the full coefficient covariance) is not taken; its numbers
    are above."""
    results = fit(wide_series[:, :4], 2, "c")
    expected = results.irf(3).stderr(orth=True)

    def refuse(*args, **kwargs):
        raise AssertionError("the impulse-response errors went through statsmodels' per-period covariance")

    for name in ("cov", "cum_effect_cov", "stderr", "cum_effect_stderr", "G"):
        monkeypatch.setattr(IRAnalysis, name, refuse)
    monkeypatch.setattr(VARResults, "irf", refuse)

    class Version:  # the refit's artifact: only the names are read
        variables = ["a", "b", "c", "d"]
        k_ar = 2

    from varlib.diagnostics import Refit

    responses = impulse_responses(Refit(Version(), wide_series[:, :4], (), results), 3)
    np.testing.assert_allclose(responses.orth_stderr, expected, rtol=RTOL, atol=0)
