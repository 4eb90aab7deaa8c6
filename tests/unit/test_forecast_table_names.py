"""A variable named as another's bound (`fedfunds lower` beside `fedfunds`, as a policy rate's corridor is often
named) had its forecast and `fedfunds`' lower bound written to one column of the Forecast page's table and its
CSV: one of them was lost without a word. Every column is kept then, the points named `<variable> mean`."""

from __future__ import annotations

import numpy as np

from ui.tables import forecast_table
from varlib import ModelSpec, forecast_artifact, load_dataset, train_model
from varlib.artifact import build_artifact


def _forecast(names: list[str], fan=()):
    macro = load_dataset(variables=["realgdp", "realcons"])
    dataset = load_dataset(macro.frame.set_axis(names, axis=1))
    result = train_model(dataset, ModelSpec(tuple(names), lags=2))
    forecast = forecast_artifact(build_artifact(result, "rates", "test"), 4)
    return forecast, forecast_table(forecast, fan)


def test_a_variable_named_as_anothers_bound_keeps_both_columns():
    forecast, table = _forecast(["fedfunds", "fedfunds lower"])
    assert table.columns.is_unique, list(table.columns)
    assert list(table.columns) == [
        "fedfunds mean", "fedfunds lower", "fedfunds upper",
        "fedfunds lower mean", "fedfunds lower lower", "fedfunds lower upper",
    ]  # fmt: skip
    np.testing.assert_array_equal(table["fedfunds lower"], forecast.forecast.lower[:, 0])  # fedfunds' bound
    np.testing.assert_array_equal(table["fedfunds lower mean"], forecast.forecast.mean[:, 1])  # the variable's own


def test_a_fans_bound_named_as_a_variable_keeps_both_columns_and_plain_names_stay_bare():
    _, table = _forecast(["rate", "rate upper 80%"], fan=[80])
    assert table.columns.is_unique and "rate mean" in table.columns, list(table.columns)
    _, plain = _forecast(["realgdp", "realcons"])
    assert list(plain.columns) == ["realgdp", "realgdp lower", "realgdp upper", "realcons", "realcons lower",
                                   "realcons upper"]  # fmt: skip
