"""Presentation mode (?present=1): controls folded away, large fonts, titles that say what is shown,
exports at 3x named after their content, and bands (forecast, impulse responses, the report's) that keep
their contrast in both themes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.app.conftest import charts, errors, open_app
from ui import chart_look, diagnostics_figures, presentation
from ui.scenario_figures import scenario_figure
from varlib import report_forecast


def _luminance(rgb) -> float:
    def channel(v: float) -> float:
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a, b) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_band_contrast_in_both_themes(theme):
    background = chart_look.BACKGROUNDS[theme]
    alpha = chart_look.BAND_ALPHA[theme]
    band = tuple(bg + alpha * (c - bg) for c, bg in zip(chart_look.FORECAST_RGB, background, strict=True))
    assert _contrast(band, background) >= 1.4  # the band stands out from the page
    assert _contrast(chart_look.FORECAST_RGB, band) >= 2.0  # the line stands out from the band
    assert chart_look.band_colour(theme).endswith(f", {alpha})")


def test_light_theme_subtitles_and_ticks_are_readable_small_text():
    layout = chart_look.Look(subtitle="var 0.0.1", theme="light").layout("realgdp", "realgdp", "date", 400)
    background = chart_look.BACKGROUNDS["light"]
    for colour in (layout["title"]["subtitle"]["font"]["color"], layout["yaxis"]["tickfont"]["color"]):
        rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert _contrast(rgb, background) >= 4.5, colour  # WCAG AA for small text
    assert layout["yaxis"]["tickfont"]["color"] == chart_look.MUTED_LIGHT  # the grey every other chart gets too
    dark = chart_look.Look(theme="dark").layout("realgdp", "realgdp", "date", 400)
    assert "color" not in dark["yaxis"]["tickfont"]  # the dark theme's own light grey already reads


@pytest.mark.parametrize(
    ("layout", "count", "height"),
    [
        ("stack", 3, presentation.STACK_HEIGHT),
        ("grid", 1, presentation.STACK_HEIGHT),
        ("grid", 2, presentation.STACK_HEIGHT),
        ("grid", 3, presentation.GRID_HEIGHT),
        ("grid", 4, presentation.GRID_HEIGHT),
    ],
)
def test_a_grid_of_one_row_fills_the_window(layout, count, height):
    assert presentation.chart_height(True, layout, count) == height
    assert presentation.chart_height(False, layout, count) == presentation.NORMAL_HEIGHT


def _rgba(text: str) -> tuple[tuple[float, ...], float]:
    *rgb, alpha = (float(x) for x in text.removeprefix("rgba(").removesuffix(")").split(","))
    return tuple(rgb), alpha


@pytest.mark.parametrize(
    ("line", "band", "themes"),
    [
        (diagnostics_figures.LINE, diagnostics_figures.BAND, ["light", "dark"]),  # impulse responses
        (report_forecast.FORECAST, report_forecast.FORECAST_BAND, ["light"]),  # the HTML report: a white page
        (report_forecast.RESPONSE, report_forecast.RESPONSE_BAND, ["light"]),
    ],
)
def test_other_bands_keep_the_same_contrast(line, band, themes):
    colour, alpha = _rgba(band)
    drawn = tuple(int(line[i : i + 2], 16) for i in (1, 3, 5))
    assert colour == drawn  # a band is its line's colour, made translucent
    for theme in themes:
        background = chart_look.BACKGROUNDS[theme]
        mixed = tuple(bg + alpha * (c - bg) for c, bg in zip(colour, background, strict=True))
        assert _contrast(mixed, background) >= 1.4 and _contrast(drawn, mixed) >= 2.0, theme


def test_presentation_mode_from_the_link(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 12, "level": 90, "present": 1})
    assert errors(at) == "" and not at.title  # no page title: the charts get the screen
    assert [e.label for e in at.expander][:2] == ["Model and version", "Forecast settings and lag inputs"]
    figures = charts(at)
    assert len(figures) == 2
    for figure, variable in zip(figures, ["realgdp", "realcons"], strict=True):
        layout = figure["layout"]
        assert layout["title"]["text"] == variable
        assert layout["title"]["subtitle"]["text"] == "var 0.0.1 · mean with 90% standard interval"
        assert layout["height"] == presentation.STACK_HEIGHT and layout["font"]["size"] >= 16
        assert layout["xaxis"]["tickfont"]["size"] >= 16 and layout["legend"]["font"]["size"] >= 16
        assert layout["xaxis"]["hoverformat"] == "%YQ%q"  # quarterly data hover as 2009Q3
    config = at.get("plotly_chart")[0].proto.config
    assert '"scale": 3' in config and '"filename": "var-0.0.1-realgdp-12-steps-90pct-standard"' in config
    assert at.query_params["present"] == "1"
    at.segmented_control(key="fc_layout").set_value("grid").run()
    # two variables make one row of the grid, which fills the window as a stacked chart does
    assert [f["layout"]["height"] for f in charts(at)] == [presentation.STACK_HEIGHT] * 2
    assert at.query_params["layout"] == "grid"
    at.segmented_control(key="fc_export").set_value("SVG").run()
    assert '"format": "svg"' in at.get("plotly_chart")[0].proto.config
    at.toggle(key="fc_present").set_value(False).run()
    assert at.title and "present" not in at.query_params
    assert charts(at)[0]["layout"]["height"] == presentation.NORMAL_HEIGHT


def _rgb(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.removeprefix("rgb(").removesuffix(")").split(","))


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("levels", [2, 3, 11])
def test_a_fans_widest_level_stands_out_and_each_narrower_one_is_stronger(theme, levels):
    background = chart_look.BACKGROUNDS[theme]
    colours = [_rgb(c) for c in chart_look.fan_colours(theme, levels)]
    assert _contrast(colours[0], background) >= 1.4  # the widest level reads as a band, as a single band does
    contrasts = [_contrast(c, background) for c in colours]
    assert all(a < b for a, b in zip(contrasts, contrasts[1:], strict=False)), contrasts
    assert _contrast(chart_look.FORECAST_RGB, background) >= 3.0  # the cased line against the page (WCAG 1.4.11)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_fan_chart_cases_its_line_and_draws_each_level_in_its_legend_colour(theme):
    history = pd.Series([1.0, 2.0, 3.0], index=pd.to_datetime(["2009-01-01", "2009-04-01", "2009-07-01"]))
    point = np.array([3.5, 4.0])
    bands = {x: (point - x / 100, point + x / 100) for x in (50, 80, 95)}
    look = chart_look.Look(theme=theme)
    figure = scenario_figure("v", history, history, ["2009-10-01", "2010-01-01"], point, bands, look=look).to_dict()
    fills = [t["fillcolor"] for t in figure["data"] if t.get("fill")]
    assert fills == chart_look.fan_colours(theme, 3)  # solid: the legend swatch is the colour drawn
    names = [t.get("name") for t in figure["data"]]
    casing = figure["data"][names.index("forecast (mean)") - 1]
    assert casing["line"]["color"] == chart_look.background_colour(theme) and casing["showlegend"] is False
    assert casing["line"]["width"] > figure["data"][names.index("forecast (mean)")]["line"]["width"]
