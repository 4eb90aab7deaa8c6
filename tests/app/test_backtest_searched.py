"""The Backtest page says where re-selection searched fewer lags (an early origin's rows cut the spec's max lags),
beside the orders chosen, and notes an origin whose criterion chose the top of its cut range."""

from __future__ import annotations

import re

from tests.app.conftest import errors, open_app
from tests.unit.test_backtest_searched import short_var
from varlib import ModelSpec, train_model
from varlib.service import publish_result

BACKTEST = "views/backtest.py"


def test_the_page_names_the_origins_that_searched_fewer_lags(registry):
    publish_result(registry, train_model(short_var(), ModelSpec(("a", "b", "c"), max_lags=6, holdout=0)), "short")
    at = open_app({"model": "short"}, page=BACKTEST)
    at.radio(key="bt_policy").set_value("reselect")
    at.number_input(key="bt_origins").set_value(8)
    at.number_input(key="bt_horizon").set_value(4)
    at.button(key="bt_run").click().run()
    assert not at.exception and errors(at) == ""
    captions = [re.sub(r"\\(.)", r"\1", c.value) for c in at.caption]  # as people read them
    summary = next(c for c in captions if "8 origins from 2007Q1 to 2008Q4" in c)
    searched = "lags searched up to 4 at 2007Q1–2007Q2, 5 at 2007Q3–2008Q2 and 6 at 2008Q3–2008Q4"
    assert f"{searched} (max lags 6, cut at origins with too few rows for it)" in summary, summary
    assert any(c.startswith("At origins 2007Q4–2008Q2 the criterion chose the largest order") for c in captions)
