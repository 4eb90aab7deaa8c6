"""QA's hover defects, second round: every line of a chart's unified hover names its own period exactly as
varlib.period_labels and the tables do (a unified hover lists each trace's point nearest the pointer, so the band
beside the history's last point is at the next period), and the header names it too wherever a d3 format can,
for every frequency the product labels; quarters ending Jan/Apr/Jul/Oct (no format names them) included."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.app.conftest import charts, errors, open_app, values
from ui import comparison_figures
from ui.chart_look import Look
from ui.figures import forecast_figure, holdout_figure
from ui.period_hover import HOVER_CANDIDATES, NO_HEADER, _rendered
from ui.scenario_figures import Line, scenario_figure
from varlib import ModelSpec, overlay_forecasts, period_labels
from varlib.artifact import build_artifact
from varlib.data.datasets import load_csv
from varlib.service import publish_result
from varlib.training import train

LAG = " (the last lag input)"
# every frequency the product names, with the dates of its periods (end- and start-dated)
FREQUENCIES = [
    ("QS-JAN", "2000-01-01"),  # calendar quarters: 2000Q1
    ("QE-DEC", "2000-03-31"),
    ("QE-JAN", "2000-01-31"),  # quarters ending Jan/Apr/Jul/Oct: Nov 1999, by their first month
    ("QS-FEB", "2000-02-01"),
    ("2QE-DEC", "2000-06-30"),  # calendar half-years: 2000H1
    ("2QE-MAR", "2000-03-31"),  # half-years from October: Oct 1999
    ("YS-JUL", "2000-07-01"),  # years from July: Jul 2000
    ("YE-JUN", "2000-06-30"),  # the same, end-dated: Jul 1999
    ("YE-DEC", "2000-12-31"),
    ("MS", "2000-01-01"),
    ("ME", "2000-01-31"),
    ("W-SUN", "2000-01-02"),
    ("D", "2000-01-01"),
]


def assert_every_line_names_its_period(figure: dict, alias: str) -> None:
    """Each trace a hover lists names the period of each of its points, as period_labels does; the header names it
    by a format that renders every x exactly so, or is left blank (NO_HEADER) when no format could."""
    xs = []
    for trace in figure["data"]:
        if trace.get("hoverinfo") == "skip":
            continue
        x = pd.to_datetime(pd.Series(values(trace, "x")))
        xs.extend(x)
        assert "%{customdata}" in trace["hovertemplate"], (trace["name"], trace["hovertemplate"])
        names = [str(name).removesuffix(LAG) for name in values(trace, "customdata")]
        assert names == period_labels(x, alias), trace["name"]
    stamps = pd.DatetimeIndex(xs).unique().sort_values()
    header = figure["layout"]["xaxis"].get("hoverformat")
    exact = [fmt for fmt in HOVER_CANDIDATES if [_rendered(fmt, s) for s in stamps] == period_labels(stamps, alias)]
    assert header == (exact[0] if exact else NO_HEADER), (alias, header)


def _figures(alias: str, start: str) -> dict:
    grid = pd.date_range(start, periods=48, freq=alias)
    history = pd.Series(np.linspace(10.0, 11.0, 40), index=grid[:40])
    dates = list(grid[40:].strftime("%Y-%m-%d"))
    band = np.linspace(11.0, 12.0, 8)
    conditioned = np.full(8, np.nan)
    conditioned[2] = 11.4
    look = Look(alias=alias)
    return {
        "forecast": forecast_figure("x", history, history.iloc[-2:], dates, band, band - 1, band + 1, 95, look=look),
        "fan": scenario_figure(
            "x",
            history,
            history.iloc[-2:],
            dates,
            band,
            {50: (band - 0.5, band + 0.5), 95: (band - 1, band + 1)},
            conditioned=conditioned,
            overlays=[Line("baseline", dates, band + 0.1), Line("short", dates[:4], band[:4])],
            look=look,
        ),
        "holdout": holdout_figure("x", history, dates, band, band, band - 1, band + 1, alias=alias),
    }


@pytest.mark.parametrize(("alias", "start"), FREQUENCIES)
def test_forecast_fan_and_holdout_hovers_name_every_period(alias, start):
    for fig in _figures(alias, start).values():
        assert_every_line_names_its_period(fig.to_plotly_json(), alias)


def test_quarters_ending_january_name_their_periods_by_the_first_month():
    figure = _figures("QE-JAN", "2000-01-31")["forecast"].to_plotly_json()
    upper = next(t for t in figure["data"] if t["name"].endswith("upper"))
    assert list(upper["customdata"][:2]) == ["Nov 2009", "Feb 2010"]  # 2010-01-31 and 2010-04-30, as the tables
    assert upper["hovertemplate"] == "upper %{customdata}: %{y:,.6~g}<extra></extra>"
    assert figure["layout"]["xaxis"]["hoverformat"] == NO_HEADER  # no d3 format names 2010-01-31 `Nov 2009`


def _trained(alias: str, start: str, holdout: float = 0.1):
    rng = np.random.default_rng(5)
    dates = pd.date_range(start, periods=60, freq=alias).strftime("%Y-%m-%d")
    frame = pd.DataFrame({"date": dates, "a": 10 + rng.normal(size=60).cumsum() / 10, "b": 5 + rng.normal(size=60)})
    return frame, train(load_csv(frame.to_csv(index=False).encode()), ModelSpec(("a", "b"), lags=1, holdout=holdout))


@pytest.mark.parametrize(("alias", "start"), [("QE-JAN", "2000-01-31"), ("QS-JAN", "2000-01-01")])
def test_compare_hovers_name_every_period(alias, start):
    artifact = build_artifact(_trained(alias, start)[1], "q", "t")
    overlaid = overlay_forecasts([artifact], steps=4)
    fig = comparison_figures.overlay_figure("a", artifact.history["a"].iloc[-8:], overlaid, 95, alias)
    assert_every_line_names_its_period(fig.to_plotly_json(), alias)


def test_the_forecast_pages_charts_name_quarters_ending_january_as_its_table(registry):
    publish_result(registry, _trained("QE-JAN", "2000-01-31")[1], "q_endjan", "patch", "quarters ending January")
    at = open_app({"model": "q_endjan"})
    assert errors(at) == ""
    figures = charts(at)
    assert len(figures) == 2
    for figure in figures:
        assert_every_line_names_its_period(figure, "QE-JAN")
        lower = next(t for t in figure["data"] if t["name"].endswith("interval"))
        assert list(values(lower, "customdata"))[:2] == ["Nov 2014", "Feb 2015"]  # 2015-01-31, 2015-04-30


def test_the_train_pages_holdout_charts_name_every_period(registry):
    frame, _ = _trained("QE-JAN", "2000-01-31")
    at = open_app(page="views/train.py")
    at.radio(key="train_source").set_value("Upload a CSV").run()
    at.file_uploader(key="train_csv").set_value(("q.csv", frame.to_csv(index=False).encode(), "text/csv")).run()
    at.radio(key="train_how").set_value("fixed").run()
    at.number_input(key="train_lags").set_value(1)
    next(b for b in at.button if b.label == "Train").click().run()
    assert not at.exception and errors(at) == "", errors(at)
    holdouts = [f for f in charts(at) if "holdout" in f["layout"].get("meta", {}).get("title", "")]
    assert len(holdouts) == 2
    for figure in holdouts:
        assert_every_line_names_its_period(figure, "QE-JAN")
        data, actual = (next(t for t in figure["data"] if t["name"] == name) for name in ("training data", "actual"))
        rows = period_labels(frame["date"], "QE-JAN")  # the file's rows as the tables name them
        assert rows.index(values(actual, "customdata")[0]) == rows.index(values(data, "customdata")[-1]) + 1
        assert values(actual, "customdata")[-1] == rows[-1] == "Aug 2014"  # 2014-10-31
