"""Every chart has an accessible name, what a screen reader announces: its title and subtitle, or what a
page says it shows."""

from __future__ import annotations

import pytest

from tests.app.conftest import open_app
from varlib.service import publish_result

DIAG = "views/diagnostics.py"


def _names(at) -> list[str]:
    return [element.proto.alt for element in at.get("plotly_chart")]


def test_forecast_charts_are_named_by_variable_version_and_interval(seeded):
    assert _names(open_app({"model": "var", "level": 90})) == [
        "realgdp · var 0.0.1 · mean with 90% standard interval",
        "realcons · var 0.0.1 · mean with 90% standard interval",
    ]


@pytest.mark.parametrize(
    ("tab", "expected"),
    [
        ("impulse-responses", ["Orthogonalised impulse responses (impulse → response)"]),
        ("residuals", ["Residuals (levels)", "Residual autocorrelations"]),
        ("variance-decomposition", ["Forecast-error variance decomposition"]),
    ],
)
def test_diagnostics_charts_are_named_by_their_titles(seeded, tab, expected):
    names = _names(open_app({"model": "var", "tab": tab}, page=DIAG))
    assert len(names) == len(expected) and all(n.startswith(e) for n, e in zip(names, expected, strict=True))


def test_compare_charts_name_the_versions_they_overlay(seeded, macro_result):
    publish_result(seeded, macro_result, "var", "patch", "second")
    names = _names(open_app({"versions": "var:0.0.2,var:0.0.1"}, page="views/compare.py"))
    assert names == [
        "realgdp: forecasts of var 0.0.2 and var 0.0.1 overlaid",
        "realcons: forecasts of var 0.0.2 and var 0.0.1 overlaid",
    ]


def test_backtest_chart_is_named(seeded):
    at = open_app({"model": "var", "origins": 4, "horizon": 2}, page="views/backtest.py")
    next(b for b in at.button if b.label.startswith("Run backtest")).click().run()
    assert _names(at) == ["RMSE by horizon over 4 origins"]
