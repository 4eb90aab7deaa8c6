"""Each page keeps its own view when the person goes to another page and comes back through the sidebar:
the model, the version and the page's settings (Streamlit forgets the state of a widget that a run does not
draw unless it persists it), and a Compare link whose versions the store lacks shows the default pair."""

from __future__ import annotations

import pytest

from tests.app.conftest import errors, open_app
from tests.app.test_url_state import BACKTEST, COMPARE, DIAG, FORECAST, MODELS
from varlib import make_scenario
from varlib.service import publish_result


@pytest.fixture
def two_models(seeded, macro_result):
    """var 0.0.1 and 0.0.2, and growth 0.0.1 (as in test_url_state)."""
    publish_result(seeded, macro_result, "var", "patch", "second")
    publish_result(seeded, macro_result, "growth", "patch", "other model")
    return seeded


def _visit(at, page: str):
    """Open `page` from the sidebar: a sidebar link carries no query parameters."""
    at.switch_page(page)
    at.query_params.clear()
    return at.run()


def _away_and_back(at, page: str, away: str = MODELS):
    _visit(at, away)
    assert not at.exception, [e.value for e in at.exception]
    _visit(at, page)
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_diagnostics_keeps_its_model_version_tab_and_settings(two_models):
    link = {"model": "growth", "version": "0.0.1", "tab": "stability", "irf_periods": 6, "whiteness_lags": 12}
    at = open_app(link, page=DIAG)
    _away_and_back(at, DIAG, away=BACKTEST)  # Backtest shows the same selection, so it does not change it
    assert errors(at) == ""
    assert at.selectbox(key="dg_model").value == "growth" and at.selectbox(key="dg_version|growth").value == "0.0.1"
    assert at.session_state["dg_tab"] == "Stability"
    assert {k: at.query_params[k] for k in link} == {k: str(v) for k, v in link.items()}


def test_diagnostics_keeps_a_tab_clicked_after_the_link(two_models):
    at = open_app({"model": "var", "version": "0.0.1"}, page=DIAG)
    at.session_state["dg_tab"] = "Residuals"
    at.run()
    _away_and_back(at, DIAG)
    assert at.session_state["dg_tab"] == "Residuals" and at.query_params["tab"] == "residuals"
    assert at.query_params["version"] == "0.0.1"


def test_backtest_keeps_its_version_and_settings(two_models):
    link = {"model": "var", "version": "0.0.1", "origins": 8, "horizon": 6, "lags": "reselect"}
    at = open_app(link, page=BACKTEST)
    _away_and_back(at, BACKTEST)
    assert errors(at) == ""
    assert at.selectbox(key="bt_version|var").value == "0.0.1"
    assert at.number_input(key="bt_origins").value == 8 and at.number_input(key="bt_horizon").value == 6
    assert at.radio(key="bt_policy").value == "reselect"
    assert dict(at.query_params) == {k: str(v) for k, v in link.items()}


def test_a_selection_made_elsewhere_still_wins_over_a_kept_one(two_models):
    at = open_app({"model": "var", "version": "0.0.1", "tab": "residuals"}, page=DIAG)
    _visit(at, FORECAST)
    at.selectbox(key="fc_model").set_value("growth").run()
    _visit(at, DIAG)
    assert at.selectbox(key="dg_model").value == "growth"
    assert at.session_state["dg_tab"] == "Residuals"  # the page's own setting is kept


def test_compare_keeps_its_versions_and_settings(two_models):
    link = {"versions": "var:0.0.1,growth:0.0.1,var:0.0.2", "steps": 5, "level": 80, "only": 1}
    at = open_app(link, page=COMPARE)
    _away_and_back(at, COMPARE)
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.1", "growth 0.0.1", "var 0.0.2"]
    assert dict(at.query_params) == {k: str(v) for k, v in link.items()}


def test_forecast_keeps_its_fan_chart(two_models):
    at = open_app({"model": "var", "version": "0.0.2", "fan": "30,60,90", "steps": 12})
    _away_and_back(at, FORECAST)
    assert at.pills(key="fc_fan").value == [30, 60, 90]
    assert at.query_params["fan"] == "30,60,90" and at.query_params["steps"] == "12"


def test_forecast_keeps_an_open_saved_scenario(two_models):
    two_models.save_scenario(make_scenario(two_models.load("var", "0.0.1"), "dip", 4, conditions={"realgdp": [1e4]}))
    at = open_app({"model": "var", "version": "0.0.1", "scenario": "dip"})
    _away_and_back(at, FORECAST)
    assert at.selectbox(key="fc_scenario").value == "dip" and at.query_params["scenario"] == "dip"


