"""Public helpers of published versions no other test calls: `forecast_periods`, `can_reselect`,
`all_variables`, `count_changed` and `with_withdrawal`, through `import varlib` on versions published to a local
store. The bundled data ends in 2009Q3 (statsmodels' macrodata), which dates every expected forecast period."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import varlib


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    return varlib.Registry.from_settings(varlib.Settings(store_dir=tmp_path_factory.mktemp("store")))


@pytest.fixture(scope="module")
def fixed(registry):
    """realgdp and realcons as a VAR of fixed order 2."""
    dataset = varlib.load_dataset(variables=["realgdp", "realcons"])
    result = varlib.train_model(dataset, varlib.ModelSpec(("realgdp", "realcons"), lags=2, holdout=0))
    return varlib.publish_result(registry, result, "fixed")


@pytest.fixture(scope="module")
def chosen(registry):
    """realcons and realinv, the lag order chosen by a criterion."""
    dataset = varlib.load_dataset(variables=["realcons", "realinv"])
    result = varlib.train_model(dataset, varlib.ModelSpec(("realcons", "realinv"), max_lags=4, holdout=0))
    return varlib.publish_result(registry, result, "chosen")


def test_forecast_periods_continue_from_the_training_data(fixed):
    assert varlib.forecast_periods(fixed, 3) == ["2009-10-01", "2010-01-01", "2010-04-01"]


def test_forecast_periods_are_those_the_forecast_has(fixed):
    assert varlib.forecast_periods(fixed, 5) == varlib.forecast_artifact(fixed, 5).to_dict()["index"]


@pytest.mark.parametrize(
    "index",
    [pd.PeriodIndex(["2000Q3", "2000Q4"], freq="Q"), pd.DatetimeIndex(["2000-07-01", "2000-10-01"])],
)
def test_forecast_periods_continue_from_dated_lag_inputs(fixed, index):
    lags = pd.DataFrame({"realgdp": [12000.0, 12100.0], "realcons": [8000.0, 8100.0]}, index=index)
    assert varlib.forecast_periods(fixed, 2, lags) == ["2001-01-01", "2001-04-01"]


@pytest.mark.parametrize("steps", [0, varlib.MAX_STEPS + 1, 1.5])
def test_forecast_periods_refuse_steps_by_value(fixed, steps):
    with pytest.raises(varlib.InvalidInputError) as refused:
        varlib.forecast_periods(fixed, steps)
    assert f" {steps!r} " in f" {refused.value} "


def test_can_reselect_only_an_order_a_criterion_chose(fixed, chosen):
    assert varlib.can_reselect(chosen) is True
    assert varlib.can_reselect(fixed) is False


def test_can_reselect_agrees_with_what_a_backtest_takes(fixed, chosen):
    varlib.check_backtest(chosen, 4, 2, "reselect")
    with pytest.raises(varlib.InvalidInputError, match="reselect"):
        varlib.check_backtest(fixed, 4, 2, "reselect")  # the docs: reselect on a fixed order is refused


def test_all_variables_in_the_order_they_first_appear(fixed, chosen):
    assert varlib.all_variables([fixed, chosen]) == ["realgdp", "realcons", "realinv"]
    assert varlib.all_variables([chosen, fixed]) == ["realcons", "realinv", "realgdp"]


def test_all_variables_name_each_once(fixed):
    assert varlib.all_variables([fixed, fixed]) == ["realgdp", "realcons"]
    assert varlib.all_variables([]) == []


def _own_lags(artifact) -> pd.DataFrame:
    """The version's own last observations, the rows a forecast starts from."""
    return artifact.history.tail(artifact.lag_rows).copy()


def test_count_changed_is_zero_for_the_models_own_observations(fixed):
    own = _own_lags(fixed)
    assert len(own) == 2  # a VAR(2) forecasts from its last 2 rows
    assert varlib.count_changed(own.copy(), own) == 0


def test_count_changed_counts_each_changed_value(fixed):
    own = _own_lags(fixed)
    edited = own.copy()
    edited.iloc[0, 0] += 100.0
    assert varlib.count_changed(edited, own) == 1
    edited.iloc[1, 1] += 1e-6  # any difference, however small, is an edit
    assert varlib.count_changed(edited, own) == 2
    assert varlib.count_changed(own + 1.0, own) == own.size  # every value


def test_count_changed_compares_variable_by_name(fixed):
    own = _own_lags(fixed)
    edited = own.copy()
    edited.iloc[0, 1] = 0.0  # realcons of the first row
    reference = own[["realcons", "realgdp"]].assign(extra=1.0)  # other column order, one column more
    assert varlib.count_changed(edited, reference) == 1


ACTOR = varlib.Actor("Analyst One", "sub-123", "https://issuer.example", via="cli")


def _withdrawal(**changes) -> varlib.Withdrawal:
    fields = {
        "name": "var",
        "version": varlib.Version(0, 0, 2),
        "reason": "trained on the wrong file",
        "at": "2026-01-02T03:04:05Z",
        "actor": ACTOR,
    }
    return varlib.Withdrawal(**{**fields, **changes})


def test_with_withdrawal_adds_the_withdrawal_to_a_row():
    row = {"name": "var", "version": "0.0.2", "status": "ok"}
    shown = varlib.with_withdrawal(row, _withdrawal())
    assert {key: shown[key] for key in row} == row  # the row's own fields as they were
    assert set(shown) == {*row, "withdrawn"}
    withdrawn = shown["withdrawn"]
    assert withdrawn["name"] == "var" and withdrawn["version"] == "0.0.2"  # the version as text, for JSON
    assert withdrawn["reason"] == "trained on the wrong file"
    assert withdrawn["at"] == "2026-01-02T03:04:05Z"
    assert withdrawn["actor"]["name"] == "Analyst One" and withdrawn["actor"]["subject"] == "sub-123"
    assert withdrawn["damaged"] is None
    assert json.loads(json.dumps(shown)) == shown  # one JSON shape for the CLI, REST and the dashboard
    assert "withdrawn" not in row  # the caller's row is left as it was


def test_with_withdrawal_of_none_says_not_withdrawn():
    assert varlib.with_withdrawal({"version": "0.0.1"}, None) == {"version": "0.0.1", "withdrawn": None}


def test_with_withdrawal_keeps_why_a_record_is_damaged():
    shown = varlib.with_withdrawal({}, _withdrawal(damaged="the record is not JSON"))
    assert shown["withdrawn"]["damaged"] == "the record is not JSON"


def test_with_withdrawal_of_a_real_withdrawal(registry, fixed):
    varlib.publish_result(registry, varlib.train_model(varlib.load_dataset(), fixed.spec), "fixed")  # 0.0.2
    withdrawal = registry.withdraw("fixed", "0.0.2", "wrong data", ACTOR)
    shown = varlib.with_withdrawal({"version": "0.0.2"}, registry.withdrawal("fixed", "0.0.2"))
    assert shown["withdrawn"]["reason"] == "wrong data" == withdrawal.reason
    assert shown["withdrawn"]["actor"]["name"] == "Analyst One"
