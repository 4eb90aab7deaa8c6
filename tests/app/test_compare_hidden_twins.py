"""The Compare chart says which version's line lies under another's when the chart cannot tell them apart (within
half a pixel of its height), not only when they are exactly equal; its bands stand out on the dark theme, under
every line."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from tests.app.conftest import charts, errors, open_app, values
from tests.app.test_presentation import _contrast
from ui import chart_look, comparison_figures, presentation
from varlib import ModelSpec, load_dataset, overlay_forecasts, train_model
from varlib.service import publish_result

COMPARE = "views/compare.py"


@pytest.fixture
def near_twin(seeded):
    """var 0.0.2: the seed's spec fitted on its data with one early value revised in its seventh digit (its forecasts
    differ from 0.0.1's by far less than a pixel, yet not exactly); var 0.0.3: one lag, visibly apart."""
    dataset = load_dataset()
    frame = dataset.frame.copy()
    frame.iloc[3, 0] *= 1 + 1e-6
    variables = tuple(dataset.variables)
    publish_result(seeded, train_model(load_dataset(frame), ModelSpec(variables=variables)), "var")
    publish_result(seeded, train_model(dataset, ModelSpec(variables=variables, lags=1)), "var")
    return seeded


def _lines(figure: dict) -> list[str]:
    return [t["name"] for t in figure["data"] if t.get("mode") == "lines+markers"]


def test_a_line_hidden_under_a_nearly_equal_one_names_both(near_twin):
    at = open_app({"versions": "var:0.0.1,var:0.0.2,var:0.0.3", "steps": 4}, page=COMPARE)
    assert errors(at) == ""
    gdp = charts(at)[0]
    first, second, _ = (np.asarray(values(t, "y")) for t in gdp["data"] if t.get("mode") == "lines+markers")
    assert 0 < np.abs(first - second).max() < 1  # not equal, yet far within a pixel (about 5 of realgdp here)
    assert _lines(gdp) == ["var 0.0.1", "var 0.0.2 (same as var 0.0.1)", "var 0.0.3"]


def test_only_the_line_alike_says_so(seeded):
    """Bands that differ show: the entry says that the line is the same, not the whole forecast."""
    artifact = seeded.load("var", "0.0.1")
    first, _ = overlay_forecasts([artifact, artifact], steps=4)
    forecast = first.forecast.forecast
    wider = replace(forecast, lower=forecast.lower - 100, upper=forecast.upper + 100)
    twin = replace(first, label="var 0.0.2", forecast=replace(first.forecast, forecast=wider))
    history = artifact.history["realgdp"].iloc[-20:]
    fig = comparison_figures.overlay_figure("realgdp", history, [first, twin], 95, "QS-JAN")
    lines = [t.name for t in fig.data if t.mode == "lines+markers"]
    assert lines == ["var 0.0.1", "var 0.0.2 (same line as var 0.0.1)"]


def test_the_bands_stand_out_on_the_dark_theme(near_twin, monkeypatch):
    """At 0.15 the first two versions' bands were 1.17:1 and 1.18:1 from the dark background: barely seen."""
    monkeypatch.setattr(presentation, "theme", lambda: "dark")
    at = open_app({"versions": "var:0.0.1,var:0.0.3", "steps": 4}, page=COMPARE)
    fills = [t["fillcolor"] for t in charts(at)[0]["data"] if t.get("fill") == "tonexty"]
    assert len(fills) == 2
    background = chart_look.BACKGROUNDS["dark"]
    for fill in fills:
        *rgb, alpha = (float(x) for x in fill.removeprefix("rgba(").removesuffix(")").split(","))
        mixed = tuple(bg + alpha * (c - bg) for c, bg in zip(rgb, background, strict=True))
        assert _contrast(mixed, background) >= 1.4, fill


def test_every_band_lies_under_every_line(near_twin):
    """A later version's band drawn over an earlier one's line tinted it: a red line read brown under a green band."""
    at = open_app({"versions": "var:0.0.1,var:0.0.3", "steps": 4}, page=COMPARE)
    drawn = [t.get("fill") or t.get("mode") for t in charts(at)[0]["data"]]  # in the order drawn, bottom first
    assert drawn.count("tonexty") == 2 and drawn.count("lines+markers") == 2
    assert max(i for i, kind in enumerate(drawn) if kind == "tonexty") < drawn.index("lines+markers"), drawn
