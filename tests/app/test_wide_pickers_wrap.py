"""Pickers of many long-named variables wrap their chips onto rows: placed in a column, a multiselect keeps its chips
on one row by default, and with nine or ten series (`consumer_price_index_all_items`, ...) the Train page showed two
of ten chosen variables, Diagnostics three of six impulses and Compare four of eight versions, the rest out of
sight."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.app.conftest import open_app
from ui.irf_pick import PREFIX
from varlib import ModelSpec, load_dataset, publish_result, train_model

TRAIN = "views/train.py"
DIAG = "views/diagnostics.py"
COMPARE = "views/compare.py"
SEVEN = ("realgdp", "realcons", "realinv", "realgovt", "realdpi", "cpi", "m1")
NAMES = [
    "industrial_production_index",
    "consumer_price_index_all_items",
    "federal_funds_effective_rate",
    "retail_sales_ex_food_services",
    "oil_price_brent_usd",
]


def _wide_csv() -> bytes:
    rng = np.random.default_rng(5)
    dates = pd.date_range("2005-01-01", periods=120, freq="MS")
    frame = pd.DataFrame(rng.standard_normal((120, len(NAMES))), index=dates, columns=NAMES)
    return frame.rename_axis("date").to_csv(float_format="%.4f").encode()


def test_train_pickers_wrap_their_chips(store_dir):
    at = open_app(page=TRAIN)
    assert at.multiselect(key="train_macro_vars").proto.wrap  # the bundled data's variables
    at.radio(key="train_source").set_value("Upload a CSV").run()
    at.file_uploader(key="train_csv").set_value(("wide.csv", _wide_csv(), "text/csv")).run()
    assert not at.exception
    variables, exog = (next(m for m in at.multiselect if m.label.startswith(start)) for start in ("Variables", "Exog"))
    assert variables.value == NAMES
    assert variables.proto.wrap and exog.proto.wrap


@pytest.fixture
def seven(registry):
    result = train_model(load_dataset(variables=list(SEVEN)), ModelSpec(SEVEN, transform="logdiff", lags=1))
    publish_result(registry, result, "seven", "patch", "seed")
    return registry


def test_impulse_and_response_pickers_wrap_their_chips(seven):
    at = open_app({"model": "seven", "tab": "impulse-responses"}, page=DIAG)
    for side in ("impulses", "responses"):
        picker = at.multiselect(key=f"{PREFIX}|{side}|seven 0.0.1")
        assert len(picker.value) == 6 and picker.proto.wrap


def test_compare_versions_picker_wraps_its_chips(three_versions):
    at = open_app({"versions": "var:0.0.1,var:0.0.2,var:0.0.3"}, page=COMPARE)
    picker = at.multiselect(key="cmp_versions")
    assert len(picker.value) == 3 and picker.proto.wrap
