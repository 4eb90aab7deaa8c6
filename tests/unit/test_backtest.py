"""Rolling-origin backtests: a hand-computed tiny case, and refits checked against statsmodels."""

import re

import numpy as np
import pandas as pd
import pytest
from statsmodels.tsa.vector_ar.var_model import VAR

from varlib import ModelSpec, load_dataset
from varlib.artifact import build_artifact
from varlib.backtest import backtest
from varlib.data import Dataset
from varlib.errors import InvalidInputError
from varlib.training import train


def _artifact(frame, **spec):
    spec = ModelSpec(variables=tuple(frame.columns), holdout=0, **spec)
    return build_artifact(train(Dataset("test", frame, "0" * 64), spec), "bt", "tester")


@pytest.fixture(scope="module")
def tiny():
    """a halves and b doubles each quarter: a noiseless VAR(1) that OLS recovers exactly. Seventeen rows
    (t = -7..9): the first backtest origin then keeps a VAR(1) of two variables its 10 residual degrees
    of freedom."""
    t = np.arange(-7, 10)
    frame = pd.DataFrame(
        {"a": 64 * 0.5**t, "b": 2.0**t}, index=pd.date_range("1998-04-01", periods=17, freq="QS", name="date")
    )
    return _artifact(frame, lags=1)


def test_hand_computed_tiny_series(tiny):
    calls = []
    result = backtest(tiny, origins=2, horizon=2, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 2), (2, 2)]
    assert result.policy() == "lag order fixed (the version's own)"  # given when trained: nothing chosen on the data
    # cut points 7 and 8: train on a[0..6] / a[0..7], forecast the next two quarters
    assert result.origins == ("2001-07-01", "2001-10-01") and result.lag_orders == (1, 1)
    np.testing.assert_allclose(result.actual[:, :, 1], [[128, 256], [256, 512]])
    np.testing.assert_allclose(result.naive[:, :, 1], [[64, 64], [128, 128]])
    np.testing.assert_allclose(result.naive[:, :, 0], [[1, 1], [0.5, 0.5]])
    scores = result.scores().set_index(["variable", "horizon"])
    # random walk on b: errors 64,128 (h=1) and 192,384 (h=2), each 50% / 75% of the actual
    assert scores.loc[("b", 1), "mae_rw"] == pytest.approx(96)
    assert scores.loc[("b", 1), "rmse_rw"] == pytest.approx(np.sqrt((64**2 + 128**2) / 2))
    assert scores.loc[("b", 1), "mape_rw"] == pytest.approx(50)
    assert scores.loc[("b", 2), "mae_rw"] == pytest.approx(288)
    assert scores.loc[("b", 2), "rmse_rw"] == pytest.approx(np.sqrt((192**2 + 384**2) / 2))
    assert scores.loc[("b", 2), "mape_rw"] == pytest.approx(75)
    # on a: errors 0.5,0.25 (h=1) and 0.75,0.375 (h=2), 100% and 300% of actual values near 0 (0.125 to 0.5,
    # where a started at 8192): no MAPE (scores.percent_scorable)
    assert scores.loc[("a", 1), "mae_rw"] == pytest.approx(0.375)
    assert scores.loc[("a", 2), "mae_rw"] == pytest.approx(0.5625)
    assert scores.loc["a", ["mape", "mape_rw"]].isna().all().all() and result.percent == (False, True)
    # the VAR(1) refit at each origin finds a -> a/2, b -> 2b exactly, so its forecasts are the truth
    np.testing.assert_allclose(result.forecast, result.actual, rtol=1e-9)
    assert (scores[["rmse", "mae"]] < 1e-8).all().all()
    assert (scores.loc["b", "mape"] < 1e-6).all()
    assert (scores["rmse_ratio"] < 1e-8).all()


