"""The browser's Back and Forward: an older address of a page's own brings its view back, while the same
address coming with a rerun that began before the browser showed the page's last write (a quick second
click) leaves the person's newest choice alone."""

from __future__ import annotations

import pytest

from tests.app.conftest import charts, open_app, trace, values
from ui import url_state
from varlib import make_scenario
from varlib.service import publish_result

DIAG = "views/diagnostics.py"


@pytest.fixture
def two_models(seeded, macro_result):
    publish_result(seeded, macro_result, "growth", "patch", "other model")
    return seeded


@pytest.fixture
def history_at_once(monkeypatch):
    """A person's Back comes seconds after the page's last write; AppTest's next run comes at once."""
    monkeypatch.setattr(url_state, "HISTORY_AFTER_SECONDS", 0.0)


def _address_bar(at, address: dict[str, str]) -> None:
    """The browser shows `address` and the page reruns with it (Back, Forward, or a stale rerun)."""
    at.query_params.clear()
    at.query_params.update(address)
    at.run()


def _forecast_points(at, line: str = "forecast") -> int:
    return len(values(trace(charts(at)[0], line), "x"))


def test_back_and_forward_bring_the_forecast_pages_views_back(seeded, history_at_once):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 6})
    older = dict(at.query_params)
    at.number_input(key="fc_steps").set_value(10).run()
    newer = dict(at.query_params)
    assert newer["steps"] == "10" and _forecast_points(at) == 11
    _address_bar(at, older)
    assert at.number_input(key="fc_steps").value == 6 and _forecast_points(at) == 7
    assert dict(at.query_params) == older
    _address_bar(at, newer)
    assert at.number_input(key="fc_steps").value == 10 and dict(at.query_params) == newer


def test_back_brings_the_model_back_on_a_picker_page(two_models, history_at_once):
    at = open_app({"model": "var", "version": "latest"}, page=DIAG)
    older = dict(at.query_params)
    at.selectbox(key="dg_model").set_value("growth").run()
    assert at.query_params["model"] == "growth"
    _address_bar(at, older)
    assert at.selectbox(key="dg_model").value == "var" and at.query_params["model"] == "var"


def test_a_rerun_begun_before_the_last_write_showed_keeps_the_newest_choice(seeded, history_at_once):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 6})
    older = dict(at.query_params)
    at.number_input(key="fc_steps").set_value(10).run()
    at.number_input(key="fc_steps").set_value(14)  # the second click, whose rerun still carries steps=6
    _address_bar(at, older)
    assert at.number_input(key="fc_steps").value == 14 and at.query_params["steps"] == "14"


def test_an_older_address_right_after_the_last_write_is_no_back(seeded, monkeypatch):
    monkeypatch.setattr(url_state, "HISTORY_AFTER_SECONDS", 60.0)
    at = open_app({"model": "var", "version": "0.0.1", "steps": 6})
    older = dict(at.query_params)
    at.number_input(key="fc_steps").set_value(10).run()
    _address_bar(at, older)
    assert at.number_input(key="fc_steps").value == 10 and at.query_params["steps"] == "10"


def _saved_scenario(registry) -> None:
    """var 0.0.1's scenario `dip`: 6 steps, 95% standard intervals, a condition on realgdp."""
    registry.save_scenario(make_scenario(registry.load("var", "0.0.1"), "dip", 6, conditions={"realgdp": [1.3e4]}))


def test_back_from_a_saved_scenario_returns_to_the_editor_as_it_was(seeded, history_at_once):
    _saved_scenario(seeded)
    at = open_app({"model": "var", "version": "0.0.1", "steps": 12, "level": 80})
    older = dict(at.query_params)
    at.selectbox(key="fc_scenario").set_value("dip").run()
    assert at.query_params["scenario"] == "dip" and at.query_params["steps"] == "6"
    _address_bar(at, older)
    assert at.selectbox(key="fc_scenario").value == "" and dict(at.query_params) == older
    assert at.number_input(key="fc_steps").value == 12 and _forecast_points(at) == 13
    assert "80% interval" in [t.get("name") for t in charts(at)[0]["data"]]


def test_a_scenario_link_with_other_settings_shows_the_scenario_as_saved_and_says_so(seeded):
    _saved_scenario(seeded)
    at = open_app({"model": "var", "version": "0.0.1", "steps": 3, "level": 80, "scenario": "dip"})
    warned = "\n".join(w.value for w in at.warning)
    assert "The link asked for steps 3, level 80, but saved scenario 'dip' keeps its own (6 steps, 95%" in warned
    assert at.selectbox(key="fc_scenario").value == "dip" and _forecast_points(at, "dip") == 7
    assert (at.query_params["steps"], at.query_params["level"], at.query_params["scenario"]) == ("6", "95", "dip")


def test_back_from_edited_lag_inputs_returns_to_the_versions_own(seeded, history_at_once):
    from ui.forecast_link import encode_lags

    at = open_app({"model": "var", "version": "0.0.1", "steps": 4})
    older = dict(at.query_params)
    own = seeded.load("var", "0.0.1").default_lag_inputs()
    edited = own.copy()
    edited.iloc[-1, 0] += 100.0
    _address_bar(at, {**older, "lags": encode_lags(edited, own.index)})  # a link with edited lag inputs
    moved = values(trace(charts(at)[0], "forecast"), "y")
    assert "lags" in at.query_params and at.query_params["lags"] == encode_lags(edited, own.index)
    _address_bar(at, older)
    assert "lags" not in at.query_params and dict(at.query_params) == older
    assert values(trace(charts(at)[0], "forecast"), "y")[0] == own.iloc[-1, 0] != moved[0]
