"""Charts of wide models and long names stay readable: a colour per shock beyond ten variables, panel titles
fitted to their panels (the whole name in the hover), grids of rows instead of one crowded row, forecast titles
that wrap with no y-axis title climbing over them, and a Compare table whose version columns all fit."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from plotly.colors import qualitative

from tests.support.models import diagnosed_noise
from ui import chart_look, diagnostics_figures, response_figures
from ui.chart_look import Look, accessible_name
from ui.comparison_figures import backtest_figure
from ui.plot_text import fitted, panel_width, plain
from ui.tables import COMPARE_PX, comparison_widths
from varlib import Backtest, panel_room, title_width

LONG = [
    "Real gross domestic product, billions of chained 2005 dollars",
    "Реальное потребление домашних хозяйств (млрд)",
    "実質民間投資（十億ドル、季節調整済み）",
    "Real federal consumption expenditures & gross investment",
    "Real private disposable income billions of chained dollars",
    "Verbraucherpreisindex für alle städtischen Verbraucher",
    "M1 money stock seasonally adjusted billions of dollars",
    "3-month treasury bill secondary market rate percent",
    "Civilian unemployment rate seasonally adjusted percent",
    "معدل التضخم السنوي المحسوب من مؤشر أسعار المستهلك",
    "Population of the United States in thousands of people",
]


def _diag(names: list[str]):
    return diagnosed_noise(names, 5)


@pytest.fixture(scope="module")
def wide():
    return _diag(LONG)


def _lines(text: str) -> list[str]:
    return [plain(line) for line in str(text).split("<br>")]


def test_every_shock_and_residual_has_its_own_colour_and_ten_keep_theirs(wide):
    fevd = diagnostics_figures.fevd_figure(wide)
    shocks = [trace.marker.color for trace in fevd.data if trace.showlegend]
    assert len(shocks) == len(LONG) == len(set(shocks))
    assert shocks[:10] == list(qualitative.Plotly)  # the colours of a model of up to ten variables are unchanged
    residuals = [trace.line.color for trace in diagnostics_figures.residuals_figure(wide).data]
    assert len(set(residuals)) == len(LONG)
    assert len(set(diagnostics_figures.colours(40))) == 40  # beyond the palette too


def test_impulse_response_titles_fit_their_panels_and_hover_whole(wide):
    picked = LONG[:6]
    fig = response_figures.irf_figure(wide, impulses=picked, responses=picked)
    notes = [note for note in fig.layout.annotations if note.hovertext]
    assert len(notes) == 36
    room = panel_room(picked, panel_width(6, 0.2 / 6))  # px of the 16 px title font
    for note in notes:
        assert all(title_width(line) <= room for line in _lines(note.text)), note.text
        assert "→" in note.text and plain(note.hovertext).count("→") == 1
    first = notes[1]  # impulse LONG[1], response LONG[0]
    assert plain(first.hovertext) == f"{LONG[1]} → {LONG[0]}"
    assert _lines(first.text)[0].startswith("Реальное") and _lines(first.text)[-1].startswith("Real gross")


def test_short_names_keep_one_line_titles_and_the_grid_they_had():
    assert fitted("realgdp", 20) == "realgdp"
    diag = _diag(["realgdp", "realcons", "realinv"])
    titles = [note.text for note in response_figures.irf_figure(diag).layout.annotations]
    assert titles[:2] == ["realgdp → realgdp", "realcons → realgdp"]
    fevd = diagnostics_figures.fevd_figure(diag)
    assert fevd.layout.height == 420 and [note.text for note in fevd.layout.annotations] == [
        "realgdp",
        "realcons",
        "realinv",
    ]
    assert [fevd.layout[f"xaxis{n}"].title.text for n in ("", 2, 3)] == ["periods ahead"] * 3


def test_many_variables_decompose_in_rows_with_one_axis_title_per_column(wide):
    fig = diagnostics_figures.fevd_figure(wide)
    tops = {round(fig.layout[f"yaxis{n if n > 1 else ''}"].domain[1], 6) for n in range(1, len(LONG) + 1)}
    assert len(tops) == 3  # 11 panels in rows of 4
    axis_titles = [fig.layout[f"xaxis{n if n > 1 else ''}"].title.text for n in range(1, len(LONG) + 1)]
    assert axis_titles.count("periods ahead") == chart_look.PANEL_COLUMNS
    room = panel_room(LONG, panel_width(4, 0.05))
    for note, name in zip(fig.layout.annotations, LONG, strict=True):
        assert all(title_width(line) <= room for line in _lines(note.text)) and plain(note.hovertext) == name
    assert fig.layout.margin.t > chart_look.PANEL_MARGIN["t"]  # the legend's rows and the titles' lines


def test_backtest_panels_come_in_rows_with_fitted_titles():
    rng = np.random.default_rng(0)
    shape = (3, 4, 6)
    actual = 100 + rng.normal(size=shape)
    result = Backtest(
        "var", "0.0.1", tuple(LONG[:6]), 4, "fixed", ("2009-01-01", "2009-04-01", "2009-07-01"), (2, 2, 2),
        actual + rng.normal(size=shape), actual, actual + rng.normal(size=shape), 0.1, (True,) * 6,
    )  # fmt: skip
    fig = backtest_figure(result)
    assert fig.layout.xaxis5.domain[0] == fig.layout.xaxis.domain[0]  # the fifth panel starts a second row
    assert [plain(note.hovertext) for note in fig.layout.annotations] == LONG[:6]
    room = panel_width(4, 0.05)
    assert all(title_width(line) <= room for note in fig.layout.annotations for line in _lines(note.text))


def test_a_long_forecast_title_wraps_and_the_y_title_gives_way():
    look = Look(subtitle="longnames 0.0.1")
    name = LONG[0]
    layout = look.layout(name, name, "date", 340)
    assert "<br>" in layout["title"]["text"] and layout["yaxis"]["title"]["text"] == ""
    assert layout["margin"]["t"] > look.margin["t"]
    assert all(len(line) <= chart_look.TITLE_CHARS[False] for line in _lines(layout["title"]["text"]))
    assert accessible_name(go.Figure(layout=layout)) == f"{name} · longnames 0.0.1"  # the whole name
    short = look.layout("realgdp", "realgdp", "date", 340)
    assert short["title"]["text"] == "realgdp" and short["yaxis"]["title"]["text"] == "realgdp"
    assert short["margin"] == look.margin


def test_both_versions_of_a_long_named_model_fit_side_by_side():
    rows = ["created", "variables", *[f"holdout MAPE % {name}" for name in LONG]]
    cells = ["2026-01-01 00:00:00 UTC", ", ".join(LONG), *["1.234"] * len(LONG)]
    table = pd.DataFrame({"longnames 0.0.1": cells, "longnames 0.0.2": cells}, index=rows)
    names, widths, cut = comparison_widths(table)
    assert cut and names + sum(widths.values()) <= COMPARE_PX
    short = pd.DataFrame({"var 0.0.1": ["a", "1"], "var 0.0.2": ["b", "2"]}, index=["kind", "rows"])
    assert comparison_widths(short)[2] is False  # short tables keep every text whole
