"""Defects of a visual review, checked where the app decides them: the Models table's author column holds a
whole name and the table still fits the page at 1440 px; the Granger heatmap's p-values read on every cell
in the light and the dark theme (WCAG's 4.5:1 for small text)."""

from __future__ import annotations

import json

import pytest

from tests.app.conftest import charts, open_app
from ui import diagnostics_figures, models_table, presentation
from varlib import diagnose
from varlib.artifact import build_artifact
from varlib.service import publish_result

MODELS, DIAGNOSTICS = "views/models.py", "views/diagnostics.py"
PAGE_WIDTH_AT_1440 = 980  # the table's width beside the sidebar, measured in Chromium
NAME_PX = 84  # "Paul Publisher" in the grid's 14 px Source Sans, measured in Chromium
CELL_PADDING = 16  # the grid's 8 px on each side of a cell's text


def _widths(at) -> dict:
    config = json.loads(at.dataframe[0].proto.columns)
    return {column: config[column]["width"] for column in models_table.DEFAULT}


def test_a_publishers_whole_name_fits_its_column_and_the_table_the_page(registry, macro_result):
    publish_result(registry, macro_result, "var", "patch", "first", author="Paul Publisher")
    publish_result(registry, macro_result, "var", "patch", "second", author="ann")
    registry.withdraw("var", "0.0.1", "bad holdout")
    widths = _widths(open_app(page=MODELS))
    assert widths["author"] >= NAME_PX + CELL_PADDING  # 84 px cut it to "Paul Publishe"
    assert sum(widths.values()) <= PAGE_WIDTH_AT_1440
    assert widths["status"] >= 80  # "withdrawn" reads whole (the reason is in the version's details)


def test_a_very_long_name_is_cut_rather_than_push_the_table_past_the_page(registry, macro_result):
    publish_result(registry, macro_result, "var", author="Maximiliane Alexandra Publisher-Longname")
    widths = _widths(open_app(page=MODELS))
    assert widths["author"] == models_table.AUTHOR_MOST
    assert sum(widths.values()) <= PAGE_WIDTH_AT_1440
    assert widths["checks"] >= CELL_PADDING + 40  # the rest still read


def _rgb(text: str) -> tuple[int, ...]:
    return tuple(int(text[i : i + 2], 16) for i in (1, 3, 5))


def _contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        parts = [v / 255 for v in _rgb(colour)]
        r, g, b = (v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in parts)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture(scope="module")
def diag(macro_result):
    return diagnose(build_artifact(macro_result, "var", "tester"))


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_granger_p_values_read_on_every_cell_colour(diag, theme):
    heat = diagnostics_figures.granger_figure(diag, theme).data[0]
    text = heat.textfont.color
    assert text is not None  # plotly's own choice put dark grey on the mid green of p = 0.01 (2.9:1)
    assert all(_contrast(text, colour) >= 4.5 for _, colour in heat.colorscale), (text, heat.colorscale)


def test_the_diagnostics_page_draws_the_heatmap_for_the_viewers_theme(seeded, monkeypatch):
    monkeypatch.setattr(presentation, "theme", lambda: "dark")
    at = open_app({"model": "var", "version": "0.0.1", "tab": "granger-causality"}, page=DIAGNOSTICS)
    heat = next(f for f in charts(at) if f["data"][0]["type"] == "heatmap")["data"][0]
    assert heat["textfont"]["color"] == diagnostics_figures.GRANGER_LOOK["dark"]["text"]
    assert [colour for _, colour in heat["colorscale"]] == [
        c for _, c in diagnostics_figures.GRANGER_LOOK["dark"]["scale"]
    ]
