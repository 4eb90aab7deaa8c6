"""Presentation mode folds the Forecast page's controls away, but never a refusal of what its link asked for: a
link's lag inputs, steps or scenario that are not used open the fold, so the room reads the warning that names
them (QA pass in Chromium: they were hidden, the address quietly changed)."""

from __future__ import annotations

from tests.app.conftest import errors, open_app
from ui.forecast_panel import FOLD
from varlib import make_scenario


def _fold(at):
    """The presentation's folded controls."""
    return next(e for e in at.expander if e.label == FOLD)


def _warnings(at) -> str:
    return "\n".join(x.value for x in [*at.warning, *at.caption])


def _lags(rows: int) -> str:
    return "~".join(f"{13000 + 10 * i},{9200 + 10 * i}" for i in range(rows))


def test_lag_inputs_the_link_cannot_use_open_the_fold(seeded):
    rows = seeded.load("var", "0.0.1").lag_rows
    at = open_app({"model": "var", "version": "0.0.1", "steps": 20, "lags": _lags(rows + 1), "present": 1})
    assert errors(at) == ""
    assert "The link's lag inputs were not used" in _warnings(at)
    assert _fold(at).proto.expanded
    # the lag inputs a link carries and the table takes change nothing: the controls stay folded
    at = open_app({"model": "var", "version": "0.0.1", "lags": _lags(rows), "present": 1})
    assert "not used" not in _warnings(at) and at.query_params["lags"]
    assert not _fold(at).proto.expanded


def test_the_fold_stays_open_while_the_presenter_changes_a_control_in_it(seeded):
    rows = seeded.load("var", "0.0.1").lag_rows
    at = open_app({"model": "var", "version": "0.0.1", "lags": _lags(rows + 1), "present": 1})
    at.multiselect(key="fc_fan").set_value([30, 60]).run()  # reruns the controls: the browser would fold them
    assert _fold(at).proto.expanded


def test_steps_out_of_range_open_the_fold(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 100000, "present": 1})
    assert "The link's 100000 steps are outside 1–400: using 400." in _warnings(at)
    assert _fold(at).proto.expanded
    at = open_app({"model": "var", "version": "0.0.1", "steps": 12, "present": 1})
    assert not _fold(at).proto.expanded


def test_a_scenario_not_saved_opens_the_fold(varx, registry):
    artifact, _ = varx
    exog = {"realint": [1.0] * 4}
    registry.save_scenario(make_scenario(artifact, "gdp-dip", 4, conditions={"realgdp": [1e4]}, exog=exog))
    at = open_app({"model": "varx", "version": "0.0.1", "scenario": "nope", "present": 1})
    assert "The link asked for scenario 'nope' of varx 0.0.1, which is not saved (saved: gdp-dip)" in _warnings(at)
    assert _fold(at).proto.expanded
    # a saved scenario that keeps its own steps over the link's says so, among the controls too
    at = open_app({"model": "varx", "version": "0.0.1", "scenario": "gdp-dip", "steps": 9, "present": 1})
    assert "keeps its own" in _warnings(at) and _fold(at).proto.expanded
    at = open_app({"model": "varx", "version": "0.0.1", "scenario": "gdp-dip", "present": 1})
    assert not _fold(at).proto.expanded
