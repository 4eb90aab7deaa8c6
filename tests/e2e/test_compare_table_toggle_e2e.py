"""A real Chromium on the Compare page: *Only rows that differ* reruns the table alone. The whole page ran again on
the toggle, computing every version's forecast and sending every chart anew (nine charts of eight versions kept the
page busy for over a second); the charts below stay as drawn now, and the address still says `only=1`.

What the server sends is counted from the browser's side: every message the page's WebSocket receives after the
click, against the size of one chart's figure. The store is a local folder (no MinIO needed)."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import running_dashboard
from tests.support.browser import wait_for_app
from varlib import ModelSpec, Registry, Settings, load_dataset, publish_result, train_model

pytestmark = pytest.mark.e2e

# every byte the page's WebSocket receives, from the moment it is installed (before the app's first script)
RECEIVED = """() => { window.__received = 0;
  const data = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data');
  Object.defineProperty(MessageEvent.prototype, 'data', { get() { const d = data.get.call(this);
    if (this.target instanceof WebSocket) window.__received += d.byteLength ?? d.size ?? d.length ?? 0;
    return d; } }); }"""
FIGURES = "() => [...document.querySelectorAll('.js-plotly-plot')].map(e => JSON.stringify([e.data, e.layout]).length)"


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory):
    """A dashboard on a local store holding `var` 0.0.1 (two lags) and 0.0.2 (one) of realgdp and realcons."""
    settings = {"VARLIB_STORE_DIR": str(tmp_path_factory.mktemp("toggle") / "store"), "VARLIB_AUTHOR": "e2e"}
    registry = Registry.from_settings(Settings.from_env(settings))
    dataset = load_dataset(variables=["realgdp", "realcons"])
    for lags in (2, 1):
        publish_result(registry, train_model(dataset, ModelSpec(("realgdp", "realcons"), lags=lags)), "var")
    with running_dashboard(settings) as url:
        yield url


def test_only_rows_that_differ_reruns_the_table_alone(two_versions, chromium):
    context = chromium.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.add_init_script(f"({RECEIVED})()")
    try:
        page.goto(f"{two_versions}/compare?versions=var:0.0.2,var:0.0.1")
        wait_for_app(page)
        page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .scatterlayer').length === 2")
        figures = page.evaluate(FIGURES)
        page.evaluate("() => { window.__received = 0; }")
        page.get_by_text("Only rows that differ").click()
        page.wait_for_function("() => window.location.search.includes('only=1')")
        wait_for_app(page)
        received = page.evaluate("() => window.__received")
        page.get_by_text("Only rows that differ").click()
        page.wait_for_function("() => !window.location.search.includes('only=')")  # and off again
        wait_for_app(page)
        after = page.evaluate(FIGURES)
    finally:
        context.close()
    assert len(figures) == 2 and after == figures  # the charts as drawn
    assert 0 < received < min(figures), (received, figures)  # the table's run: less than one chart's figure
