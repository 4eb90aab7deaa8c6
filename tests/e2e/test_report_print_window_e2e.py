"""The HTML report printed as a person prints it: from a browser window of the usual size, for three variables of long
names (QA: the Diagnostics page's report, printed from a window 1,440 px wide, came out at two thirds of its size,
tables in 6 points, because print does not redraw a plotly chart and each was drawn 1,100 px wide; printed, a p-value
broke into `<` over `0.0001`, degrees of freedom into `3,` over `567`, and a word of notes too long for a line made
the card wider than the page). The report is a file: no dashboard server is needed.

Measured at a page's printable width: Letter between margins of 2.5 cm (600 px at 96 an inch), the narrowest of A4
and Letter."""

from __future__ import annotations

import pytest

from ui.diagnostics_report import report_figures
from varlib import ModelSpec, diagnose, forecast_artifact, load_dataset, render_report, train_model
from varlib.artifact import build_artifact

pytestmark = [pytest.mark.e2e]

THREE = ("realgdp", "realcons", "realinv")
LONG = (
    "Real gross domestic product, billions of chained 2005 dollars",
    "Real personal consumption expenditures (billions)",
    "Gross private domestic investment (billions of chained dollars)",
)
PRINTABLE = 600  # px
WORD = "a" * 150  # notes may hold a word longer than a line: a link, a path

# each plotly chart as drawn: print lays the page out anew but keeps a chart at the size it was drawn
DRAWN = "() => [...document.querySelectorAll('.js-plotly-plot')].map(c => c.getBoundingClientRect().width)"
# printed, how the forecast's heading and lead paragraph break from what follows each, and what follows the paragraph
FORECAST_KEPT = """() => {
  const heading = [...document.querySelectorAll('h2')].find(h => h.textContent.startsWith('Forecast'));
  const lead = heading.nextElementSibling, after = (e) => getComputedStyle(e).breakAfter;
  return [after(heading), after(lead), lead.nextElementSibling.tagName]; }"""
# the table cells (the card's text aside) whose text takes more than one line
BROKEN = """() => [...document.querySelectorAll('td')].filter(td => td.getClientRects().length
    && !td.closest('table.card')).filter(td => { const range = document.createRange(); range.selectNodeContents(td);
    return new Set([...range.getClientRects()].map(box => Math.round(box.top))).size > 1; })
  .map(td => td.textContent)"""
# the Granger heatmap's causing names (its x axis' ticks) whose drawn boxes overlap
RUN_TOGETHER = """() => { const ticks = [...document.querySelectorAll('.js-plotly-plot g.xtick text')]
    .filter(t => t.closest('.js-plotly-plot').querySelector('.hm, .heatmaplayer')).map(t => t.getBoundingClientRect());
  return ticks.slice(1).filter((box, i) => box.left < ticks[i].right - 0.5).length; }"""
WIDER = """(width) => [...document.querySelectorAll('table')]
  .filter(t => t.getClientRects().length && t.getBoundingClientRect().right > width + 0.5)
  .map(t => t.rows[0].textContent.trim().slice(0, 40))"""


@pytest.fixture(scope="module")
def artifact():
    frame = load_dataset(variables=list(THREE)).frame.rename(columns=dict(zip(THREE, LONG, strict=True)))
    model = train_model(load_dataset(frame, variables=list(LONG)), ModelSpec(LONG, transform="logdiff"))
    return build_artifact(model, "long", "t", notes=f"Read {WORD} first.")


@pytest.fixture(scope="module")
def report(tmp_path_factory, artifact):
    """The Report tab's file: the report's own sections and the dashboard's charts."""
    diag = diagnose(artifact, irf_periods=6)
    page = render_report(artifact, diag, report_figures(diag, "QS-OCT"), forecast=forecast_artifact(artifact, 8))
    path = tmp_path_factory.mktemp("report") / "long.html"
    path.write_text(page, encoding="utf-8")
    return path


def _opened(chromium, report, width: int):
    context = chromium.new_context(viewport={"width": width, "height": 1000}, offline=True)
    page = context.new_page()
    page.goto(report.as_uri())
    page.wait_for_selector(".js-plotly-plot .main-svg")
    return context, page


@pytest.mark.parametrize("window", [1440, 1920])
def test_opened_in_a_wide_window_every_chart_is_drawn_no_wider_than_a_printed_page(chromium, report, window):
    context, page = _opened(chromium, report, window)
    try:
        widths = page.evaluate(DRAWN)
    finally:
        context.close()
    assert len(widths) >= 5 and max(widths) <= PRINTABLE  # wider, and print shrinks every page to fit it


def test_the_granger_heatmaps_causing_names_fit_its_printed_width(chromium, report):
    context, page = _opened(chromium, report, 1440)
    try:
        assert page.evaluate(RUN_TOGETHER) == 0
    finally:
        context.close()


def test_printed_no_value_breaks_over_lines_and_no_table_is_wider_than_the_page(chromium, report):
    context, page = _opened(chromium, report, PRINTABLE)
    try:
        page.emulate_media(media="print")
        page.wait_for_timeout(300)
        broken, wider = page.evaluate(BROKEN), page.evaluate(WIDER, PRINTABLE)
        card = page.evaluate("() => document.querySelector('table.card').textContent")
    finally:
        context.close()
    assert broken == []
    assert wider == []  # the card too, whose notes hold a word longer than the page is wide
    assert WORD in "".join(card.split())  # broken across lines, never cut


def test_printed_the_forecasts_heading_and_lead_paragraph_stay_with_its_first_chart(chromium, report):
    """A page ended on the heading and its paragraph, and the chart they introduce began the next (Chromium keeps
    them together when each asks not to break after it; columns, which stand in for pages elsewhere, do not)."""
    context, page = _opened(chromium, report, PRINTABLE)
    try:
        page.emulate_media(media="print")
        assert page.evaluate(FORECAST_KEPT) == ["avoid", "avoid", "svg"]
    finally:
        context.close()
