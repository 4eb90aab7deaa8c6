"""The Forecast page's settings as Chromium draws them: a measuring script evaluated on a new page of an address, in a
browser context of one screen size (its pages share the loaded scripts), with a presentation's folded controls opened
first."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from tests.support.browser import wait_for_app
from ui.forecast_panel import FOLD


@contextlib.contextmanager
def sized_context(chromium, width: int, height: int) -> Iterator:
    """A browser context of a `width` x `height` window, closed after."""
    context = chromium.new_context(viewport={"width": width, "height": height})
    try:
        yield context
    finally:
        context.close()


def measured(context, url: str, present: bool, script: str, ready: str = "r => r !== null"):
    """`script` (a JS function) on a new page of `url`, once `ready` (a JS function of its result) holds."""
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(url)
        wait_for_app(page)
        if present:
            page.get_by_text(FOLD).click()
            wait_for_app(page)
        page.wait_for_function(f"() => ({ready})(({script})())")
        return page.evaluate(script)
    finally:
        page.close()
