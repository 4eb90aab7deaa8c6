"""A switch of theme in the viewer's menu, in Chromium at 1440x1000: a fan's shades and the forecast line's casing
are the new theme's right after the switch, light to dark and back, with nothing else done on the page, presented
or not.

The colours are read from what the browser draws. The store is a local folder (no MinIO needed).
"""

from __future__ import annotations

import contextlib

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.support.browser import wait_for_app
from ui.chart_look import background_colour, fan_colours

pytestmark = pytest.mark.e2e
# Each chart's fills, widest level first, as drawn
FILLS = """() => [...document.querySelectorAll('.js-plotly-plot')].map(el =>
  [...el.querySelectorAll('.scatterlayer .js-fill')].map(p => getComputedStyle(p).fill))"""
# Changed, and every fill drawn: the switch's run mounts the charts again, and a chart being mounted has none
CHANGED = f"""(old) => {{ const now = ({FILLS})();
  return now.flat().length === old.flat().length && JSON.stringify(now) !== JSON.stringify(old); }}"""


def _switch(page, theme: str, drawn: list[list[str]]) -> list[list[str]]:
    """Pick `theme` in the menu; the fills once they changed from `drawn` (waited for up to 15 s), else as they are."""
    page.get_by_test_id("stMainMenu").click()
    page.get_by_test_id(f"stMainMenuItem-theme-{theme.title()}").click()
    page.keyboard.press("Escape")
    with contextlib.suppress(PlaywrightTimeoutError):  # unchanged: the assertions say so, with the colours
        page.wait_for_function(CHANGED, arg=drawn, timeout=15_000)
    wait_for_app(page)
    return page.evaluate(FILLS)


@pytest.mark.parametrize("present", ["0", "1"])  # presented, the sidebar the watcher sits in is hidden
def test_a_fan_takes_the_new_themes_shades_right_after_a_switch(local_var_dashboard, chromium, present):
    context = chromium.new_context(viewport={"width": 1440, "height": 1000}, color_scheme="light")
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(f"{local_var_dashboard}/?model=var&fan=50,80,95&present={present}")
        wait_for_app(page)
        page.wait_for_function(f"() => ({FILLS})().flat().length === 6")  # three levels in each chart
        light = page.evaluate(FILLS)
        dark = _switch(page, "dark", light)
        casing = page.locator(".js-plotly-plot").first.evaluate(
            "el => el.data.find(t => t.line && t.line.width === 6.5)?.line.color ?? null"
        )
        back = _switch(page, "light", dark)
    finally:
        context.close()
    assert light == [fan_colours("light", 3)] * 2, light
    assert dark == [fan_colours("dark", 3)] * 2, dark  # they stayed the light theme's pale shades on a dark page
    assert casing == background_colour("dark"), casing  # the line's casing: the page's background
    assert back == light, back
