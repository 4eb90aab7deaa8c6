"""Accumulated impulse responses: for a VAR of (log) differences the responses summed over the periods are the
levels' responses (what a shock does to GDP, not to its growth). The Diagnostics page offers them for such a
version only; the choice is in the address and the HTML report follows it; the Cholesky order is named."""

from __future__ import annotations

import numpy as np
import pytest

from tests.app.conftest import charts, errors, open_app, values, warnings
from varlib import ModelSpec, load_dataset, publish_result, train_model

DIAG = "views/diagnostics.py"
GROWTH = ("realgdp", "realcons", "realinv")


@pytest.fixture
def growth(registry):
    result = train_model(load_dataset(variables=list(GROWTH)), ModelSpec(GROWTH, transform="logdiff", lags=2))
    publish_result(registry, result, "growth", "patch", "seed")
    return registry


def _toggle(at, label: str):
    return next(t for t in at.toggle if t.label.startswith(label))


def test_a_var_of_differences_offers_the_levels_responses_in_chart_address_and_report(growth, downloads):
    at = open_app({"model": "growth", "tab": "impulse-responses"}, page=DIAG)
    assert errors(at) == "" and at.query_params["accumulated"] == "0"
    [plain] = charts(at)
    _toggle(at, "Accumulated").set_value(True).run()
    [summed] = charts(at)
    # of log differences: the responses summed are those of the log levels (they said "of the levels")
    title = summed["layout"]["title"]["text"]
    assert title.startswith("Orthogonalised accumulated impulse responses of the log levels")
    first, total = values(plain["data"][2], "y"), values(summed["data"][2], "y")  # realgdp → realgdp
    assert np.allclose(total, np.cumsum(first)) and at.query_params["accumulated"] == "1"
    note = next(c.value for c in at.caption if "Each response to" in c.value)
    assert (
        "summed over the periods (responses of the log levels, not of their changes)" in note
        and "Cholesky order: realgdp, realcons, realinv" in note
    )
    at.session_state["dg_tab"] = "Report"
    at.run()
    page = downloads.files["Download HTML report"].decode()
    assert "<h2>Orthogonalised accumulated impulse responses of the log levels, horizon" in page
    assert "order (realgdp, realcons, realinv: a shock to one moves those after it at once)" in page


def test_a_link_opens_them_and_a_levels_var_offers_none(growth, seeded):
    at = open_app({"model": "growth", "tab": "impulse-responses", "accumulated": "1"}, page=DIAG)
    assert _toggle(at, "Accumulated").value is True
    at = open_app({"model": "var", "tab": "impulse-responses", "accumulated": "1"}, page=DIAG)  # in levels
    assert errors(at) == "" and not any(t.label.startswith("Accumulated") for t in at.toggle)
    assert "accumulated" not in at.query_params
    [figure] = charts(at)
    assert "accumulated" not in figure["layout"]["title"]["text"]


def test_a_levels_version_picked_after_them_is_no_link_of_them(growth, seeded):
    at = open_app({"model": "growth", "tab": "impulse-responses"}, page=DIAG)
    _toggle(at, "Accumulated").set_value(True).run()
    at.selectbox(key="dg_model").select("var").run()  # picked on the page: no link asked for anything
    assert errors(at) == "" and "accumulated" not in warnings(at), warnings(at)
    linked = open_app({"model": "var", "tab": "impulse-responses", "accumulated": "1"}, page=DIAG)
    assert "The link asked for accumulated responses, which var 0.0.1 has not" in warnings(linked)
