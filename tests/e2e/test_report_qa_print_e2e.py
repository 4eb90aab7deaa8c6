"""The HTML report as Chromium prints it (QA: a six-variable fan forecast's table was cut at "realinv 80% lower" in
`page.pdf()`, and the Granger heatmap split over two pages). The report is a file: no dashboard server is needed.

Measured in print media at a page's printable width: A4 portrait between margins of 2.5 cm (605 px at 96 an inch);
Letter's is wider."""

from __future__ import annotations

import pytest

from ui.diagnostics_report import report_figures
from varlib import ModelSpec, diagnose, forecast_artifact, load_dataset, render_report, train_model
from varlib.artifact import build_artifact

pytestmark = [pytest.mark.e2e]

SIX = ("realgdp", "realcons", "realinv", "realgovt", "realdpi", "unemp")
PRINTABLE = 600  # px

CUT = """(width) => [...document.querySelectorAll('table')]
  .filter(t => t.getClientRects().length && t.getBoundingClientRect().right > width + 0.5)
  .map(t => [Math.round(t.getBoundingClientRect().width), t.rows[0].cells.length])"""
SHOWN_HEADERS = """() => [...document.querySelectorAll('th')].filter(th => th.getClientRects().length)
  .map(th => th.textContent)"""
# each plotly chart's nearest box that print keeps on one page, and whether its heading is in that box
KEPT = """() => [...document.querySelectorAll('.js-plotly-plot')].map(chart => {
  let box = chart;
  while (box && getComputedStyle(box).breakInside !== 'avoid') box = box.parentElement;
  const heading = box && box.querySelector('h3');
  return heading ? heading.textContent : null; })"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The QA's case: six variables in log differences, 10 steps as a fan of 50 and 80%, with the dashboard's charts."""
    artifact = build_artifact(
        train_model(load_dataset(variables=list(SIX)), ModelSpec(SIX, transform="logdiff")), "six", "t"
    )
    diag = diagnose(artifact, irf_periods=6)
    page = render_report(
        artifact, diag, report_figures(diag, "QS-OCT"), forecast=forecast_artifact(artifact, 10), fan=(50, 80)
    )
    path = tmp_path_factory.mktemp("report") / "six.html"
    path.write_text(page, encoding="utf-8")
    return path


def test_printed_no_table_is_wider_than_the_page_and_every_forecast_column_is_shown(chromium, report):
    context = chromium.new_context(viewport={"width": PRINTABLE, "height": 900}, offline=True)
    try:
        page = context.new_page()
        page.goto(report.as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg")
        page.emulate_media(media="screen")
        headers = page.evaluate(SHOWN_HEADERS)
        wide = [h for h in headers if h.startswith(SIX) and ("%" in h or h.endswith("median"))]
        assert len(wide) == 6 * 5  # on screen: the one wide table, which scrolls
        page.emulate_media(media="print")
        assert page.evaluate(CUT, PRINTABLE) == []
        printed = page.evaluate(SHOWN_HEADERS)
        assert sorted(h for h in printed if h in wide) == sorted(wide)  # every column printed, once
        assert page.evaluate(KEPT) == [
            "Stability",
            "Residuals (variables 1–3 of 6)",  # page-sized pieces (tests/e2e/test_report_print_pages_e2e.py)
            "Residuals (variables 4–6 of 6)",
            "Residual autocorrelations (rows 1–3 of 6, columns 1–3)",
            "Residual autocorrelations (rows 4–6 of 6, columns 1–3)",
            "Residual autocorrelations (rows 1–3 of 6, columns 4–6)",
            "Residual autocorrelations (rows 4–6 of 6, columns 4–6)",
            "Granger causality",
            "Variance decomposition",
        ]
    finally:
        context.close()
