"""A Backtest link asking to re-select the lag order of a version whose order is fixed: the page says it cannot,
and its greyed-out control shows the order the backtest keeps, as the address does."""

from __future__ import annotations

from tests.app.conftest import open_app
from varlib import ModelSpec, load_dataset, train_model
from varlib.service import publish_result

BACKTEST = "views/backtest.py"


def _fixed(seeded) -> None:
    spec = ModelSpec(variables=("realgdp", "realcons"), lags=2)
    publish_result(seeded, train_model(load_dataset(), spec), "fixed", "patch", "two lags")


def test_a_link_asking_to_reselect_a_fixed_order_says_so_and_shows_the_kept_order(seeded):
    _fixed(seeded)
    at = open_app({"model": "fixed", "version": "0.0.1", "lags": "reselect"}, page=BACKTEST)
    policy = at.radio(key="bt_policy")
    assert policy.value == "fixed" and policy.disabled  # it showed re-selection, which the backtest does not run
    said = [w.value for w in at.warning if "reselect" in w.value]
    assert len(said) == 1 and "fixed 0.0.1" in said[0] and "lag order is fixed" in said[0], said
    assert at.query_params["lags"] == "fixed"


def test_a_fixed_order_version_picked_after_reselecting_shows_its_kept_order(seeded):
    _fixed(seeded)
    at = open_app({"model": "var", "version": "0.0.1"}, page=BACKTEST)
    at.radio(key="bt_policy").set_value("reselect").run()
    at.selectbox(key="bt_model").set_value("fixed").run()
    assert not at.exception
    assert at.radio(key="bt_policy").value == "fixed"
    assert not [w.value for w in at.warning if "reselect" in w.value]  # no link asked for it
