"""A VECM forecasts in numpy through its VAR representation exactly as statsmodels' VECMResults.predict does."""

from __future__ import annotations

import warnings
from dataclasses import replace

import numpy as np
import pytest
from statsmodels.datasets import interest_inflation
from statsmodels.tsa.vector_ar.vecm import VECM

from varlib import InvalidInputError, ModelSpec, forecast_artifact, load_dataset, train_model
from varlib.artifact import build_artifact, decode, encode
from varlib.kinds import get_kind
from varlib.model_space import DETERMINISTIC
from varlib.versions import Version

RTOL = 1e-8
STEPS = 12


def cointegrated(rows: int = 160, seed: int = 7) -> np.ndarray:
    """Three positive series: two share one stochastic trend (one relation), the third wanders alone; with
    rank 2 the fit is misspecified but still a VECM, which is all the forecast identity needs."""
    rng = np.random.default_rng(seed)
    trend = np.cumsum(rng.normal(0.3, 1.0, rows))
    alone = np.cumsum(rng.normal(0.1, 1.0, rows))
    levels = np.column_stack(
        [trend + rng.normal(0, 0.5, rows), 0.5 * trend + rng.normal(0, 0.5, rows), alone + rng.normal(0, 0.3, rows)]
    )
    return levels + 100


E6 = interest_inflation.load_pandas().data[["Dp", "R"]].to_numpy(float)
SIMULATED = cointegrated()


def _reference(data: np.ndarray, lags: int, rank: int, deterministic: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return VECM(data, k_ar_diff=lags - 1, coint_rank=rank, deterministic=deterministic).fit()


def _fit(data: np.ndarray, lags: int, rank: int, deterministic: str, transform: str = "none"):
    names = tuple(f"y{j + 1}" for j in range(data.shape[1]))
    spec = ModelSpec(
        variables=names, kind="vecm", lags=lags, coint_rank=rank, deterministic=deterministic, transform=transform
    )
    return spec, get_kind("vecm").fit(data, spec, assess=False).params


def assert_close(actual: np.ndarray, desired: np.ndarray) -> None:
    np.testing.assert_allclose(actual, desired, rtol=RTOL, atol=0)


CASES = [
    (name, data, lags, rank, deterministic)
    for name, data, ranks in (("e6", E6, (1,)), ("simulated", SIMULATED, (1, 2)))
    for deterministic in DETERMINISTIC
    for rank in ranks
    for lags in (1, 2, 4)
]


@pytest.mark.parametrize(
    "name, data, lags, rank, deterministic", CASES, ids=[f"{c[0]}-{c[4]}-r{c[3]}-p{c[2]}" for c in CASES]
)
def test_forecast_equals_statsmodels_predict(name, data, lags, rank, deterministic):
    spec, params = _fit(data, lags, rank, deterministic)
    reference = _reference(data, lags, rank, deterministic)
    assert np.array_equal(params.alpha, reference.alpha) and np.array_equal(params.gamma, reference.gamma)
    mean, lower, upper = reference.predict(steps=STEPS, alpha=0.05)
    ours = get_kind("vecm").forecast(params, spec, data[-lags:], STEPS, 0.05)
    assert_close(ours.mean, mean)
    assert_close(ours.lower, lower)
    assert_close(ours.upper, upper)
    assert_close(params.var.coefs, reference.var_rep)
    assert ours.point == "mean" and ours.intervals == "standard"


@pytest.mark.parametrize("deterministic", DETERMINISTIC)
def test_forecast_from_other_lag_inputs_equals_statsmodels(deterministic):
    """Lag inputs other than the sample's end: statsmodels forecasts from its data's last rows, so the
    reference is the same fit with those rows replaced (the deterministic terms keep counting from the sample)."""
    spec, params = _fit(SIMULATED, 3, 1, deterministic)
    reference = _reference(SIMULATED, 3, 1, deterministic)
    inputs = SIMULATED[-3:] + np.array([[2.0, -1.0, 0.5], [1.0, 3.0, -2.0], [-4.0, 0.5, 1.5]])
    reference.y_all = np.vstack([SIMULATED[:-3], inputs]).T  # predict reads only its last k_ar columns
    mean, lower, upper = reference.predict(steps=8, alpha=0.1)
    ours = get_kind("vecm").forecast(params, spec, inputs, 8, 0.1)
    assert_close(ours.mean, mean)
    assert_close(ours.lower, lower)
    assert_close(ours.upper, upper)


def test_log_levels_are_forecast_and_exponentiated():
    spec, params = _fit(SIMULATED, 2, 1, "co", transform="log")
    mean, lower, upper = _reference(np.log(SIMULATED), 2, 1, "co").predict(steps=6, alpha=0.05)
    ours = get_kind("vecm").forecast(params, spec, SIMULATED[-2:], 6, 0.05)
    assert_close(ours.mean, np.exp(mean))
    assert_close(ours.lower, np.exp(lower))
    assert_close(ours.upper, np.exp(upper))
    assert ours.point == "median"
    with pytest.raises(InvalidInputError, match="this model works on logs and needs positive values"):
        get_kind("vecm").forecast(params, spec, -SIMULATED[-2:], 6, 0.05)


def test_corrected_intervals_are_refused_with_the_reason():
    spec, params = _fit(E6, 4, 1, "co")
    with pytest.raises(InvalidInputError, match="not available for VECM versions.*use intervals 'standard'"):
        get_kind("vecm").forecast(params, spec, E6[-4:], 5, 0.05, "corrected", E6)
    with pytest.raises(InvalidInputError, match="intervals 'sideways' must be one of"):
        get_kind("vecm").forecast(params, spec, E6[-4:], 5, 0.05, "sideways")


@pytest.fixture(scope="module")
def macro_vecm():
    dataset = load_dataset()
    result = train_model(dataset, ModelSpec(variables=tuple(dataset.variables), kind="vecm", max_lags=8))
    return replace(build_artifact(result, "macro-vecm", "tester"), version=Version(0, 0, 1))


def test_a_stored_vecm_forecasts_the_same_after_a_round_trip(macro_vecm):
    loaded = decode(encode(macro_vecm))
    for field in ("alpha", "beta", "gamma", "det_coef", "det_coef_coint", "sigma_u"):
        assert np.array_equal(getattr(loaded.params, field), getattr(macro_vecm.params, field)), field
    assert loaded.params.johansen == macro_vecm.params.johansen
    assert loaded.spec == macro_vecm.spec and loaded.lag_rows == macro_vecm.params.k_ar
    before, after = forecast_artifact(macro_vecm, 8), forecast_artifact(loaded, 8)
    assert np.array_equal(before.forecast.mean, after.forecast.mean)
    reference = _reference(macro_vecm.data.values, macro_vecm.k_ar, macro_vecm.params.coint_rank, "co")
    assert_close(after.forecast.mean, reference.predict(steps=8))
    assert after.index[0] == "2009-10-01" and after.to_dict()["intervals"] == "standard"
    with pytest.raises(InvalidInputError, match="not available for VECM versions"):
        forecast_artifact(loaded, 8, intervals="corrected")


def test_the_holdout_is_scored_by_the_same_spec_fitted_without_it(macro_vecm):
    evaluation = macro_vecm.evaluation
    rows = evaluation["rows"]
    head = macro_vecm.data.values[:-rows]
    reference = _reference(head, evaluation["k_ar"], 1, "co").predict(steps=rows)
    assert_close(np.asarray(evaluation["forecast"]), reference)
