"""A real Chromium on the Diagnostics page (server, MinIO and browser fixtures in tests/e2e/conftest.py).

Opens a version by URL, walks the tabs, checks the impulse-response grid in the browser's own
plotly figure, and downloads the HTML report.
"""

from __future__ import annotations

import re

import pytest

from tests.support.browser import (
    legends_under_modebar,
    refresh_listings,
    shot,
    table_height,
    wait_for_app,
)
from tests.support.downloads import download_of, drawn_by_run

pytestmark = [pytest.mark.e2e, pytest.mark.minio]


def test_diagnostics_page_in_a_browser(dashboard, page, tmp_path):
    url, registry = dashboard
    artifact = registry.load("var", "0.0.1")
    k = len(artifact.variables)
    # straight to the page on a fresh server: it must still run inside app.py (navigation, sidebar)
    page.goto(f"{url}/diagnostics?model=var&version=0.0.1")
    wait_for_app(page)
    page.get_by_role("heading", name="Diagnostics").wait_for()
    page.get_by_role("link", name="Compare versions").wait_for()  # the app's own navigation
    page.get_by_text(f"VAR({artifact.k_ar})").first.wait_for()
    diagnosis = _diagnosis(registry)
    lags = diagnosis.lag_selection.max_lags
    assert lags > 10  # more rows than a table shows by default
    page.get_by_test_id("stDataFrame").first.wait_for()  # the first tab's: the lag order
    # every lag in view with the header, at Streamlit's 35 px rows: nothing to scroll to inside the table
    assert table_height(page, (lags + 1) * 35) >= (lags + 1) * 35

    page.get_by_role("tab", name="Stability").click()
    verdict = diagnosis.stability.verdict
    page.get_by_text(verdict[:40]).first.wait_for()  # the plain verdict is on the page
    page.get_by_role("tab", name="Impulse responses").click()
    page.locator(".js-plotly-plot", has_text="impulse responses").first.wait_for()
    grid = page.evaluate(
        """() => { const el = [...document.querySelectorAll('.js-plotly-plot')]
                     .find(e => (e.layout.title.text || '').includes('impulse responses'));
                   return {lines: el.data.filter(d => d.name === 'response').length,
                           points: el._fullData.find(d => d.name === 'response').y.length}; }"""
    )  # decoded arrays
    assert grid == {"lines": k * k, "points": 11}  # k x k panels, periods 0..10
    page.locator(".js-plotly-plot").first.hover()  # the modebar appears top right; the legend stays readable
    assert legends_under_modebar(page) == [False]
    shot(page, "diagnostics-irf")

    page.get_by_role("tab", name="Report").click()
    download = download_of(page, drawn_by_run(page, page.get_by_role("button", name="Download HTML report")))
    target = tmp_path / "report.html"
    download.save_as(target)
    html = target.read_text()
    assert "VAR model var 0.0.1" in html and "Granger causality" in html and html.count("Plotly.newPlot") == 5
    # the page's own choices: orthogonalised responses to horizon 10, a forecast of 8 steps at 95%
    assert "Orthogonalised impulse responses, horizon 10" in html and "Forecast: 8 steps, 95% intervals" in html
    assert not re.search(r"<script[^>]+src=", html)  # plotly.js is inline: the file opens offline


def _diagnosis(registry):
    from varlib.diagnostics import diagnose

    return diagnose(registry.load("var", "0.0.1"))


def test_the_granger_table_of_three_variables_shows_every_row(dashboard, page):
    from varlib import ModelSpec, load_dataset, publish_result, train_model

    url, registry = dashboard
    names = ["realgdp", "realcons", "realinv"]
    result = train_model(load_dataset(variables=names), ModelSpec(tuple(names), transform="logdiff", lags=2))
    publish_result(registry, result, "granger3", "patch", "three variables: twelve Granger tests")
    refresh_listings(page, url)  # a model published just now
    page.goto(f"{url}/diagnostics?model=granger3&version=0.0.1&tab=granger-causality")
    wait_for_app(page)
    table = page.get_by_test_id("stDataFrame").first  # the Granger tests: 6 pairs and 6 group tests
    table.wait_for()
    page.get_by_text("all others").first.wait_for()
    tall = (12 + 1) * 35  # every row and the header, no half row to scroll to
    height = table_height(page, tall)
    assert height >= tall, f"the Granger table is {height:.0f} px high after 10 s, not {tall}"
