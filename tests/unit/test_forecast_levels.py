"""Interval kinds through a stored version, the service and the CLI; the study's OLS and a small
coverage check (loose bounds: a few hundred replications)."""

import json
import warnings

import numpy as np
import pytest
from scipy.stats import norm
from statsmodels.tsa.vector_ar.var_model import VAR

from studies.coverage import Design, run_design
from studies.simulate import fit_ols, make_process, simulate
from tests.support.models import fit_params
from varlib import ModelSpec, Registry, load_dataset, train_model
from varlib.artifact import build_artifact, decode, encode
from varlib.cli import main
from varlib.forecast_inputs import INTERVAL_KINDS
from varlib.intervals import sample_moments
from varlib.service import forecast_artifact, forecast_version

RTOL = 1e-8


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(variables=["realgdp", "realcons", "realinv"])


def _fit(series, lags, trend):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return VAR(series).fit(lags, trend=trend)


def test_both_kinds_are_offered():
    assert INTERVAL_KINDS == ("standard", "corrected")


@pytest.mark.parametrize("trend", ["c", "ct", "n"])
@pytest.mark.parametrize("transform", ["none", "diff"])
def test_sample_moments_are_statsmodels_regressor_products(dataset, trend, transform):
    levels = dataset.frame.to_numpy()
    series = np.diff(levels, axis=0) if transform == "diff" else levels
    reference = _fit(series, 3, trend)
    moments = sample_moments(fit_params(series, 3, trend), series)
    np.testing.assert_allclose(moments.gram, reference.endog_lagged.T @ reference.endog_lagged, rtol=1e-12)
    assert moments.nobs == reference.nobs


def test_stored_levels_version_gives_statsmodels_auto_bands(dataset):
    growth = np.diff(np.log(dataset.frame), axis=0)
    frame = dataset.frame.iloc[1:].copy()
    frame[:] = growth
    result = train_model(
        type(dataset)("growth", frame, dataset.sha256), ModelSpec(variables=tuple(dataset.variables), lags=2, holdout=0)
    )
    artifact = decode(encode(build_artifact(result, "var", "tester")))
    ours = forecast_artifact(artifact, steps=10, alpha=0.1, intervals="corrected")
    reference = _fit(growth, 2, "c")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sd = np.sqrt(np.diagonal(reference.forecast_cov(10, method="auto"), axis1=1, axis2=2))
    mean = reference.forecast(growth[-2:], 10)
    np.testing.assert_allclose(ours.forecast.lower, mean - norm.ppf(0.95) * sd, rtol=RTOL)
    np.testing.assert_allclose(ours.forecast.upper, mean + norm.ppf(0.95) * sd, rtol=RTOL)
    body = ours.to_dict()
    assert body["intervals"] == "corrected" and body["point"] == "mean"


@pytest.fixture
def published(tmp_path, dataset):
    """A logdiff version in a local store, and the store folder."""
    registry = Registry.from_settings(_settings(tmp_path))
    result = train_model(dataset, ModelSpec(variables=tuple(dataset.variables), transform="logdiff", lags=2, holdout=0))
    registry.publish(build_artifact(result, "var", "tester"))
    return registry, tmp_path / "store"


def _settings(tmp_path):
    from varlib.config import Settings

    return Settings(store_dir=tmp_path / "store", author="tester")


def test_service_corrected_is_wider_median_and_labelled(published):
    registry, _ = published
    standard = forecast_version(registry, "var", "latest", steps=12, alpha=0.05)
    corrected = forecast_version(registry, "var", "latest", steps=12, alpha=0.05, intervals="corrected")
    np.testing.assert_allclose(corrected.forecast.mean, standard.forecast.mean, rtol=1e-12)
    assert np.all(
        np.log(corrected.forecast.upper / corrected.forecast.lower)
        > np.log(standard.forecast.upper / standard.forecast.lower)
    )
    assert corrected.to_dict()["intervals"] == "corrected" and corrected.to_dict()["point"] == "median"
    assert standard.to_dict()["intervals"] == "standard"


def test_cli_forecast_intervals_option(published, monkeypatch, capsys):
    _, folder = published
    for name in ("MINIO_ENDPOINT", "MINIO_ACCESS_KEY", "MINIO_SECRET_KEY", "MINIO_BUCKET", "VARLIB_READ_ONLY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(folder))
    assert main(["forecast", "--steps", "4", "--intervals", "corrected", "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["intervals"] == "corrected" and len(body["upper"]) == 4
    assert main(["forecast", "--steps", "4", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["intervals"] == "standard"
    assert main(["forecast", "--intervals", "bootstrap"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and "bootstrap" in err[0]


def test_study_ols_equals_varlib_fit():
    process = make_process(3, 2, 0.8, drift=False)
    paths = simulate(process, 3, 90, np.random.default_rng(7))
    coefs, intercepts, sigmas = fit_ols(paths, 2)
    for r in range(3):
        params = fit_params(paths[r], 2, "c")
        np.testing.assert_allclose(coefs[r], params.coefs, rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(intercepts[r], params.trend_coefs[0], rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(sigmas[r], params.sigma_u, rtol=1e-9)


@pytest.mark.parametrize("integrated", [False, True])
def test_small_coverage_check(integrated):
    """300 replications of a VAR(1) with T = 60: loose bounds that a wrong band would miss
    (e.g. cumulated difference bands or a band without the sqrt)."""
    out = run_design(Design(2, 1, 60, integrated), reps=300, horizons=8)
    for level in ("0.80", "0.95"):
        nominal = float(level)
        corrected = np.asarray(out["coverage"]["corrected"][level])
        standard = np.asarray(out["coverage"]["standard"][level])
        assert np.all(np.abs(corrected - nominal) < 0.06), corrected
        assert abs(corrected.mean() - nominal) < 0.03, corrected.mean()
        assert np.all(corrected >= standard)  # the corrected band contains the standard one
    assert np.all(np.asarray(out["width_ratio_95"]) > 1)
