"""Every page's state in its URL, links applied once and checked, and the model and version following
the person from page to page."""

from __future__ import annotations

import pytest

from tests.app.conftest import charts, errors, open_app, values, version_columns
from varlib.service import publish_result

DIAG = "views/diagnostics.py"
BACKTEST = "views/backtest.py"
MODELS = "views/models.py"
FORECAST = "views/forecast.py"


@pytest.fixture
def two_models(seeded, macro_result):
    """var 0.0.1 and 0.0.2, and growth 0.0.1 (the same fit under another name)."""
    publish_result(seeded, macro_result, "var", "patch", "second")
    publish_result(seeded, macro_result, "growth", "patch", "other model")
    return seeded


def _warnings(at) -> str:
    return "\n".join(w.value for w in at.warning)


def test_diagnostics_link_round_trip(two_models):
    link = {"model": "growth", "version": "0.0.1", "tab": "impulse-responses", "irf_periods": 6, "irf": "plain"}
    at = open_app({**link, "whiteness_lags": 12}, page=DIAG)
    assert errors(at) == "" and _warnings(at) == ""
    assert at.selectbox(key="dg_model").value == "growth" and at.session_state["dg_tab"] == "Impulse responses"
    irf = charts(at)[0]
    assert irf["layout"]["title"]["text"].startswith("Plain impulse responses")
    assert len(values(irf["data"][2], "x")) == 7
    assert dict(at.query_params) == {k: str(v) for k, v in link.items()} | {"whiteness_lags": "12"}
    at.session_state["dg_tab"] = "Stability"
    at.run()
    assert at.query_params["tab"] == "stability" and at.query_params["irf"] == "plain"


def test_diagnostics_link_with_bad_values_says_which(two_models):
    at = open_app({"model": "var", "tab": "cointegration", "irf_periods": 0, "whiteness_lags": 1}, page=DIAG)
    text = _warnings(at)
    assert "tab 'cointegration', which a VAR version does not have" in text
    assert "irf_periods" not in text and "whiteness_lags" not in text  # numbers are set in range, beside the field
    notes = "\n".join(c.value for c in at.caption)
    assert "The link's IRF horizon 0 is outside 1–100: using 1." in notes
    assert "The link's 1 portmanteau lags are outside 5–60: using 5." in notes
    assert at.session_state["dg_tab"] == "Lag order" and at.query_params["irf_periods"] == "1"
    order = [node.type for node in _in_order(at.main)]
    assert order.index("warning") < order.index("tab_container")  # said above the tabs, not under a long tab


def _in_order(block):
    """The page's elements and blocks top to bottom."""
    for child in block.children.values():
        yield child
        if hasattr(child, "children"):
            yield from _in_order(child)


def test_a_diagnostics_link_to_a_renamed_tab_still_opens_it(two_models):
    at = open_app({"model": "var", "version": "0.0.1", "tab": "unit-roots-cointegration"}, page=DIAG)
    assert errors(at) == "" and _warnings(at) == ""
    assert at.session_state["dg_tab"] == "Unit roots" and at.query_params["tab"] == "unit-roots"


@pytest.mark.parametrize("typed", ["Granger causality", "granger  Causality", "granger-causality"])
def test_a_diagnostics_link_may_name_a_tab_as_the_page_shows_it(two_models, typed):
    """A tab typed by hand as its label reads (`?tab=Granger+causality`) was refused as not "a tab's name"."""
    at = open_app({"model": "var", "version": "0.0.1", "tab": typed}, page=DIAG)
    assert errors(at) == "" and _warnings(at) == ""
    assert at.session_state["dg_tab"] == "Granger causality" and at.query_params["tab"] == "granger-causality"


def test_a_refused_tab_lists_the_tabs_as_links_name_them(two_models):
    at = open_app({"model": "var", "version": "0.0.1", "tab": "granger"}, page=DIAG)
    assert "tab 'granger', which is not valid (a tab as links name it: lag-order, cointegration," in _warnings(at)
    assert "granger-causality" in _warnings(at)


def test_backtest_link_round_trip(two_models):
    at = open_app({"model": "var", "version": "0.0.1", "origins": 5, "horizon": 2, "lags": "reselect"}, page=BACKTEST)
    assert errors(at) == "" and _warnings(at) == ""
    assert at.number_input(key="bt_origins").value == 5 and at.radio(key="bt_policy").value == "reselect"
    at.number_input(key="bt_horizon").set_value(3).run()
    assert dict(at.query_params) == {
        "model": "var",
        "version": "0.0.1",
        "origins": "5",
        "horizon": "3",
        "lags": "reselect",
    }


def test_models_link_round_trip(two_models):
    at = open_app({"model": "var", "version": "0.0.1"}, page=MODELS)
    assert at.selectbox(key="models_name").value == "var" and at.selectbox(key="models_version|var").value == "0.0.1"
    at.selectbox(key="models_name").set_value("growth").run()
    assert dict(at.query_params) == {"model": "growth", "version": "0.0.1"}
    bad = open_app({"model": "nope", "version": "9.9.9"}, page=MODELS)
    assert "model 'nope', which is not in the store" in _warnings(bad)


