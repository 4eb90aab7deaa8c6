"""Hard-condition forecasts equal the Kalman smoother of the same model written as a state-space model.

varlib.conditional computes the conditional mean and covariance of the future path in closed form, from the
stacked moving-average weights of the forecast errors. Here the VAR that varlib estimated (its coefficient
matrices, intercept/trend, exogenous coefficients and Sigma_u) is handed to statsmodels' VARMAX, which builds
its own companion-form state space; a model on differences gets an integrator appended to that state (levels
or log levels = last level + the differences). The last observed rows and the future rows go in as data, the
conditioned entries observed and the free ones NaN, with an exact diffuse initial state (the observed rows
pin it down). The Kalman smoother then gives E[path | conditions] as its smoothed values and the conditional
covariance from its smoothed state (auto)covariances: no MA weights, no stacked matrices, no Gaussian
conditioning formula, and even the unconditional mean the conditions are built from comes from the smoother.
Compared: varlib's conditional_moments (mean and the whole joint covariance) and the product's conditional
forecast in levels (forecast_artifact: point and bands), for VARs in levels (trend c and ct), a VARX, VECMs
(levels and logs, through their VAR representation) and VARs on diff and logdiff, all to 1e-8 relative.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pytest
from scipy.stats import norm
from statsmodels.tsa.statespace.mlemodel import MLEModel
from statsmodels.tsa.statespace.varmax import VARMAX

from varlib import ModelSpec, load_dataset, train_model
from varlib.artifact import Artifact, build_artifact
from varlib.conditional import conditional_moments
from varlib.service import forecast_artifact

RTOL = 1e-8
STEPS, ALPHA = 6, 0.1
MACRO = ["realgdp", "realcons", "realinv"]
EXOG = {"realint": [1.0, 2.5, -0.5, 0.0, 3.0, 1.5], "unemp": [9.0, 9.5, 9.2, 8.8, 8.1, 7.9]}
CASES: dict[str, dict[str, Any]] = {
    "var-levels-c": {},
    "var-levels-ct": {"trend": "ct"},
    "var-levels-p3": {"lags": 3},
    "varx-levels": {"variables": ("realgdp", "realcons"), "exog": tuple(EXOG)},
    "vecm-levels": {"kind": "vecm", "coint_rank": 1},
    "vecm-log": {"kind": "vecm", "coint_rank": 1, "transform": "log"},
    "var-diff-c": {"transform": "diff"},
    "var-diff-ct": {"transform": "diff", "trend": "ct"},
    "var-logdiff-c": {"transform": "logdiff"},
}


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(variables=MACRO + list(EXOG))


@pytest.fixture(scope="module", params=list(CASES))
def artifact(request, dataset) -> Artifact:
    options = {"variables": tuple(MACRO), "lags": 2, "holdout": 0.0, **CASES[request.param]}
    return build_artifact(train_model(dataset, ModelSpec(**options)), "state-space", "tester")


def _scale(artifact: Artifact) -> tuple[bool, bool]:
    """(logged, integrated): the model's own scale is log levels, and it is fitted on differences."""
    transform = artifact.spec.transform
    return transform in ("log", "logdiff"), transform in ("diff", "logdiff")


def _params(artifact: Artifact):
    """The VAR varlib estimated: the model itself, or a VECM's VAR representation in (log) levels."""
    return artifact.params if artifact.spec.kind == "var" else artifact.params.var


