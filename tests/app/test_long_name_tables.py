"""Tables whose first columns are variable names keep the numbers beside them in sight: long names (a statistics
office's series titles) widened the name columns until the p-values, the last unit-root test and the backtest's
RMSE ratio ran off the table's right edge at 1440 px."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from tests.app.conftest import open_app
from ui.tables import ROW_NAMES_PX
from varlib import ModelSpec, load_dataset, train_model
from varlib.service import publish_result

NAMES = [
    "Gross domestic product of the euro area, chain-linked volumes (index)",
    "Household final consumption expenditure, seasonally adjusted rate",
    "Three-month interbank offered rate, end of period average",
]


@pytest.fixture
def long_names(registry):
    """long 0.0.1: a VAR(1) of three series named as a statistics office names them."""
    rng = np.random.default_rng(1)
    values = np.zeros((80, 3))
    for t in range(1, 80):
        values[t] = 0.5 * values[t - 1] + rng.standard_normal(3)
    index = pd.period_range("2000Q1", periods=80, freq="Q").to_timestamp()
    frame = pd.DataFrame(values + 10, columns=NAMES, index=index).rename_axis("date")
    dataset = load_dataset(frame.to_csv().encode(), csv_name="long.csv", variables=NAMES)
    publish_result(registry, train_model(dataset, ModelSpec(variables=tuple(NAMES), lags=1)), "long")
    return registry


def _widths(table, columns) -> dict:
    config = json.loads(table.proto.columns)
    return {column: config.get(column, {}).get("width") for column in columns}


def test_diagnostics_name_columns_leave_room_for_the_tests(long_names):
    at = open_app({"model": "long", "version": "0.0.1", "tab": "granger-causality"}, page="views/diagnostics.py")
    assert not at.exception
    granger = next(d for d in at.dataframe if "causing" in d.value.columns)
    widths = _widths(granger, ["causing", "caused"])
    assert all(isinstance(w, int) and w <= ROW_NAMES_PX for w in widths.values()), widths
    at.session_state["dg_tab"] = "Unit roots"
    at.run()
    roots = next(d for d in at.dataframe if "verdict" in d.value.columns)
    (width,) = _widths(roots, ["variable"]).values()
    assert isinstance(width, int) and width <= 150, width  # eight columns of tests beside it


def test_backtest_names_leave_room_for_the_ratio(long_names):
    at = open_app({"model": "long", "version": "0.0.1"}, page="views/backtest.py")
    at.button(key="bt_run").click().run()
    assert not at.exception
    (width,) = _widths(at.dataframe[0], ["variable"]).values()
    assert isinstance(width, int) and width <= ROW_NAMES_PX, width


def test_short_names_keep_their_whole_width(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "tab": "unit-roots"}, page="views/diagnostics.py")
    roots = next(d for d in at.dataframe if "verdict" in d.value.columns)
    (width,) = _widths(roots, ["variable"]).values()
    assert width >= 7 * len("realcons"), width
