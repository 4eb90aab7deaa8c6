"""ui.plot_text: a name as plotly text, shown as typed in every figure builder (titles, axis titles, legend
entries, subplot titles, hovertemplates), and its accessible name as typed."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ui.chart_look import accessible_name
from ui.figures import forecast_figure, holdout_figure, series_preview_figure
from ui.plot_text import name, plain
from ui.scenario_figures import Line, scenario_figure

LINK = '<a href="https://evil.example/">CLICK</a>'
TEMPLATE = "<b>BOLD</b>%{y} & 5%"


def test_a_name_is_escaped_for_plotly_and_reads_back_as_typed():
    assert name(LINK) == '&lt;a href="https://evil.example/"&gt;CLICK&lt;/a&gt;'
    assert name(TEMPLATE) == "&lt;b&gt;BOLD&lt;/b&gt;&#37;{y} &amp; 5&#37;"  # no `%{` left for a template
    assert plain(name(LINK)) == LINK and plain(name(TEMPLATE)) == TEMPLATE
    assert name("realgdp") == "realgdp"


def _texts(fig) -> list[str]:
    layout = fig.layout
    texts = [layout.title.text, layout.xaxis.title.text, layout.yaxis.title.text]
    texts += [note.text for note in layout.annotations]
    return [str(t) for t in texts if t] + [str(v) for t in fig.data for v in (t.name, t.hovertemplate) if v]


def _assert_as_typed(fig, *names: str) -> None:
    texts = _texts(fig)
    assert not [t for t in texts if "<a " in t or "<b>" in t or "%{y} &" in t]
    for typed in names:
        assert any(name(typed) in t for t in texts), typed


def _series(n: int = 8) -> pd.Series:
    return pd.Series(np.arange(1.0, n + 1), index=pd.date_range("2020-01-01", periods=n, freq="QS"))


def test_every_forecast_builder_shows_names_as_typed():
    history, dates, ones = _series(), ["2022-01-01", "2022-04-01"], np.ones(2)
    fig = forecast_figure(LINK, history, history.iloc[-2:], dates, ones, ones, ones, 95)
    _assert_as_typed(fig, LINK)
    assert accessible_name(fig) == LINK
    fig = scenario_figure(
        TEMPLATE,
        history,
        history.iloc[-2:],
        dates,
        ones,
        {95: (ones, ones)},
        LINK,
        overlays=[Line(TEMPLATE, dates, ones)],
    )
    _assert_as_typed(fig, TEMPLATE, LINK)
    _assert_as_typed(holdout_figure(LINK, history, dates, ones, ones, ones, ones), LINK)
    frame = pd.DataFrame({LINK: history, TEMPLATE: history})
    _assert_as_typed(series_preview_figure(frame), LINK, TEMPLATE)