def _smooth(artifact: Artifact, dataset, future: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Kalman-smoothed mean (STEPS x k) and joint covariance (STEPS*k square, step-major) of the future rows,
    on the model's scale, given the observed entries of `future` (NaN where free)."""
    var = _params(artifact)
    logged, integrated = _scale(artifact)
    p, k = var.k_ar, var.k
    levels = dataset.frame[artifact.variables].to_numpy()[-(p + integrated) :]
    data = np.vstack([np.log(levels) if logged else levels, future])
    exog = None
    if var.exog_coefs is not None:
        history = dataset.frame[artifact.exog].to_numpy()[-p:]
        exog = np.vstack([history, np.column_stack([EXOG[name] for name in artifact.exog])])
    # row 0 of the data is period n_totobs - p + 1 of the fitted series (one earlier on differences)
    model = VARMAX(
        data,
        exog=exog,
        order=(p, 0),
        trend=var.trend,
        trend_offset=var.n_totobs - p + 1 - integrated,
        enforce_stationarity=False,
        initialization="diffuse",
    )
    params = [var.trend_coefs.T.ravel(), np.hstack(list(var.coefs)).ravel()]
    if var.exog_coefs is not None:
        params.append(var.exog_coefs.T.ravel())
    params.append(np.linalg.cholesky(var.sigma_u)[np.tril_indices(k)])
    values = np.concatenate(params)
    if integrated:  # state [VAR companion state of the differences; level of the previous period]
        model.update(values)
        model, values = _integrated(model, data, k), np.empty(0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = model.smooth(values)
    design = model["design"]
    first = len(data) - STEPS
    mean = (design @ result.smoothed_state)[:, first:].T
    joint = np.empty((STEPS * k, STEPS * k))
    for s in range(STEPS):
        for lag in range(s + 1):
            state = result.smoothed_state_cov[:, :, first + s]
            if lag:  # Cov(state at first + s, state lag periods earlier | all data)
                state = result.smoother_results.smoothed_state_autocovariance(lag=lag, t=first + s)
            block = design @ state @ design.T
            joint[s * k : (s + 1) * k, (s - lag) * k : (s - lag + 1) * k] = block
            joint[(s - lag) * k : (s - lag + 1) * k, s * k : (s + 1) * k] = block.T
    return mean, joint


def _integrated(var: VARMAX, data: np.ndarray, k: int) -> MLEModel:
    """The VARMAX state of the differences with the level appended: level_t = level_{t-1} + difference_t."""
    inner = var.k_states
    model = MLEModel(data, k_states=inner + k, k_posdef=k, initialization="diffuse")
    transition = np.zeros((inner + k, inner + k))
    transition[:inner, :inner] = var["transition"]
    transition[inner:, :inner] = var["design"]  # the difference of this period ...
    transition[inner:, inner:] = np.eye(k)  # ... plus the level of the last
    model["transition"] = transition
    model["design"] = np.hstack([var["design"], np.eye(k)])
    model["selection"] = np.vstack([var["selection"], np.zeros((k, k))])
    model["state_cov"] = var["state_cov"]
    intercept = var["state_intercept"]
    model["state_intercept"] = np.concatenate([intercept, np.zeros((k, *intercept.shape[1:]))])
    return model


def _targets(mean: np.ndarray) -> np.ndarray:
    """The first variable 1% above its forecast at steps 1-3, the last 3% below at step 5 (model's scale)."""
    targets = np.full(mean.shape, np.nan)
    targets[:3, 0] = mean[:3, 0] + 0.01 * np.abs(mean[:3, 0])
    targets[4, -1] = mean[4, -1] - 0.03 * np.abs(mean[4, -1])
    return targets


def test_conditional_moments_equal_the_kalman_smoother(artifact, dataset):
    k = len(artifact.variables)
    unconditional, _ = _smooth(artifact, dataset, np.full((STEPS, k), np.nan))
    targets = _targets(unconditional)
    expected_mean, expected_joint = _smooth(artifact, dataset, targets)
    mean, joint = conditional_moments(_params(artifact), _scale(artifact)[1], unconditional, targets)
    np.testing.assert_allclose(mean, expected_mean, rtol=RTOL)
    np.testing.assert_allclose(joint, expected_joint, rtol=RTOL, atol=RTOL * np.abs(expected_joint).max())
    free = np.isnan(targets.reshape(-1))
    assert np.all(np.diag(joint)[free] > 0) and np.all(np.diag(joint)[~free] == 0)


def test_conditional_forecast_in_levels_equals_the_kalman_smoother(artifact, dataset):
    """The product path: conditions in levels through forecast_artifact; its point and (1 - ALPHA) band are
    the smoothed mean -/+ the normal quantile times the smoothed standard deviation (exponentiated for logs).
    Without conditions it is the smoother's unconditional path: the state-space model is varlib's model."""
    logged, _ = _scale(artifact)
    k = len(artifact.variables)
    exog = EXOG if artifact.exog else None
    unconditional, _ = _smooth(artifact, dataset, np.full((STEPS, k), np.nan))
    for conditioned in (False, True):
        targets = _targets(unconditional) if conditioned else np.full((STEPS, k), np.nan)
        mean, joint = _smooth(artifact, dataset, targets)
        half = norm.ppf(1 - ALPHA / 2) * np.sqrt(np.clip(np.diag(joint), 0, None)).reshape(STEPS, k)
        bounds = [mean, mean - half, mean + half]
        levels = np.exp(targets) if logged else targets
        conditions = {  # a variable free at every step is left out: one given with no value is refused
            v: [None if np.isnan(x) else x for x in levels[:, j]]
            for j, v in enumerate(artifact.variables)
            if not np.isnan(levels[:, j]).all()
        }
        result = forecast_artifact(artifact, STEPS, ALPHA, exog=exog, conditions=conditions if conditioned else None)
        free = np.isnan(targets)
        forecast = result.forecast
        for got, want in zip((forecast.mean, forecast.lower, forecast.upper), bounds, strict=True):
            np.testing.assert_allclose(got[free], (np.exp(want) if logged else want)[free], rtol=RTOL)
            np.testing.assert_array_equal(got[~free], levels[~free])  # exactly the condition, zero width
        scale = np.log if logged else np.asarray  # the band's width alone, on the model's scale
        width = (scale(forecast.upper) - scale(forecast.lower))[free] / 2
        np.testing.assert_allclose(width, half[free], rtol=RTOL)
