"""The Forecast page from the keyboard alone in Chromium: a chart's modebar adds five Tab stops between the
settings and the content (the buttons a keyboard can use; it added eight), and Copy link, opened with Enter, says
how to copy its link without the pointer: its copy icon shows on hover only and is no Tab stop, and the browser's
address holds the same link.

The store is a local folder (no MinIO needed)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.e2e.conftest import running_dashboard
from tests.support.browser import wait_for_app
from varlib import ModelSpec, Registry, load_dataset, publish_result, train_model
from varlib.config import Settings

pytestmark = pytest.mark.e2e
# What has the focus: a modebar button's title, else the element's accessible name or text
FOCUSED = """() => { const e = document.activeElement;
  if (e.closest('.modebar')) return 'modebar:' + e.getAttribute('data-title');
  return e.getAttribute('aria-label') || (e.innerText || '').trim(); }"""


@pytest.fixture(scope="module")
def store_url(tmp_path_factory):
    """A dashboard on a local store holding `var` 0.0.1 (realgdp and realcons: two charts)."""
    folder = tmp_path_factory.mktemp("keyboard") / "store"
    settings = {"VARLIB_STORE_DIR": str(folder), "VARLIB_AUTHOR": "e2e"}
    registry = Registry.from_settings(Settings.from_env(settings))
    publish_result(registry, train_model(load_dataset(), ModelSpec(("realgdp", "realcons"), lags=2)), "var")
    with running_dashboard(settings) as url:
        yield url


def test_each_chart_adds_five_tab_stops_between_the_settings_and_the_content(store_url, page):
    page.goto(f"{store_url}/?model=var")
    wait_for_app(page)
    page.locator('[data-testid="stPlotlyChart"] .modebar').nth(1).wait_for(state="attached")
    page.get_by_role("combobox", name="Fan chart").focus()
    stops = []
    for _ in range(20):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
        if not stops[-1].startswith("modebar:"):
            break
    buttons = ["Download plot as a PNG", "Zoom in", "Zoom out", "Reset axes", "Fullscreen"]
    assert stops[:-1] == [f"modebar:{button}" for button in buttons] * 2, stops


def test_copy_link_says_how_to_copy_it_from_the_keyboard(store_url, page):
    page.goto(f"{store_url}/?model=var&steps=12")
    wait_for_app(page)
    page.get_by_role("button", name="Copy link").focus()
    page.keyboard.press("Enter")
    body = page.locator('[data-testid="stPopoverBody"]')
    body.locator('[data-testid="stCode"]').wait_for()
    copy = body.get_by_role("button", name="Copy to clipboard")
    assert not copy.is_visible()  # Streamlit's icon: on hover only, so no Tab stop
    assert "from the keyboard, copy the browser's address" in body.inner_text()
    link = body.locator('[data-testid="stCode"]').inner_text().strip()
    assert parse_qs(urlsplit(link).query) == parse_qs(urlsplit(page.url).query)
    page.keyboard.press("Escape")
    body.wait_for(state="hidden")
    assert "Copy link" in page.evaluate(FOCUSED)  # back on the button that opened it
