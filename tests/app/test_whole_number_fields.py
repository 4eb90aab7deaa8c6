"""Number fields beyond Forecast's steps: a number typed outside a field's range is set to the nearest allowed one
and the field says so beside it, so no field shows a number the page is not using (Diagnostics' IRF horizon and
portmanteau lags, the report's steps, Backtest's origins and horizon, Compare's steps, Train's lag fields)."""

from __future__ import annotations

import pytest

from tests.app.conftest import errors, open_app
from tests.app.test_diagnostics_pages import BACKTEST, COMPARE, DIAG
from tests.app.test_pages import TRAIN
from varlib import MAX_HORIZON, MAX_IRF_PERIODS, MAX_ORIGINS, MAX_STEPS, whiteness_lag_bounds


def _notes(at) -> str:
    return "\n".join(c.value for c in at.caption)


@pytest.mark.parametrize(
    ("page", "params", "key", "typed", "used", "high"),
    [
        (DIAG, {"tab": "impulse-responses"}, "dg_periods", 1000, MAX_IRF_PERIODS, MAX_IRF_PERIODS),  # the CLI's
        (DIAG, {"tab": "impulse-responses"}, "dg_periods", 0, 1, MAX_IRF_PERIODS),
        (BACKTEST, {}, "bt_origins", 999, MAX_ORIGINS, MAX_ORIGINS),
        (BACKTEST, {}, "bt_horizon", 99, MAX_HORIZON, MAX_HORIZON),
        (COMPARE, {"model": "var"}, "cmp_steps", 100000, MAX_STEPS, MAX_STEPS),
        (TRAIN, {}, "train_max_lags", 500, 100, 100),
    ],
)
def test_a_number_outside_the_fields_range_is_set_in_range_and_said(seeded, page, params, key, typed, used, high):
    at = open_app({"model": "var", "version": "0.0.1", **params}, page=page)
    at.number_input(key=key).set_value(typed).run()
    assert not at.exception and errors(at) == ""
    assert at.number_input(key=key).value == used
    assert f"{typed} is outside 1–{high}: using {used}." in _notes(at)
    at.number_input(key=key).set_value(5).run()  # a number in range: the note goes
    assert "is outside" not in _notes(at)


def test_the_irf_horizon_link_and_report_follow_the_number_used(seeded, downloads):
    at = open_app({"model": "var", "version": "0.0.1", "tab": "report"}, page=DIAG)
    at.number_input(key="dg_report_steps").set_value(100000).run()
    assert at.number_input(key="dg_report_steps").value == MAX_STEPS
    assert f"100000 is outside 1–{MAX_STEPS}: using {MAX_STEPS}." in _notes(at)
    assert f"<h2>Forecast: {MAX_STEPS} steps, 95% intervals</h2>" in downloads.files["Download HTML report"].decode()
    at.number_input(key="dg_periods").set_value(1000).run()
    assert at.query_params["irf_periods"] == str(MAX_IRF_PERIODS)


def test_portmanteau_lags_out_of_range_typed_or_linked_name_the_versions_range(seeded):
    lowest, most, _ = whiteness_lag_bounds(seeded.load("var", "0.0.1"))
    at = open_app({"model": "var", "version": "0.0.1", "whiteness_lags": "99999"}, page=DIAG)
    key = next(n.key for n in at.number_input if n.key.startswith("dg_lags|"))
    said = f"The link's 99999 portmanteau lags are outside {lowest}–{most}: using {most}."
    assert at.number_input(key=key).value == most and said in _notes(at)
    assert at.query_params["whiteness_lags"] == str(most) and not at.warning
    at.number_input(key=key).set_value(500).run()
    assert at.number_input(key=key).value == most and f"500 is outside {lowest}–{most}: using {most}." in _notes(at)


@pytest.mark.parametrize(
    ("page", "params", "key", "used"),
    [
        (DIAG, {"irf_periods": "999"}, "dg_periods", MAX_IRF_PERIODS),
        (BACKTEST, {"origins": "0"}, "bt_origins", 1),
        (BACKTEST, {"horizon": "999"}, "bt_horizon", MAX_HORIZON),
        (COMPARE, {"model": "var", "steps": "100000"}, "cmp_steps", MAX_STEPS),
    ],
)
def test_a_links_number_outside_the_range_is_set_to_the_nearest_as_a_typed_one(seeded, page, params, key, used):
    """As Forecast's steps: a link's 999 is used as the nearest allowed value, said beside the field as the link's,
    not swapped for the default."""
    at = open_app({"model": "var", "version": "0.0.1", **params}, page=page)
    assert not at.exception and errors(at) == "" and not at.warning
    assert at.number_input(key=key).value == used
    (linked,) = params.values() if len(params) == 1 else [params[k] for k in params if k != "model"]
    assert "The link's " in _notes(at) and f"{linked} " in _notes(at)
    assert "outside 1–" in _notes(at) and f"using {used}." in _notes(at)


def test_train_max_lags_emptied_is_sample_aware_and_fixed_lags_emptied_go_back_to_2(seeded):
    at = open_app(page=TRAIN)
    at.number_input(key="train_max_lags").set_value(6).run()
    at.number_input(key="train_max_lags").set_value(None).run()
    assert at.number_input(key="train_max_lags").value is None and "emptied" not in _notes(at)
    at.radio(key="train_how").set_value("fixed").run()
    at.number_input(key="train_lags").set_value(None).run()
    assert at.number_input(key="train_lags").value == 2 and "Lags emptied: back to 2." in _notes(at)
