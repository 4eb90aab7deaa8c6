"""QA's calendar defects in the charts: a unified hover's header names its period exactly as the lines under it
(varlib.period_labels), and Compare overlays month-start and month-end versions on one chart, by period."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from ui import comparison_figures
from ui.chart_look import Look
from ui.figures import forecast_figure, holdout_figure
from ui.period_hover import NO_HEADER, hover_format
from varlib import ModelSpec, overlay_forecasts, parse_version, period_labels
from varlib.artifact import build_artifact
from varlib.data.datasets import load_csv
from varlib.training import train


@pytest.mark.parametrize(
    ("alias", "start", "header"),
    [
        ("2QE-DEC", "2009-06-30", "%YH%h"),  # half-years: 2010H1, not Jun 2010
        ("QS-FEB", "2009-02-01", "%b %Y"),  # quarters from February: Aug 2010, not 2010Q3
        ("W-SUN", "2001-01-07", "%Y-%m-%d"),  # weeks: 2001-03-11, not Mar 11, 2001
        ("QS-JAN", "2009-01-01", "%YQ%q"),
        ("MS", "2009-01-01", "%b %Y"),
    ],
)
def test_the_header_names_a_period_as_period_labels_does(alias, start, header):
    dates = pd.date_range(start, periods=12, freq=alias)
    assert hover_format(dates, alias) == header
    rendered = {"%YH%h": lambda d: f"{d.year}H{(d.month - 1) // 6 + 1}", "%YQ%q": lambda d: f"{d.year}Q{d.quarter}"}
    shown = [rendered[header](d) if header in rendered else d.strftime(header) for d in dates]
    assert shown == period_labels(dates, alias)


def test_a_naming_no_format_can_follow_leaves_the_header_blank():
    assert hover_format(pd.date_range("2000-01-01", periods=3, freq="MS"), "W-XYZ") in (NO_HEADER, "%Y-%m-%d")
    assert hover_format([1, 2, 3], "QS-JAN") is None and hover_format([], "QS-JAN") is None


def test_forecast_and_holdout_charts_of_half_years_hover_by_half_year():
    history = pd.Series(np.arange(8.0), index=pd.date_range("2006-06-30", periods=8, freq="2QE-DEC"))
    dates = ["2010-06-30", "2010-12-31", "2011-06-30"]
    band = np.ones(3)
    look = Look(alias="2QE-DEC")
    fig = forecast_figure("x", history, history.iloc[-2:], dates, band, band, band, 95, look=look)
    assert fig.layout.xaxis.hoverformat == "%YH%h"  # the header 2010H1 over `mean 2010H1`
    fig = holdout_figure("x", history, dates, band, band, band, band, alias="2QE-DEC")
    assert fig.layout.xaxis.hoverformat == "%YH%h"


def _artifact(frequency: str, version: str, start: str):
    values = 100 + np.random.default_rng(0).normal(size=(60, 2)).cumsum(axis=0)
    dates = pd.date_range(start, periods=60, freq=frequency).strftime("%Y-%m-%d")
    frame = pd.DataFrame({"date": dates, "x": values[:, 0], "y": values[:, 1]})
    result = train(load_csv(frame.to_csv(index=False).encode()), ModelSpec(("x", "y"), lags=2))
    return replace(build_artifact(result, "mend", "t"), version=parse_version(version))


def test_month_start_and_month_end_versions_overlay_on_one_chart():
    first, other = _artifact("MS", "0.0.1", "2005-01-01"), _artifact("ME", "0.0.2", "2005-01-31")
    overlaid = overlay_forecasts([first, other], steps=3)
    groups = comparison_figures.by_frequency([first, other], overlaid)
    assert list(groups) == ["MS"]  # one set of charts, not `x (monthly versions)` twice
    fig = comparison_figures.overlay_figure("x", first.history["x"].iloc[-6:], overlaid, 95, "MS")
    lines = [t for t in fig.data if t.mode == "lines+markers"]
    assert [list(pd.to_datetime(t.x)) for t in lines][0] == [list(pd.to_datetime(t.x)) for t in lines][1]
    assert list(lines[1].customdata)[1:] == ["Jan 2010", "Feb 2010", "Mar 2010"]
    assert fig.layout.xaxis.hoverformat == "%b %Y"
