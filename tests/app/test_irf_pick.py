"""The Diagnostics page's impulses and responses pickers: a model of seven variables draws the first six of each
by default (14 x 14 small panels for fourteen variables were unreadable), the picks reach the chart, the address
and the HTML report, and a link naming a variable the version lacks is said."""

from __future__ import annotations

import pytest

from tests.app.conftest import charts, errors, open_app
from ui.irf_pick import PREFIX
from varlib import ModelSpec, load_dataset, publish_result, train_model

DIAG = "views/diagnostics.py"
SEVEN = ("realgdp", "realcons", "realinv", "realgovt", "realdpi", "cpi", "m1")


@pytest.fixture
def seven(registry):
    result = train_model(load_dataset(variables=list(SEVEN)), ModelSpec(SEVEN, transform="logdiff", lags=1))
    publish_result(registry, result, "seven", "patch", "seed")
    return registry


def _titles(at) -> list[str]:
    [figure] = charts(at)
    return [a["text"] for a in figure["layout"]["annotations"] if "→" in a.get("text", "")]


def test_five_variables_draw_the_first_four_and_the_picks_reach_chart_address_and_report(seven, downloads):
    at = open_app({"model": "seven", "tab": "impulse-responses"}, page=DIAG)
    assert errors(at) == "" and len(_titles(at)) == 36  # 6 x 6 of 49
    assert "impulses" not in at.query_params and "responses" not in at.query_params  # the default is left out
    at.multiselect(key=f"{PREFIX}|impulses|seven 0.0.1").set_value(["realdpi", "realgdp"]).run()
    at.multiselect(key=f"{PREFIX}|responses|seven 0.0.1").set_value(["realinv"]).run()
    assert _titles(at) == ["realgdp → realinv", "realdpi → realinv"]  # in the variables' order, as picked
    assert at.query_params["impulses"] == "realgdp,realdpi" and at.query_params["responses"] == "realinv"
    at.session_state["dg_tab"] = "Report"
    at.run()
    page = downloads.files["Download HTML report"].decode()
    assert "Shown: 2 pairs of 49." in page and "grid-template-columns:repeat(2, 250px)" in page
    assert "aria-label='realdpi → realinv'" in page and "aria-label='realgdp → realcons'" not in page


def test_a_link_sets_the_picks_and_an_unknown_name_is_said(seven):
    link = {"model": "seven", "tab": "impulse-responses", "impulses": "realinv", "responses": "realgdp,realcons"}
    at = open_app(link, page=DIAG)
    assert errors(at) == "" and _titles(at) == ["realinv → realgdp", "realinv → realcons"]
    at = open_app({**link, "impulses": "zz"}, page=DIAG)
    assert any("impulses 'zz', which this version does not have" in w.value for w in at.warning)
    assert len(_titles(at)) == 12  # the default six impulses, the two linked responses
