"""The Granger heatmap's ticks of long variable names are broken into lines and cut (whole in the hovers): turned
on end, three names of 60-80 characters took the chart's height and left the heatmap some 60 px."""

from __future__ import annotations

from tests.support.models import diagnosed_noise
from ui.diagnostics_figures import granger_figure
from ui.plot_text import plain

LONG = [
    "Gross domestic product, chained 2017 dollars, seasonally adjusted annual rate",
    "Personal consumption expenditures excluding food and energy (chain-type price index)",
    "Effective federal funds rate percent",
]


def test_long_names_are_ticked_in_short_lines_the_cells_keep_them_whole():
    figure = granger_figure(diagnosed_noise(LONG, seed=4))
    heat, layout = figure.data[0], figure.layout
    assert list(heat.x) == list(heat.y) == [*LONG, "all others"]  # the cells and their hovers: each name whole
    assert layout.xaxis.tickangle == 0 and list(layout.xaxis.tickvals) == [*LONG, "all others"]
    for axis, most in ((layout.xaxis, 3), (layout.yaxis, 2)):
        lines = [[plain(line) for line in str(tick).split("<br>")] for tick in axis.ticktext]
        assert all(len(tick) <= most and all(len(line) <= 30 for line in tick) for tick in lines), lines
    assert plain(layout.yaxis.ticktext[2]) == "Effective federal funds rate percent"  # broken, not cut
    assert any(LONG[1] in hover for row in heat.customdata for hover in row)  # its whole name on hover


SIX = [
    "real_gross_domestic_product_chained",
    "real_personal_consumption_expenditures",
    "real_private_investment_total",
    "real_government_spending_total",
    "real_disposable_income_per_capita",
    "unemployment_rate_civilian",
]


def test_columns_too_narrow_for_a_name_are_numbered_and_the_rows_are_their_key():
    """Six long names on a printed page (600 px): their column ticks, three lines of eight characters, ran into each
    other."""
    layout = granger_figure(diagnosed_noise(SIX, seed=4), drawn=600).layout
    assert list(layout.xaxis.ticktext) == ["1", "2", "3", "4", "5", "6", "all"]
    assert layout.xaxis.title.text == "causing (numbered as the rows)"
    rows = [plain(tick) for tick in layout.yaxis.ticktext]
    assert rows[0].startswith("1: real_gross_domestic") and rows[4].startswith("5: real_disposable")
    assert rows[6] == "all others"
    wide = granger_figure(diagnosed_noise(LONG, seed=4)).layout  # room on the page: names, as before
    assert wide.xaxis.title.text == "causing" and "Gross" in plain(wide.xaxis.ticktext[0])


def test_names_cut_alike_are_numbered():
    """Eight names that differ at their ends only were all ticked `real_disp-osable_income_…` on the page."""
    alike = [f"real_disposable_income_per_capita_{n}" for n in range(8)]
    layout = granger_figure(diagnosed_noise(alike, seed=4)).layout
    assert list(layout.xaxis.ticktext) == [*map(str, range(1, 9)), "all others"]