def test_the_selection_follows_across_pages(two_models):
    at = open_app({"model": "growth", "version": "0.0.1"})
    assert at.selectbox(key="fc_model").value == "growth"
    at.switch_page(DIAG).run()
    assert at.selectbox(key="dg_model").value == "growth" and at.selectbox(key="dg_version|growth").value == "0.0.1"
    assert at.query_params["model"] == "growth"
    at.selectbox(key="dg_model").set_value("var").run()
    at.selectbox(key="dg_version|var").set_value("0.0.1").run()
    at.switch_page(BACKTEST).run()
    assert at.selectbox(key="bt_model").value == "var" and at.selectbox(key="bt_version|var").value == "0.0.1"
    at.switch_page(FORECAST).run()
    assert at.selectbox(key="fc_model").value == "var" and at.selectbox(key="fc_version").value == "0.0.1"
    assert at.query_params["model"] == "var" and at.query_params["version"] == "0.0.1"
    at.switch_page(MODELS).run()
    assert at.selectbox(key="models_name").value == "var" and at.selectbox(key="models_version|var").value == "0.0.1"


def test_an_alias_on_the_forecast_page_is_the_alias_elsewhere(two_models):
    two_models.set_alias("var", "champion", "0.0.1")
    at = open_app({"model": "var", "version": "@champion"})
    assert at.selectbox(key="fc_version").value == "@champion"
    at.switch_page(DIAG).run()
    assert at.selectbox(key="dg_version|var").value == "@champion"  # followed there too (it was pinned at 0.0.1)


COMPARE = "views/compare.py"


def test_compare_link_keeps_the_order_given(two_models):
    at = open_app({"versions": "var:0.0.1,growth:0.0.1,var:0.0.2", "steps": 5, "level": 80, "only": 1}, page=COMPARE)
    assert errors(at) == "" and _warnings(at) == ""
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.1", "growth 0.0.1", "var 0.0.2"]
    assert version_columns(at.dataframe[0])[:3] == ["var 0.0.1", "growth 0.0.1", "var 0.0.2"]
    assert at.number_input(key="cmp_steps").value == 5 and at.toggle(key="cmp_only").value is True
    at.multiselect(key="cmp_versions").set_value(["var 0.0.2", "var 0.0.1"]).run()
    assert at.query_params["versions"] == "var:0.0.2,var:0.0.1" and at.query_params["level"] == "80"


def test_compare_link_names_versions_the_store_lacks(two_models):
    at = open_app({"versions": "var:0.0.1,var:9.9.9,nope:0.0.1"}, page=COMPARE)
    said = _warnings(at)
    assert "version '9.9.9' of 'var', which the store does not have" in said
    assert "model 'nope', which is not in the store (models: growth, var)" in said
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.1"]
    at = open_app({"versions": "growth,var:0.0.1,var:9.9.9"}, page=COMPARE)  # a model without its version
    said = _warnings(at)
    assert "growth, which names a model without a version (as in growth:latest)" in said
    assert "version '9.9.9' of 'var', which the store does not have" in said and "growth, which the store" not in said


def test_compare_starts_from_the_model_chosen_elsewhere(two_models):
    at = open_app({"model": "growth", "version": "0.0.1"})
    at.switch_page(COMPARE).run()
    assert at.multiselect(key="cmp_versions").value == ["growth 0.0.1"]


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ({"model": "var"}, ["var 0.0.2", "var 0.0.1"]),  # the newest first
        ({"model": "var", "version": "0.0.1"}, ["var 0.0.1", "var 0.0.2"]),  # the one asked for, then the newest
        ({"model": "var", "version": "0_0_1"}, ["var 0.0.1", "var 0.0.2"]),
        ({"model": "var", "version": "latest"}, ["var 0.0.2", "var 0.0.1"]),
    ],
)
def test_compare_takes_the_model_and_version_other_pages_link(two_models, link, expected):
    at = open_app(link, page=COMPARE)
    assert errors(at) == "" and _warnings(at) == ""
    assert at.multiselect(key="cmp_versions").value == expected
    address = ",".join(label.replace(" ", ":") for label in expected)
    # a link's `latest` stays in the address while it stands for the version shown (ui.linked_versions)
    if "latest" in link.values():
        address = address.replace("0.0.2", "latest", 1)
    assert at.query_params["versions"] == address


def test_compare_link_with_a_model_or_version_the_store_lacks_says_which(two_models):
    at = open_app({"model": "nope"}, page=COMPARE)
    assert "model 'nope', which is not in the store (models: growth, var)" in _warnings(at)
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.2", "var 0.0.1"]
    at = open_app({"model": "var", "version": "9.9.9"}, page=COMPARE)
    assert "version '9.9.9' of 'var', which the store does not have" in _warnings(at)
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.2", "var 0.0.1"]


def test_compare_starts_from_the_version_looked_at_elsewhere(two_models):
    at = open_app({"model": "var", "version": "0.0.1"})
    at.switch_page(COMPARE).run()
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.1", "var 0.0.2"]
