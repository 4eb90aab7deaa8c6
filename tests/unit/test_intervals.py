"""Corrected intervals: statsmodels' forecast_cov(method="auto") for levels models, and an independent
complex-step derivative of the (cumulated) forecast for every trend and for differenced models."""

import warnings

import numpy as np
import pytest
from scipy.stats import norm
from statsmodels.tsa.vector_ar.var_model import VAR

from tests.support.models import fit_params
from varlib import load_dataset
from varlib.errors import CorruptArtifactError, InvalidInputError
from varlib.forecast import forecast_levels
from varlib.forecast_errors import ma_matrices
from varlib.intervals import estimation_covariances, sample_moments

RTOL = 1e-8


@pytest.fixture(scope="module")
def levels():
    return load_dataset(variables=["realgdp", "realcons", "realinv"]).frame.to_numpy()


@pytest.fixture(scope="module")
def growth(levels):
    """A stationary series: quarterly log growth rates."""
    return np.diff(np.log(levels), axis=0)


def _fit(series, lags, trend):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return VAR(series).fit(lags, trend=trend)


def _bands(mean, cov, alpha):
    q = norm.ppf(1 - alpha / 2)
    sd = np.sqrt(np.diagonal(cov, axis1=1, axis2=2))
    return mean - q * sd, mean + q * sd


@pytest.mark.parametrize("lags", [1, 2, 4])
def test_levels_model_with_constant_equals_statsmodels_auto(growth, lags):
    reference = _fit(growth, lags, "c")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # statsmodels announces that it adds the parameter uncertainty
        cov = reference.forecast_cov(12, method="auto")
    assert not np.allclose(cov, reference.mse(12))  # the reference really is the corrected one
    mean = reference.forecast(growth[-lags:], 12)
    lower, upper = _bands(mean, cov, 0.1)
    params = fit_params(growth, lags, "c")
    ours = forecast_levels(params, "none", growth[-lags:], 12, 0.1, "corrected", sample_moments(params, growth))
    assert ours.intervals == "corrected"
    np.testing.assert_allclose(ours.mean, mean, rtol=RTOL)
    np.testing.assert_allclose(ours.lower, lower, rtol=RTOL)
    np.testing.assert_allclose(ours.upper, upper, rtol=RTOL)


def test_levels_model_standard_still_equals_statsmodels(growth):
    reference = _fit(growth, 2, "c")
    expected = reference.forecast_interval(growth[-2:], 12, alpha=0.2)
    params = fit_params(growth, 2, "c")
    ours = forecast_levels(params, "none", growth[-2:], 12, 0.2, "standard", sample_moments(params, growth))
    for got, want in zip((ours.mean, ours.lower, ours.upper), expected, strict=False):
        np.testing.assert_allclose(got, want, rtol=RTOL)


def test_levels_model_without_trend_equals_lutkepohl_omega(growth):
    # statsmodels' forecast_cov(method="auto") silently returns the plain MSE for trend "n";
    # its Omega helper itself handles no deterministic terms, so compare with that.
    reference = _fit(growth, 2, "n")
    cov = reference.mse(10) + reference._omega_forc_cov(10) / reference.nobs
    lower, upper = _bands(reference.forecast(growth[-2:], 10), cov, 0.05)
    params = fit_params(growth, 2, "n")
    ours = forecast_levels(params, "none", growth[-2:], 10, 0.05, "corrected", sample_moments(params, growth))
    np.testing.assert_allclose(ours.lower, lower, rtol=RTOL)
    np.testing.assert_allclose(ours.upper, upper, rtol=RTOL)


# -- an independent route: differentiate the forecast itself ---------------------------------
def _forecast_paths(coef_matrix, states, n_det, k, p, steps):
    """Forecasts 1..steps from every regressor row `states` (T x m) with A = coef_matrix (k x m),
    by plain iteration (complex-safe, so a complex step gives exact derivatives)."""
    out = []
    z = states.astype(coef_matrix.dtype)
    for _ in range(steps):
        y = z @ coef_matrix.T
        out.append(y)
        det = z[:, :n_det].copy()
        if n_det == 2:
            det[:, 1] = det[:, 1] + 1.0  # the linear trend moves on by one period
        z = np.hstack([det, y, z[:, n_det : n_det + k * (p - 1)]])
    return np.stack(out, axis=1)  # (T, steps, k)


