"""Conditional forecasts: mean and covariance equal an independent computation from statsmodels' MA
representation (a VAR in levels, a logdiff model), the Waggoner-Zha shocks reproduce the mean, a Monte
Carlo check agrees within simulation error, and a condition equal to the forecast changes nothing."""

from __future__ import annotations

import json
import warnings

import numpy as np
import pytest
from scipy.stats import norm
from statsmodels.tsa.vector_ar.var_model import VAR

from varlib import ModelSpec, load_dataset, to_json, train_model
from varlib.artifact import build_artifact
from varlib.conditional import conditional_moments
from varlib.service import forecast_artifact

RTOL = 1e-8
VARIABLES = ["realgdp", "realcons", "realinv"]
STEPS = 6


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(variables=VARIABLES)


@pytest.fixture(scope="module", params=["none", "diff", "logdiff"])
def model(request, dataset):
    spec = ModelSpec(variables=tuple(VARIABLES), transform=request.param, lags=2, holdout=0)
    return build_artifact(train_model(dataset, spec), "cond", "tester")


def _reference(dataset, transform):
    """statsmodels' fit of the model-space series, its mean path (levels or log levels) and the stacked
    covariance built entry by entry from its MA matrices (cumulated for differenced models)."""
    levels = dataset.frame[VARIABLES].to_numpy()
    base = np.log(levels) if transform == "logdiff" else levels
    series = base if transform == "none" else np.diff(base, axis=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = VAR(series).fit(2)
    mean = fit.forecast(series[-2:], STEPS)
    phis = fit.ma_rep(STEPS - 1)
    if transform != "none":
        mean, phis = base[-1] + np.cumsum(mean, axis=0), np.cumsum(phis, axis=0)
    k = len(VARIABLES)
    cov = np.zeros((STEPS * k, STEPS * k))
    for s in range(STEPS):  # e_{T+s+1} = sum_{m=0..s} W_{s-m} u_{T+m+1}
        for t in range(STEPS):
            block = sum(phis[s - m] @ fit.sigma_u @ phis[t - m].T for m in range(min(s, t) + 1))
            cov[s * k : (s + 1) * k, t * k : (t + 1) * k] = block
    return fit, mean, cov


def _conditioned(mean_path, cov, targets):
    """The textbook Gaussian conditional distribution, by plain solves."""
    flat, where = mean_path.reshape(-1), np.isfinite(targets.reshape(-1))
    gain = np.linalg.solve(cov[np.ix_(where, where)], cov[where]).T
    mean = flat + gain @ (targets.reshape(-1)[where] - flat[where])
    return mean.reshape(mean_path.shape), cov - gain @ cov[where]


def _targets(mean_path):
    """realgdp 1% above its forecast at steps 1-3, realinv 3% below at step 5 (on the model's scale)."""
    targets = np.full(mean_path.shape, np.nan)
    targets[:3, 0] = mean_path[:3, 0] * 1.01
    targets[4, 2] = mean_path[4, 2] * 0.97
    return targets


@pytest.mark.parametrize("transform", ["none", "logdiff"])
def test_mean_and_covariance_equal_the_ma_representation(dataset, transform):
    spec = ModelSpec(variables=tuple(VARIABLES), transform=transform, lags=2, holdout=0)
    artifact = build_artifact(train_model(dataset, spec), "cond", "tester")
    _, mean_path, cov = _reference(dataset, transform)
    targets = _targets(mean_path)  # log levels for logdiff
    expected_mean, expected_cov = _conditioned(mean_path, cov, targets)
    mean, joint = conditional_moments(artifact.params, transform != "none", mean_path, targets)
    np.testing.assert_allclose(mean, expected_mean, rtol=RTOL)
    np.testing.assert_allclose(joint, expected_cov, rtol=RTOL, atol=RTOL * np.abs(cov).max())
    # the product path: conditions given in levels, bands from the conditional standard deviations
    levels = np.exp(targets) if transform == "logdiff" else targets
    conditions = {  # a variable free at every step is left out: one given with no value is refused
        v: [None if np.isnan(x) else x for x in levels[:, j]]
        for j, v in enumerate(VARIABLES)
        if not np.isnan(levels[:, j]).all()
    }
    result = forecast_artifact(artifact, STEPS, 0.1, conditions=conditions)
    sd = np.sqrt(np.clip(np.diag(expected_cov), 0, None)).reshape(mean_path.shape)
    half = norm.ppf(0.95) * sd
    bounds = [expected_mean, expected_mean - half, expected_mean + half]
    if transform == "logdiff":
        bounds = [np.exp(b) for b in bounds]
    free = np.isnan(targets)
    for got, want in zip((result.forecast.mean, result.forecast.lower, result.forecast.upper), bounds, strict=True):
        np.testing.assert_allclose(got[free], want[free], rtol=RTOL)
        np.testing.assert_array_equal(got[~free], levels[~free])  # exactly the condition, zero width


def test_the_mean_is_the_waggoner_zha_path_of_least_norm_shocks(dataset):
    """Run the VAR recursion forward with eps* = R'(RR')^-1 d (R: the conditioned rows of the shock loadings)."""
    artifact = build_artifact(
        train_model(dataset, ModelSpec(variables=tuple(VARIABLES), lags=2, holdout=0)), "cond", "tester"
    )
    fit, mean_path, _ = _reference(dataset, "none")
    targets = _targets(mean_path)
    k, chol = len(VARIABLES), np.linalg.cholesky(fit.sigma_u)
    phis = fit.ma_rep(STEPS - 1)
    loadings = np.zeros((STEPS * k, STEPS * k))
    for s in range(STEPS):
        for m in range(s + 1):
            loadings[s * k : (s + 1) * k, m * k : (m + 1) * k] = phis[s - m] @ chol
    where = np.isfinite(targets.reshape(-1))
    rows = loadings[where]
    shocks = rows.T @ np.linalg.solve(rows @ rows.T, targets.reshape(-1)[where] - mean_path.reshape(-1)[where])
    history = list(dataset.frame[VARIABLES].to_numpy()[-2:])
    for s in range(STEPS):
        u = chol @ shocks[s * k : (s + 1) * k]
        history.append(fit.intercept + fit.coefs[0] @ history[-1] + fit.coefs[1] @ history[-2] + u)
    path = np.array(history[2:])
    mean, _ = conditional_moments(artifact.params, False, mean_path, targets)
    np.testing.assert_allclose(mean, path, rtol=RTOL)


def test_monte_carlo_paths_agree_within_simulation_error(dataset):
    """Simulate 40,000 future paths of the fitted VAR in levels with Gaussian shocks; for a Gaussian path the
    conditional mean is the regression of the free values on the conditioned ones, estimated from the draws."""
    artifact = build_artifact(
        train_model(dataset, ModelSpec(variables=tuple(VARIABLES), lags=2, holdout=0)), "cond", "tester"
    )
    fit, mean_path, cov = _reference(dataset, "none")
    rng, draws, k = np.random.default_rng(2026), 40_000, len(VARIABLES)
    shocks = rng.multivariate_normal(np.zeros(k), fit.sigma_u, size=(draws, STEPS))
    last = np.broadcast_to(dataset.frame[VARIABLES].to_numpy()[-2:], (draws, 2, k))
    previous, before = last[:, 1], last[:, 0]
    paths = np.empty((draws, STEPS, k))
    for s in range(STEPS):
        paths[:, s] = fit.intercept + previous @ fit.coefs[0].T + before @ fit.coefs[1].T + shocks[:, s]
        previous, before = paths[:, s], previous
    targets = _targets(mean_path)
    flat, where = paths.reshape(draws, -1), np.isfinite(targets.reshape(-1))
    centre, sample = flat.mean(axis=0), np.cov(flat, rowvar=False)
    gain = np.linalg.solve(sample[np.ix_(where, where)], sample[where]).T
    estimate = centre + gain @ (targets.reshape(-1)[where] - centre[where])
    residual_sd = np.sqrt(np.clip(np.diag(sample - gain @ sample[where]), 0, None))
    sd = np.sqrt(np.diag(cov)).reshape(STEPS, k)
    mean, variance = conditional_moments(artifact.params, False, mean_path, targets, sd=sd)
    free, spread = ~where, np.sqrt(variance.reshape(-1)[~where])
    # standard error of a regression prediction at the conditions: sd * sqrt((1 + Mahalanobis^2) / draws)
    deviation = targets.reshape(-1)[where] - mean_path.reshape(-1)[where]
    distance = deviation @ np.linalg.solve(cov[np.ix_(where, where)], deviation)
    tolerance = 4 * spread * np.sqrt((1 + distance) / draws)
    assert np.all(np.abs(estimate[free] - mean.reshape(-1)[free]) <= tolerance)
    np.testing.assert_allclose(residual_sd[free], spread, rtol=4 * np.sqrt(0.5 / draws) * 2)
    assert np.all(spread < np.sqrt(np.diag(cov))[free])  # the conditions inform every free value


def test_a_condition_equal_to_the_forecast_reproduces_it_exactly(model):
    """Through JSON, as a client would: conditions copied from the unconditional answer change no number."""
    base = forecast_artifact(model, 8)
    answer = json.loads(to_json(base.to_dict()))
    conditions = {
        "realgdp": [answer["mean"][h][0] for h in range(8)],
        "realinv": [None, None, answer["mean"][2][2]],
    }
    conditioned = forecast_artifact(model, 8, conditions=conditions)
    np.testing.assert_array_equal(conditioned.forecast.mean, base.forecast.mean)
    width = conditioned.forecast.upper - conditioned.forecast.lower
    assert np.all(width[:, 0] == 0) and width[2, 2] == 0
    assert np.all(width[:, 1] > 0) and np.all(width[:, 1] < (base.forecast.upper - base.forecast.lower)[:, 1])
    conditioned_variables = [c["variable"] for c in conditioned.to_dict()["conditions"]]
    assert conditioned_variables == ["realgdp"] * 3 + ["realinv"] + ["realgdp"] * 5
