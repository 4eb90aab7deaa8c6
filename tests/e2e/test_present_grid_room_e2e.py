"""A presentation grid of a model with a long name (up to 63 characters) at 1920x1080, in Chromium: the name, the
same in every cell, took each subtitle's third line and left the plots 164 px of 422. The cells'
subtitles shorten it by its middle; their accessible names keep it whole.

What the browser draws is measured, not computed. The store is a local folder (no MinIO needed).
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import running_dashboard
from tests.e2e.test_present_qa_screens_e2e import _measured, _open
from ui.forecast_view import GRID_NAME_CHARS
from varlib import ModelSpec, Registry, load_dataset, publish_result, shortened, train_model
from varlib.config import Settings

pytestmark = pytest.mark.e2e
NAME = "quarterly-us-macro-consumption-and-output-model-alpha-one"


@pytest.fixture(scope="module")
def long_name(tmp_path_factory):
    """A dashboard on a local store holding NAME 0.0.1 (four variables, log differences)."""
    folder = tmp_path_factory.mktemp("grid") / "store"
    settings = {"VARLIB_STORE_DIR": str(folder), "VARLIB_AUTHOR": "e2e"}
    registry = Registry.from_settings(Settings.from_env(settings))
    names = ["realgdp", "realcons", "realinv", "realgovt"]
    spec = ModelSpec(tuple(names), transform="logdiff", lags=2)
    publish_result(registry, train_model(load_dataset(variables=names), spec), NAME)
    with running_dashboard(settings) as url:
        yield url


def test_a_long_model_name_leaves_the_grids_plots_their_room(long_name, chromium):
    """(A fan's three levels still take a third line of the subtitle with a long name: 138 px of plot.)"""
    page = _open(chromium, f"{long_name}/?model={NAME}&version=0.0.1&present=1&layout=grid", 1920, 1080)
    try:
        charts = _measured(page, 4)
        names = page.locator("[data-testid=stPlotlyChart]").evaluate_all("els => els.map(el => el.ariaLabel)")
        subtitles = page.locator("[data-testid=stPlotlyChart] .gtitle-subtitle").all_text_contents()
    finally:
        page.context.close()
    for chart in charts:
        assert chart["bottom"] <= 1080 + 1 or chart["top"] > 600, chart  # two rows a window, as before
        assert chart["out"] == [], chart  # no legend, title or subtitle cut
        assert chart["plot"] >= 180, chart
    assert all(NAME in name for name in names), names  # a screen reader still hears which model
    assert len(subtitles) == 4 and all(s.startswith(f"{shortened(NAME, GRID_NAME_CHARS)} 0.0.1") for s in subtitles)
