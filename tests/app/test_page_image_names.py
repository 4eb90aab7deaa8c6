"""Every page's saved files are named after what they hold: a chart's camera image on the Diagnostics, Backtest
and Compare pages names the model, version, page and chart, and on Train the data and variable of a holdout
chart (each was plotly's `newplot.png`); the backtest's scores CSV and chart name the settings that scored them
(two runs of different settings wrote one file name)."""

from __future__ import annotations

import json

import pytest
import streamlit as st

from tests.app.conftest import errors, open_app
from varlib import ModelSpec, load_dataset, train_model
from varlib.service import publish_result


def _images(at) -> list[str | None]:
    configs = [json.loads(chart.proto.config) for chart in at.get("plotly_chart")]
    return [config.get("toImageButtonOptions", {}).get("filename") for config in configs]


@pytest.fixture
def names(monkeypatch) -> dict:
    """The file name of each download placed on the page's main block, by its label."""
    kept: dict = {}
    real = st.download_button

    def keep(label, data, file_name=None, *args, **kwargs):
        kept[label] = file_name
        return real(label, data, file_name, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", keep)
    return kept


@pytest.fixture
def two_versions(seeded):
    """var 0.0.1 (the seed) and var 0.0.2 (one lag)."""
    dataset = load_dataset()
    publish_result(seeded, train_model(dataset, ModelSpec(variables=tuple(dataset.variables), lags=1)), "var")
    return seeded


def test_the_backtest_files_name_the_settings_that_scored_them(seeded, names):
    at = open_app({"model": "var", "version": "0.0.1"}, page="views/backtest.py")
    at.number_input(key="bt_origins").set_value(3)
    at.number_input(key="bt_horizon").set_value(2)
    at.button(key="bt_run").click().run()
    assert not at.exception and errors(at) == ""
    stem = "var-0.0.1-backtest-3-origins-2-steps-fixed-lags"
    assert _images(at) == [f"{stem}-rmse"]
    assert names["Download scores (CSV)"] == f"{stem}.csv"
    at.number_input(key="bt_origins").set_value(4)
    at.button(key="bt_run").click().run()
    assert _images(at) == ["var-0.0.1-backtest-4-origins-2-steps-fixed-lags-rmse"]
    assert names["Download scores (CSV)"] == "var-0.0.1-backtest-4-origins-2-steps-fixed-lags.csv"


def test_the_diagnostics_charts_name_the_version_and_the_chart(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "tab": "stability"}, page="views/diagnostics.py")
    assert not at.exception and errors(at) == ""
    assert _images(at) == ["var-0.0.1-diagnostics-roots"]
    at = open_app({"model": "var", "version": "0.0.1", "tab": "residuals"}, page="views/diagnostics.py")
    assert _images(at) == ["var-0.0.1-diagnostics-resid", "var-0.0.1-diagnostics-acorr-10-lags"]


def test_the_compare_charts_name_the_versions_in_their_order_and_the_variable(two_versions):
    at = open_app(page="views/compare.py")
    at.multiselect(key="cmp_versions").set_value(["var 0.0.1", "var 0.0.2"]).run()
    assert not at.exception and errors(at) == ""
    stem = "compare-var-0.0.1-var-0.0.2-8-steps-95pct"  # the page's steps and level (test_page_image_settings.py)
    assert _images(at) == [f"{stem}-realgdp", f"{stem}-realcons"]


def test_the_train_pages_holdout_charts_name_the_data_and_the_variable(registry):
    at = open_app(page="views/train.py")
    at.text_input(key="train_name|macrodata").set_value("var")
    at.radio(key="train_how").set_value("fixed").run()
    next(b for b in at.button if b.label == "Train").click().run()
    assert not at.exception and errors(at) == ""
    # the lag order and rows scored, and a digest of the other settings (test_page_image_settings.py)
    names = _images(at)[-2:]
    assert [name.rsplit("-", 2)[0] for name in names] == ["macrodata-holdout-2-lags-20-rows"] * 2
    assert [name.rsplit("-", 1)[1] for name in names] == ["realgdp", "realcons"]


def test_a_long_page_part_gives_way_to_the_chart_it_names():
    from ui.chart_files import NAME_BYTES, images_named, page_image_config

    with images_named("compare", *[f"a-long-model-name-{i} 0.0.{i}" for i in range(12)]):
        name = page_image_config("realgdp")["toImageButtonOptions"]["filename"]
    assert name.startswith("compare-a-long-model-name-0") and name.endswith("-realgdp")
    assert len(f"{name}.json".encode()) <= NAME_BYTES
    assert page_image_config("realgdp") is None  # outside the block: plotly's own settings


def test_the_train_pages_upload_preview_chart_names_the_file(seeded):
    """The preview of an upload's series saved as plotly's `newplot.png`, the Train page's holdout charts beside it
    by their data."""
    from tests.app.test_train_preview_words import TRAIN, _two, _upload

    at = _upload(open_app(page=TRAIN), _two())
    assert not at.exception and errors(at) == ""
    assert _images(at) == ["q.csv-preview"]
