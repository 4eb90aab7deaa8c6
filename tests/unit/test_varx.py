"""VARX: exogenous variables at training and forecast time equal statsmodels' VAR(endog, exog), to 1e-8."""

from __future__ import annotations

import json
import warnings

import numpy as np
import pandas as pd
import pytest
from scipy.stats import norm
from statsmodels.tsa.vector_ar.var_model import VAR

from varlib import InvalidInputError, ModelSpec, load_dataset, to_json, train_model
from varlib.artifact import EXOG_SCHEMA_VERSION, SCHEMA_VERSION, build_artifact, decode, encode
from varlib.service import forecast_artifact

RTOL = 1e-8
ENDOG = ["realgdp", "realcons"]
EXOG = ["realint", "unemp"]
FUTURE = {"realint": [1.0, 2.5, -0.5, 0.0, 3.0, 1.5], "unemp": [9.0, 9.5, 9.2, 8.8, 8.1, 7.9]}


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(variables=ENDOG + EXOG)


def _statsmodels(endog, exog, lags, trend):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return VAR(endog, exog).fit(lags, trend=trend)


def _varx(dataset, transform="none", trend="c", lags=2, holdout=0.0):
    spec = ModelSpec(
        variables=tuple(ENDOG), exog=tuple(EXOG), transform=transform, trend=trend, lags=lags, holdout=holdout
    )
    return train_model(dataset, spec)


def _future() -> np.ndarray:
    return np.column_stack([FUTURE[name] for name in EXOG])


@pytest.mark.parametrize("trend", ["c", "ct", "n"])
def test_levels_forecast_and_band_equal_statsmodels(dataset, trend):
    result = _varx(dataset, trend=trend)
    artifact = decode(encode(build_artifact(result, "varx", "tester")))  # through the stored form
    endog, exog = dataset.frame[ENDOG].to_numpy(), dataset.frame[EXOG].to_numpy()
    reference = _statsmodels(endog, exog, 2, trend)
    np.testing.assert_allclose(artifact.params.coefs, reference.coefs, rtol=RTOL)
    mean, lower, upper = reference.forecast_interval(endog[-2:], 6, 0.1, exog_future=_future())
    ours = forecast_artifact(artifact, 6, 0.1, exog=FUTURE)
    np.testing.assert_allclose(ours.forecast.mean, mean, rtol=RTOL)
    np.testing.assert_allclose(ours.forecast.lower, lower, rtol=RTOL)
    np.testing.assert_allclose(ours.forecast.upper, upper, rtol=RTOL)
    other = dict(FUTURE, realint=[x + 1 for x in FUTURE["realint"]])
    assert not np.allclose(forecast_artifact(artifact, 6, 0.1, exog=other).forecast.mean, ours.forecast.mean)


@pytest.mark.parametrize("transform", ["diff", "logdiff"])
def test_differenced_varx_uses_the_exogenous_values_as_given(dataset, transform):
    """Model space: differences (of logs) of the variables, regressed on their own lags and the untransformed
    exogenous values of the same period; the level forecast cumulates, its band from C_j = Phi_0 + ... + Phi_j."""
    result = _varx(dataset, transform=transform)
    artifact = build_artifact(result, "varx", "tester")
    levels = dataset.frame[ENDOG].to_numpy()
    base = np.log(levels) if transform == "logdiff" else levels
    growth, exog = np.diff(base, axis=0), dataset.frame[EXOG].to_numpy()[1:]
    reference = _statsmodels(growth, exog, 2, "c")
    steps = 6
    cumulated = base[-1] + np.cumsum(reference.forecast(growth[-2:], steps, exog_future=_future()), axis=0)
    weights = np.cumsum(reference.ma_rep(steps - 1), axis=0)
    variances = np.cumsum([np.diag(c @ reference.sigma_u @ c.T) for c in weights], axis=0)
    half = norm.ppf(0.975) * np.sqrt(variances)
    expected = [cumulated, cumulated - half, cumulated + half]
    if transform == "logdiff":
        expected = [np.exp(x) for x in expected]
    ours = forecast_artifact(artifact, steps, 0.05, exog=pd.DataFrame(FUTURE))
    for got, want in zip((ours.forecast.mean, ours.forecast.lower, ours.forecast.upper), expected, strict=True):
        np.testing.assert_allclose(got, want, rtol=RTOL)


