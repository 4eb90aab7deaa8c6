"""A presentation grid decides once whether a low window stacks it, and every chart counts its legend's rows so:
decided chart by chart, the chart without the condition's legend entry was counted for a grid cell (three rows)
while the grid its neighbour's entry stacks drew it as wide as the page (one row), 52 px of empty room under
its plot."""

from __future__ import annotations

from tests.app.conftest import charts, errors, open_app
from ui.chart_look import Look
from varlib import forecast_artifact, make_scenario

QUERY = {"model": "var", "version": "0.0.1", "scenario": "near", "present": 1, "layout": "grid"}


def test_every_chart_of_a_grid_that_stacks_counts_its_legend_as_stacked(seeded):
    artifact = seeded.load("var", "0.0.1")
    near = float(forecast_artifact(artifact).forecast.mean[0, 0])  # no warning above the charts
    seeded.save_scenario(make_scenario(artifact, "near", 8, conditions={"realgdp": [near]}))
    at = open_app(QUERY)
    assert errors(at) == ""
    figures = charts(at)
    legends = [[t.get("name") for t in f["data"] if t.get("showlegend") is not False] for f in figures]
    assert len(legends[0]) > len(legends[1]), legends  # the condition: in realgdp's legend only
    css = "".join(element.proto.body for element in at.get("html"))
    assert "flex: 1 1 100% !important" in css  # a low window stacks the grid
    stacked = Look(present=True).margin["b"]  # a stacked chart's legend takes one row, which its margin holds
    assert [f["layout"]["margin"]["b"] for f in figures] == [stacked, stacked]