def _omega_by_complex_step(reference, steps, cumulated):
    """Omega(h)/T as the sample average of D_t (G^-1 (x) Sigma_u) D_t' with D_t the exact derivative of
    the (cumulated) h-step forecast from each in-sample regressor row with respect to vec(A)."""
    z = np.asarray(reference.endog_lagged, dtype=float)
    a = np.asarray(reference.params, dtype=float).T  # k x m: deterministic terms, then lags 1..p
    k, m = a.shape
    n_det = m - k * reference.k_ar
    jac = np.zeros((z.shape[0], steps, k, k * m))
    for col in range(m):
        for row in range(k):
            bumped = a.astype(complex)
            bumped[row, col] += 1e-30j
            path = _forecast_paths(bumped, z, n_det, k, reference.k_ar, steps)
            if cumulated:
                path = np.cumsum(path, axis=1)
            jac[:, :, :, col * k + row] = path.imag / 1e-30  # column-major vec(A)
    cov_alpha = np.kron(np.linalg.inv(z.T @ z), reference.sigma_u)
    omega = np.einsum("thai,ij,thbj->hab", jac, cov_alpha, jac)
    return omega / z.shape[0]


@pytest.mark.parametrize("trend", ["c", "n", "ct"])
@pytest.mark.parametrize("cumulated", [False, True])
def test_estimation_term_equals_derivative_of_the_forecast(growth, trend, cumulated):
    reference = _fit(growth, 2, trend)
    params = fit_params(growth, 2, trend)
    ours = estimation_covariances(params, sample_moments(params, growth), ma_matrices(params.coefs, 9), cumulated)
    np.testing.assert_allclose(ours, _omega_by_complex_step(reference, 9, cumulated), rtol=1e-8, atol=0)


def _standard_level_cov(reference, steps):
    """sum_{m=1..h} C_{h-m} Sigma_u C_{h-m}' with C_j = Phi_0 + ... + Phi_j, summed explicitly."""
    phis = reference.ma_rep(steps)
    k = phis.shape[1]
    covs = np.zeros((steps, k, k))
    for h in range(1, steps + 1):
        for m in range(1, h + 1):
            c = sum(phis[i] for i in range(h - m + 1))
            covs[h - 1] += c @ reference.sigma_u @ c.T
    return covs


@pytest.mark.parametrize("transform", ["diff", "logdiff"])
@pytest.mark.parametrize("trend", ["c", "ct"])
def test_differenced_models_corrected_bands_equal_independent_formula(levels, transform, trend):
    base = np.log(levels) if transform == "logdiff" else levels
    diffs = np.diff(base, axis=0)
    reference = _fit(diffs, 3, trend)
    steps, alpha = 16, 0.05
    mean = base[-1] + np.cumsum(reference.forecast(diffs[-3:], steps), axis=0)
    cov = _standard_level_cov(reference, steps) + _omega_by_complex_step(reference, steps, cumulated=True)
    lower, upper = _bands(mean, cov, alpha)
    if transform == "logdiff":
        mean, lower, upper = np.exp(mean), np.exp(lower), np.exp(upper)
    params = fit_params(diffs, 3, trend)
    ours = forecast_levels(params, transform, levels[-4:], steps, alpha, "corrected", sample_moments(params, diffs))
    np.testing.assert_allclose(ours.mean, mean, rtol=RTOL)
    np.testing.assert_allclose(ours.lower, lower, rtol=RTOL)
    np.testing.assert_allclose(ours.upper, upper, rtol=RTOL)
    assert ours.point == ("median" if transform == "logdiff" else "mean")


def test_corrected_is_wider_than_standard_and_both_widen_for_integrated_data(levels):
    diffs = np.diff(levels, axis=0)
    params = fit_params(diffs, 2, "c")
    moments = sample_moments(params, diffs)
    standard = forecast_levels(params, "diff", levels[-3:], 24, 0.05)
    corrected = forecast_levels(params, "diff", levels[-3:], 24, 0.05, "corrected", moments)
    for result in (standard, corrected):
        width = result.upper - result.lower
        assert np.all(np.diff(width, axis=0) > 0)
    assert np.all(corrected.upper - corrected.lower > standard.upper - standard.lower)


def test_corrected_without_the_training_sample_is_refused(growth):
    params = fit_params(growth, 1, "c")
    with pytest.raises(InvalidInputError, match="training sample"):
        forecast_levels(params, "none", growth[-1:], 4, 0.05, "corrected")
    with pytest.raises(InvalidInputError, match="'standard', 'corrected'|standard, corrected"):
        forecast_levels(params, "none", growth[-1:], 4, 0.05, "bootstrap")


def test_a_sample_that_does_not_match_the_fit_is_refused(growth):
    params = fit_params(growth, 1, "c")
    with pytest.raises(CorruptArtifactError, match="retrain"):
        sample_moments(params, growth[:-1])


def test_an_excessive_request_is_refused_with_the_way_out():
    from varlib.intervals import SampleMoments
    from varlib.model import VarParams

    k, p = 10, 20
    params = VarParams(np.zeros((p, k, k)), np.zeros((1, k)), np.eye(k), "c", 500)
    m = 1 + k * p
    with pytest.raises(InvalidInputError, match=r"use at most \d+ steps or intervals 'standard'"):
        estimation_covariances(params, SampleMoments(np.eye(m), 480), ma_matrices(params.coefs, 400), True)
