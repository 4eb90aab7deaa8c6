"""The Forecast page's settings as Chromium draws them: a measuring script evaluated on a new page of an address, in a
browser context of one screen size (its pages share the loaded scripts), with a presentation's folded controls opened
first. A page may be measured in several window sizes in turn (resized, not opened again: a page load costs Chromium
about 10 s of processor time, and the settings' places are the stylesheet's, which follows the window at once)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from tests.support.browser import wait_for_app
from tests.support.readings import settled
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
    (result,) = measured_in_sizes(context, url, present, script, None, ready).values()
    return result


def measured_in_sizes(
    context, url: str, present: bool, script: str, sizes: list[tuple[int, int]] | None, ready: str = "r => r !== null"
) -> dict[tuple[int, int], object]:
    """`script` on a new page of `url` in a window of each of `sizes` in turn (width, height; None: the context's
    own), each once `ready` holds: {size: result}."""
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(url)
        wait_for_app(page)
        if present:
            page.get_by_text(FOLD).click()
            wait_for_app(page)
        found = {}
        for width, height in sizes or [(page.viewport_size["width"], page.viewport_size["height"])]:
            page.set_viewport_size({"width": width, "height": height})
            page.wait_for_function(f"() => innerWidth === {width}")
            found[(width, height)] = settled(page, script, ready, pause_ms=250)
        return found
    finally:
        page.close()