def test_the_holdout_is_forecast_with_its_actual_exogenous_values(dataset):
    result = _varx(dataset, holdout=0.1)
    rows = result.evaluation.rows
    endog, exog = dataset.frame[ENDOG].to_numpy(), dataset.frame[EXOG].to_numpy()
    reference = _statsmodels(endog[:-rows], exog[:-rows], 2, "c")
    expected = reference.forecast(endog[-rows - 2 : -rows], rows, exog_future=exog[-rows:])
    np.testing.assert_allclose(result.evaluation.forecast, expected, rtol=RTOL)


def test_the_artifact_keeps_the_roles_and_is_written_as_the_exogenous_schema(dataset, macro_result):
    artifact = build_artifact(_varx(dataset), "varx", "tester")
    body = json.loads(encode(artifact))
    assert body["schema_version"] == EXOG_SCHEMA_VERSION and body["spec"]["exog"] == EXOG
    assert np.asarray(body["data"]["exog"]).shape == (len(dataset.frame), 2)
    assert np.asarray(body["fit"]["exog_coefs"]).shape == (2, 2)
    assert decode(encode(artifact)).exog == EXOG
    plain = json.loads(encode(build_artifact(macro_result, "var", "tester")))
    assert plain["schema_version"] == SCHEMA_VERSION and "exog" not in plain["spec"]  # plain VARs stay readable
    tampered = dict(body, schema_version=SCHEMA_VERSION)
    tampered.pop("checksum")
    from varlib.artifact import _canonical, _digest  # re-sign a body that claims the old schema

    tampered["checksum"] = "sha256:" + _digest(tampered)
    with pytest.raises(Exception, match="exogenous variables need schema version"):
        decode(_canonical(tampered).encode())


def test_a_forecast_without_the_exogenous_values_names_what_is_missing(dataset):
    artifact = build_artifact(_varx(dataset), "varx", "tester")
    with pytest.raises(InvalidInputError, match=r"exogenous variables realint, unemp: a forecast needs"):
        forecast_artifact(artifact, 6)
    with pytest.raises(InvalidInputError, match="unemp is missing"):
        forecast_artifact(artifact, 6, exog={"realint": FUTURE["realint"]})
    short = dict(FUTURE, unemp=FUTURE["unemp"][:4])
    with pytest.raises(InvalidInputError, match=r"unemp has no value for step 5 \(2010Q4\)"):
        forecast_artifact(artifact, 6, exog=short)
    with pytest.raises(InvalidInputError, match="realgdp' is a modelled variable; give it as a condition"):
        forecast_artifact(artifact, 6, exog=dict(FUTURE, realgdp=[1.0] * 6))
    with pytest.raises(InvalidInputError, match="exogenous value realint at step 2 .* is inf; use a finite number"):
        forecast_artifact(artifact, 6, exog=dict(FUTURE, realint=[1.0, float("inf")] + [0.0] * 4))
    with pytest.raises(InvalidInputError, match="corrected' are not offered for models with exogenous"):
        forecast_artifact(artifact, 6, exog=FUTURE, intervals="corrected")


def test_extra_exogenous_rows_after_the_horizon_are_not_used(dataset):
    artifact = build_artifact(_varx(dataset), "varx", "tester")
    dated = pd.DataFrame({"date": pd.date_range("2009-10-01", periods=6, freq="QS").strftime("%Y-%m-%d"), **FUTURE})
    four = forecast_artifact(artifact, 4, exog=dated)
    np.testing.assert_array_equal(four.exog, _future()[:4])
    assert json.loads(to_json(four.to_dict()))["exog"] == {name: FUTURE[name][:4] for name in EXOG}


