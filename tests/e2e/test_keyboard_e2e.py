"""The Forecast page from the keyboard alone in Chromium: a chart's modebar adds five Tab stops between the
settings and the content (the buttons a keyboard can use; it added eight), and Copy link, opened with Enter, says
how to copy its link without the pointer: its copy icon shows on hover only and is no Tab stop, and the browser's
address holds the same link.

The store is a local folder (no MinIO needed)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.support.browser import wait_for_app

pytestmark = pytest.mark.e2e
# What has the focus: a modebar button's title, else the element's accessible name or text
FOCUSED = """() => { const e = document.activeElement;
  if (e.closest('.modebar')) return 'modebar:' + e.getAttribute('data-title');
  return e.getAttribute('aria-label') || (e.innerText || '').trim(); }"""


def test_each_chart_adds_five_tab_stops_between_the_settings_and_the_content(local_var_dashboard, page):
    page.goto(f"{local_var_dashboard}/?model=var")
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


def test_copy_link_says_how_to_copy_it_from_the_keyboard(local_var_dashboard, page):
    page.goto(f"{local_var_dashboard}/?model=var&steps=12")
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