@pytest.mark.parametrize("transform", ["none", "logdiff"])
def test_each_origin_equals_a_statsmodels_refit(transform):
    frame = load_dataset(variables=["realgdp", "realcons"]).frame
    artifact = _artifact(frame, transform=transform, lags=2)
    result = backtest(artifact, origins=3, horizon=3)
    levels = frame.to_numpy()
    n = len(levels)
    for i, cut in enumerate(range(n - 3 - 3 + 1, n - 3 + 1)):
        train_levels = levels[:cut]
        if transform == "none":
            expected = VAR(train_levels).fit(2).forecast(train_levels[-2:], 3)
        else:
            growth = np.diff(np.log(train_levels), axis=0)
            steps = VAR(growth).fit(2).forecast(growth[-2:], 3)
            expected = np.exp(np.log(train_levels[-1]) + np.cumsum(steps, axis=0))
        np.testing.assert_allclose(result.forecast[i], expected, rtol=1e-8)
        np.testing.assert_allclose(result.actual[i], levels[cut : cut + 3])
        np.testing.assert_allclose(result.naive[i], np.repeat(levels[cut - 1 : cut], 3, axis=0))
    errors = result.forecast - result.actual
    scores = result.scores()
    np.testing.assert_allclose(scores["rmse"], np.sqrt((errors**2).mean(axis=0)).T.ravel(), rtol=1e-10)
    np.testing.assert_allclose(
        scores["mape"], (np.abs(errors / result.actual).mean(axis=0) * 100).T.ravel(), rtol=1e-10
    )
    assert result.to_dict()["scores"][0]["variable"] == "realgdp"


def test_reselect_policy_reruns_the_criterion():
    frame = load_dataset(variables=["realgdp", "realcons"]).frame
    artifact = _artifact(frame, transform="logdiff", max_lags=6, ic="bic")
    fixed = backtest(artifact, origins=2, horizon=1)
    assert fixed.lag_orders == (artifact.k_ar, artifact.k_ar)
    assert fixed.policy() == "lag order fixed (the version's own, chosen on all its rows, the scored periods included)"
    reselected = backtest(artifact, origins=2, horizon=1, lag_policy="reselect")
    levels = frame.to_numpy()
    for order, cut in zip(reselected.lag_orders, range(len(levels) - 2, len(levels)), strict=False):
        growth = np.diff(np.log(levels[:cut]), axis=0)
        bic = VAR(growth).select_order(6).ics["bic"]  # lags 0..6 on a common sample; the search starts at 1
        assert order == 1 + int(np.argmin(bic[1:]))


def test_bad_requests_name_the_value(tiny):
    for kwargs, message in [
        ({"origins": 0}, "origins 0"),
        ({"horizon": 41}, "horizon 41"),
        ({"origins": 2.5}, "origins 2.5"),
        ({"lag_policy": "best"}, "lag policy 'best'"),
        ({"lag_policy": "reselect"}, "order was fixed at 1 when it was trained: there is nothing to reselect"),
        ({"origins": 5, "horizon": 2}, "fewer origins"),
    ]:
        with pytest.raises(InvalidInputError, match=message):
            backtest(tiny, **{"origins": 2, "horizon": 2, **kwargs})


def test_a_request_larger_than_the_data_names_what_fits_and_no_negative_count(tiny):
    """17 rows and a VAR(1) of two variables: the first origin's training part needs 14 rows, so origins and
    horizon may add up to 4. Asking for 20 origins once said the part had -5 usable rows."""
    for origins, horizon, fits in [(20, 2, (2, 2)), (20, 10, (1, 3))]:
        with pytest.raises(InvalidInputError) as refused:
            backtest(tiny, origins=origins, horizon=horizon)
        message = str(refused.value)
        assert f"a backtest of {origins} origins at horizon {horizon} is larger than the data allow" in message
        assert "needs 14 usable rows" in message and "'bt' has 17 rows" in message
        example = f"{fits[0]} origin{'s' if fits[0] > 1 else ''} at horizon {fits[1]}"
        assert f"(origins + horizon at most 4, e.g. {example})" in message
        assert not re.search(r"-\d", message), message
        assert backtest(tiny, origins=fits[0], horizon=fits[1]).horizon == fits[1]  # what it names does fit
    with pytest.raises(InvalidInputError, match=r"has 11 usable rows, .* keep 7 residual .* at most 4, e\.g\. 2 orig"):
        backtest(tiny, origins=5, horizon=2)  # a little short: the counts, still positive, say by how much
