"""The value axes' tick labels as Chromium draws them: plain numbers, never SI prefixes ("500m" for 0.5).

The figures are drawn by plotly.py's own plotly.js in a blank page, so no dashboard server is needed.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import plotly
import pytest

from ui.chart_look import Look
from ui.figures import forecast_figure, holdout_figure, series_preview_figure

pytestmark = [pytest.mark.e2e]

PLOTLY_JS = plotly.__path__[0] + "/package_data/plotly.min.js"
TICKS = """(figure) => { const el = document.createElement('div'); document.body.appendChild(el);
  return Plotly.newPlot(el, figure.data, figure.layout).then(() => {
    const ticks = Array.from(el.querySelectorAll('.ytick text')).map(t => t.textContent);
    el.remove(); return ticks; }); }"""


def _ticks(page, fig) -> list[str]:
    """The y tick labels Chromium draws for `fig`, with the ASCII minus for d3's U+2212."""
    return [text.replace("\u2212", "-") for text in page.evaluate(TICKS, json.loads(fig.to_json()))]


def _figures(values: np.ndarray) -> list:
    """Every builder of a value axis, drawing `values`."""
    index = pd.date_range("2020-01-01", periods=len(values), freq="QS")
    series = pd.Series(values, index=index)
    dates = [str(d.date()) for d in pd.date_range("2030-01-01", periods=2, freq="QS")]
    band = np.array(values[-2:])
    return [
        forecast_figure("x", series, series.iloc[-2:], dates, band, band, band, 95, look=Look()),
        forecast_figure("x", series, series.iloc[-2:], dates, band, band, band, 95, look=Look(present=True)),
        holdout_figure("x", series, dates, band, band, band, band),
        series_preview_figure(pd.DataFrame({"x": values}, index=index)),
    ]


@pytest.fixture
def plotly_page(page):
    page.add_script_tag(path=PLOTLY_JS)
    return page


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([-0.5, 0.5], {"-0.5", "0.5"}),  # a growth rate: "500m" was read as 500 million
        ([0.0001, 0.00012], {"0.0001"}),
        ([12_000.0, 13_000.0], {"13,000"}),
        ([1.0e6, 1.2e6], {"1.2e+6"}),
    ],
)
def test_value_ticks_are_plain_numbers(plotly_page, values, expected):
    for fig in _figures(np.linspace(values[0], values[1], 12)):
        ticks = _ticks(plotly_page, fig)
        assert ticks and expected <= set(ticks), ticks
        assert not [t for t in ticks if t[-1] in "mµkMGT"], ticks  # no SI prefix
