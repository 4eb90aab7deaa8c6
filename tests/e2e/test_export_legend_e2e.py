"""A chart's exported image in a real Chromium: its legend labels stay clear of the next entry's swatch when the
image is drawn without the page's font (Source Sans), as an <img> of it and a saved SVG are, in the browser's own
fallback face and in DejaVu Sans, the widest common one; and the rows the page counts for a legend of such entries
(to give it room) are the rows plotly draws."""

from __future__ import annotations

import json
from urllib.parse import unquote

import plotly
import plotly.graph_objects as go
import pytest

from tests.support.browser import wait_for_app, wait_for_forecast
from ui import presentation
from ui.chart_look import Look, plot

pytestmark = pytest.mark.e2e

EXPORT = """() => Plotly.toImage(document.querySelector('.js-plotly-plot'), {format: 'svg'})"""
# px from each legend label's right edge to the swatch of the entry after it in its row, as drawn: a face given
# stands in for the one the SVG names (a viewer whose sans-serif it is)
GAPS = """(face) => {
  if (face) for (const text of document.querySelectorAll('svg text')) text.style.fontFamily = face;
  const entries = [...document.querySelectorAll('svg g.legend g.traces')].map(entry => ({
    name: entry.querySelector('text.legendtext').textContent,
    text: entry.querySelector('text.legendtext').getBoundingClientRect(),
    swatch: entry.querySelector('g.layers').getBoundingClientRect()}));
  return entries.slice(1).filter((next, i) => Math.abs(next.text.top - entries[i].text.top) < 2)
    .map((next, i) => [entries[i].name, next.swatch.left - entries[i].text.right]); }"""
LEAST_GAP = 4  # px: the page's own layout leaves 10
PLOTLY_JS = plotly.__path__[0] + "/package_data/plotly.min.js"  # the legend layout of Streamlit's bundle alike
ROWS = """(figure) => { const el = document.createElement('div'); document.body.appendChild(el);
  return Plotly.newPlot(el, figure.data, figure.layout).then(() => {
    const rows = new Set([...el.querySelectorAll('g.legend g.traces')].map(t => t.getAttribute('transform')
      .match(/,\\s*([-\\d.]+)\\)/)[1]));
    el.remove(); return rows.size; }); }"""
NAMES = ["history", "95% interval", "forecast (mean)", "lag inputs", "dip (no conditions)", "a boom"]


def test_an_exported_legend_keeps_its_entries_apart_in_a_fallback_face(local_dashboard, page, browser_context):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{local_dashboard}/?model=var&version=0.0.1&steps=8&level=95")
    wait_for_app(page)
    wait_for_forecast(page, 8)
    svg = unquote(page.evaluate(EXPORT).split(",", 1)[1])
    assert "Source Sans" in svg and "@font-face" not in svg  # it names the page's font but cannot carry it
    blank = browser_context.new_page()  # no stylesheet of the page: only the machine's own fonts
    try:
        blank.set_content(f"<!doctype html><body style='margin:0'>{svg}</body>")
        for face in (None, "DejaVu Sans"):
            gaps = blank.evaluate(GAPS, face)
            assert len(gaps) >= 2, gaps  # history, the band, the forecast line, the lag inputs: a row or two
            assert all(gap >= LEAST_GAP for _, gap in gaps), (face, gaps)
    finally:
        blank.close()


class _Placed:
    """Where ui.chart_look.plot places a chart: keeps the figure as the page would send it."""

    def plotly_chart(self, fig, **_):
        self.fig = fig


def test_the_rows_counted_for_a_legend_are_the_rows_plotly_draws(page):
    page.add_script_tag(path=PLOTLY_JS)
    look = Look()
    for count in (4, 6):
        for width in (560, 720, 900):  # one row, two, or their edge
            fig = go.Figure(layout={**look.layout("realgdp", "realgdp", "date", 400), "width": width})
            for name in NAMES[:count]:
                fig.add_scatter(x=[0, 1], y=[0, 1], name=name)
            placed = _Placed()
            plot(placed, fig, key="chart")
            drawn = page.evaluate(ROWS, json.loads(placed.fig.to_json()))
            assert drawn == presentation.legend_rows(placed.fig, look, width), (count, width)
