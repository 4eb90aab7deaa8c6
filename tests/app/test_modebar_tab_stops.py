"""Every chart's modebar keeps only the buttons a keyboard can use: each button is a Tab stop between the settings
and the content, and the drag-mode switches (Zoom, Pan) and Autoscale, which a keyboard cannot use and a mouse does
without (drag, Shift+drag, double-click), made 8 stops a chart. The camera keeps its file name."""

from __future__ import annotations

import json

import pytest

from tests.app.conftest import errors, open_app
from varlib import ModelSpec, load_dataset, publish_result, train_model

LEFT_OUT = {"zoom2d", "pan2d", "autoScale2d"}


@pytest.mark.parametrize(
    ("query", "page"), [({"model": "var"}, None), ({"versions": "var:0.0.1,var:0.0.2"}, "views/compare.py")]
)
def test_every_chart_leaves_out_the_buttons_a_keyboard_cannot_use(seeded, query, page):
    dataset = load_dataset()  # a second version, for Compare
    publish_result(seeded, train_model(dataset, ModelSpec(variables=tuple(dataset.variables), lags=1)), "var")
    at = open_app(query, page=page)
    assert not at.exception and errors(at) == ""
    configs = [json.loads(chart.proto.config) for chart in at.get("plotly_chart")]
    assert configs, "the page drew no chart"
    for config in configs:
        assert set(config.get("modeBarButtonsToRemove", [])) >= LEFT_OUT, config
        assert config["displaylogo"] is False
    if page is None:  # the forecast charts' own settings keep the camera's file name
        assert all(config["toImageButtonOptions"]["filename"].startswith("var-0.0.2-") for config in configs)
