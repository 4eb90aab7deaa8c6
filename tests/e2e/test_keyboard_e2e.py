"""The Forecast page from the keyboard alone in Chromium: a chart's modebar adds five Tab stops between the
settings and the content (the buttons a keyboard can use; it added eight), and Copy link, opened with Enter, says
how to copy its link without the pointer: its copy icon shows on hover only and is no Tab stop, and the browser's
address holds the same link. Presentation mode, switched on and off with Space on its toggle, leaves the focus
on the expander that folds the toggle away, then on the toggle, not on the page's body.

The store is a local folder (no MinIO needed)."""

from __future__ import annotations

import contextlib
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

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


def _focus_after_switch(page) -> str:
    """FOCUSED once the run a switch of presentation mode asked for is drawn and the focus has settled (given up to
    10 s to leave the page's body)."""
    wait_for_app(page)
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function("() => document.activeElement && document.activeElement !== document.body",
                               timeout=10_000)  # fmt: skip
    return (
        "the page's body" if page.evaluate("() => document.activeElement === document.body") else page.evaluate(FOCUSED)
    )


def test_presentation_mode_switched_from_the_keyboard_keeps_the_focus(local_var_dashboard, page):
    page.goto(f"{local_var_dashboard}/?model=var")
    wait_for_app(page)
    sidebar = page.get_by_test_id("stSidebar")
    page.get_by_role("switch", name="Presentation mode").focus()
    page.keyboard.press("Space")
    sidebar.wait_for(state="hidden")  # presented
    on = _focus_after_switch(page)
    assert "Model and version" in on, on  # the folded controls that hold the toggle (it fell to the body)
    page.keyboard.press("Enter")  # they open
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED) == "Presentation mode":
            break
    page.keyboard.press("Space")
    sidebar.wait_for(state="visible")  # not presented
    off = _focus_after_switch(page)
    assert off == "Presentation mode", off


def test_the_focus_is_not_taken_back_once_the_person_moved_it(local_var_dashboard, page):
    """The script that puts the focus back on the folded controls went on for 5 s after the switch when the person
    had moved the focus first (Tab right after Space, before the switch's run was drawn), and moved it to the
    expander whenever it fell to the page's body within those seconds: the person's Tab was undone."""
    page.goto(f"{local_var_dashboard}/?model=var")
    wait_for_app(page)
    page.get_by_role("switch", name="Presentation mode").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # on at once, to the next control
    page.get_by_test_id("stSidebar").wait_for(state="hidden")  # presented
    wait_for_app(page)
    page.wait_for_timeout(1500)  # the script looked every 100 ms
    assert not page.evaluate("() => document.activeElement.matches('summary')"), page.evaluate(FOCUSED)  # no expander