def test_a_compare_link_naming_only_missing_versions_shows_the_default_pair(two_models):
    at = open_app({"versions": "var:9.9.9,nope:0.0.1"}, page=COMPARE)
    said = "\n".join(w.value for w in at.warning)
    assert "version '9.9.9' of 'var', which the store does not have" in said and "model 'nope', which is not" in said
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.2", "var 0.0.1"]
    assert not any("Pick at least two" in i.value for i in at.info)
    assert at.query_params["versions"] == "var:0.0.2,var:0.0.1"


def test_a_compare_link_naming_only_missing_versions_replaces_earlier_picks(two_models):
    at = open_app({"versions": "growth:0.0.1,var:0.0.1"}, page=COMPARE)
    at.query_params.clear()
    at.query_params.update({"versions": "var:9.9.9"})
    at.run()
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.2", "var 0.0.1"]


def _edit_lag(at, value: float):
    editor = next(e for e in at.data_editor if e.key.startswith("lags|"))
    at.session_state[editor.key] = {"edited_rows": {3: {"realgdp": value}}, "added_rows": [], "deleted_rows": []}
    return at.run()


def _lag_table(at):
    return next(e for e in at.data_editor if e.key.startswith("lags|")).value


def _captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


def test_forecast_keeps_edited_lag_inputs_across_pages(two_models):
    at = _edit_lag(open_app({"model": "var", "version": "0.0.2", "steps": 4}), 14000.0)
    assert "1 value differs from the model's own data" in _captions(at)
    edited = at.query_params["lags"]
    _away_and_back(at, FORECAST)
    assert errors(at) == ""
    assert _lag_table(at)["realgdp"].iloc[3] == "14000.0"
    assert "1 value differs from the model's own data" in _captions(at) and at.query_params["lags"] == edited


def test_forecast_keeps_each_versions_edited_lag_inputs(two_models):
    at = _edit_lag(open_app({"model": "var", "version": "0.0.2", "steps": 4}), 14000.0)
    at.selectbox(key="fc_version").select("0.0.1").run()
    assert "differ from the model's own data" not in _captions(at)  # the other version starts from its own
    _edit_lag(at, 13000.0)
    at.selectbox(key="fc_version").select("0.0.2").run()
    assert _lag_table(at)["realgdp"].iloc[3] == "14000.0"
    at.selectbox(key="fc_version").select("0.0.1").run()
    assert _lag_table(at)["realgdp"].iloc[3] == "13000.0"
    # the reset still returns to the version's own inputs, and stays there after another visit
    next(b for b in at.button if b.label == "Reset to the model's last observations").click().run()
    assert "differ from the model's own data" not in _captions(at)
    at.selectbox(key="fc_version").select("0.0.2").run()
    at.selectbox(key="fc_version").select("0.0.1").run()
    assert "differ from the model's own data" not in _captions(at)


def test_an_uploaded_lag_file_is_not_kept_removing_it_returns_to_the_models_own(two_models):
    at = _edit_lag(open_app({"model": "var", "version": "0.0.2", "steps": 4}), 14000.0)
    csv = "date,realgdp,realcons\n2010-01-01,1000,900\n2010-04-01,1010,905\n2010-07-01,1020,910\n2010-10-01,1030,915\n"
    at.file_uploader[0].set_value(("lags.csv", csv.encode(), "text/csv")).run()
    assert _lag_table(at)["realgdp"].tolist() == ["1000", "1010", "1020", "1030"]
    at.file_uploader[0].set_value(None).run()
    assert errors(at) == "" and "differ from the model's own data" not in _captions(at)
    assert _lag_table(at)["realgdp"].iloc[3] != "14000.0"


def test_a_reference_picked_on_compare_is_what_the_other_pages_open_on(two_models):
    """Compare read the selection made elsewhere but never wrote it: Diagnostics then opened on another model."""
    at = open_app({"model": "var", "version": "0.0.1"}, page=DIAG)
    _visit(at, COMPARE)
    assert at.multiselect(key="cmp_versions").value[0].startswith("var ")  # started from the selection
    _visit(at, DIAG)
    assert at.selectbox(key="dg_model").value == "var"  # only visited: nothing changed
    _visit(at, COMPARE)
    at.multiselect(key="cmp_versions").set_value(["growth 0.0.1", "var 0.0.2"]).run()
    _visit(at, DIAG)
    assert at.selectbox(key="dg_model").value == "growth"
    assert at.selectbox(key="dg_version|growth").value == "0.0.1"
