"""Conditional forecasts of a VECM go through its VAR representation in (log) levels: mean and covariance
equal the Gaussian conditional distribution built from statsmodels' VECMResults (predict, ma_rep, sigma_u)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from statsmodels.tsa.vector_ar.vecm import VECM

from tests.unit.test_vecm_forecast import SIMULATED
from varlib.conditional import conditional_moments
from varlib.forecast import forecast_levels
from varlib.kinds import get_kind
from varlib.spec import ModelSpec

RTOL = 1e-8
STEPS, LAGS, RANK = 6, 2, 1


@pytest.mark.parametrize("transform", ["none", "log"])
def test_vecm_conditions_equal_statsmodels_ma_representation(transform):
    base = np.log(SIMULATED) if transform == "log" else SIMULATED
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reference = VECM(base, k_ar_diff=LAGS - 1, coint_rank=RANK, deterministic="co").fit()
    spec = ModelSpec(variables=("a", "b", "c"), kind="vecm", lags=LAGS, coint_rank=RANK, transform=transform)
    params = get_kind("vecm").fit(SIMULATED, spec, assess=False).params
    mean_path = reference.predict(steps=STEPS)
    phis, k = reference.ma_rep(STEPS - 1), base.shape[1]
    cov = np.zeros((STEPS * k, STEPS * k))
    for s in range(STEPS):
        for t in range(STEPS):
            block = sum(phis[s - m] @ reference.sigma_u @ phis[t - m].T for m in range(min(s, t) + 1))
            cov[s * k : (s + 1) * k, t * k : (t + 1) * k] = block
    targets = np.full(mean_path.shape, np.nan)
    targets[:2, 0] = mean_path[:2, 0] + 0.02 * np.abs(mean_path[:2, 0])
    targets[3, 2] = mean_path[3, 2] - 0.01 * np.abs(mean_path[3, 2])
    where = np.isfinite(targets.reshape(-1))
    gain = np.linalg.solve(cov[np.ix_(where, where)], cov[where]).T
    expected = mean_path.reshape(-1) + gain @ (targets.reshape(-1)[where] - mean_path.reshape(-1)[where])
    expected_cov = cov - gain @ cov[where]
    mean, joint = conditional_moments(params.var, False, mean_path, targets)
    np.testing.assert_allclose(mean.reshape(-1), expected, rtol=RTOL)
    np.testing.assert_allclose(joint, expected_cov, rtol=RTOL, atol=RTOL * np.abs(cov).max())
    # through the product's forecast: conditions in levels, the conditioned cells exact
    levels = np.exp(targets) if transform == "log" else targets
    result = forecast_levels(params.var, transform, SIMULATED[-LAGS:], STEPS, 0.05, conditions=levels)
    free = ~np.isfinite(targets)
    want = np.exp(expected.reshape(mean_path.shape)) if transform == "log" else expected.reshape(mean_path.shape)
    np.testing.assert_allclose(result.mean[free], want[free], rtol=RTOL)
    np.testing.assert_array_equal(result.mean[~free], levels[~free])
    assert np.all(result.upper[~free] == result.lower[~free])