def test_a_plain_var_refuses_exogenous_values_and_specs_refuse_a_double_role(macro_result):
    artifact = build_artifact(macro_result, "var", "tester")
    with pytest.raises(InvalidInputError, match="has no exogenous variables"):
        forecast_artifact(artifact, 4, exog={"realint": [1.0] * 4})
    with pytest.raises(InvalidInputError, match="cannot be both a variable and exogenous"):
        ModelSpec(variables=("realgdp", "realcons"), exog=("realcons",))
    with pytest.raises(InvalidInputError, match="the exogenous variables name realint more than once: list each"):
        ModelSpec(variables=("realgdp", "realcons"), exog=("realint", "unemp", "realint"))


def test_a_constant_exogenous_column_is_refused_by_name(dataset):
    frame = dataset.frame.assign(realint=1.0)
    flat = type(dataset)(dataset.name, frame, dataset.sha256, dataset.frequency)
    with pytest.raises(InvalidInputError, match="realint is constant"):
        _varx(flat)


def test_diagnostics_and_backtests_refit_with_the_exogenous_values(dataset):
    from varlib import backtest, diagnose

    artifact = build_artifact(_varx(dataset, transform="diff"), "varx", "tester")
    diagnostics = diagnose(artifact)
    assert diagnostics.refit_gap == 0.0
    assert diagnostics.coefficients.regressors[:3] == ("const", "realint", "unemp")
    result = backtest(artifact, origins=2, horizon=3)
    assert result.exog == tuple(EXOG) and result.to_dict()["exog_observed"] == list(EXOG)
    levels, exog = dataset.frame[ENDOG].to_numpy(), dataset.frame[EXOG].to_numpy()
    cut = len(levels) - 3 - 2 + 1  # the first origin: fitted on the first `cut` levels
    growth = np.diff(levels[:cut], axis=0)
    reference = _statsmodels(growth, exog[1:cut], 2, "c")
    expected = levels[cut - 1] + np.cumsum(reference.forecast(growth[-2:], 3, exog_future=exog[cut : cut + 3]), axis=0)
    np.testing.assert_allclose(result.forecast[0], expected, rtol=RTOL)


def test_adding_an_exogenous_variable_changes_the_shape_of_a_name(dataset, macro_result):
    from varlib.catalog.shape import artifact_shape

    plain = artifact_shape(build_artifact(macro_result, "var", "tester"))
    varx = artifact_shape(build_artifact(_varx(dataset), "var", "tester"))
    assert "variables added as exogenous: realint, unemp" in plain.differences(varx)


def test_a_comparison_holds_a_varxs_exogenous_values_at_their_last_observed_and_says_so(dataset, macro_result):
    from varlib import overlay_forecasts

    plain, varx = build_artifact(macro_result, "var", "tester"), build_artifact(_varx(dataset), "varx", "tester")
    overlaid = overlay_forecasts([plain, varx], steps=4)
    assert overlaid[0].forecast is not None and overlaid[1].forecast is not None
    last = dataset.frame[["realint", "unemp"]].iloc[-1]
    assert f"held at their last observed (realint {last['realint']:g}, unemp {last['unemp']:g})" in overlaid[1].assumed
    np.testing.assert_array_equal(overlaid[1].forecast.exog, np.tile(last.to_numpy(dtype=float), (4, 1)))


def test_scores_of_a_varx_say_they_were_given_the_observed_exogenous_path(dataset, macro_result):
    from varlib import backtest, exog_note

    plain = backtest(build_artifact(macro_result, "v", "t"), 2, 1)
    assert exog_note(()) is None and plain.exog == () and "exog_observed" not in plain.to_dict()
    assert exog_note(["unemp"]).startswith("The exogenous variable unemp took its observed values")
    assert exog_note(EXOG).startswith("The exogenous variables realint, unemp took their observed values")
