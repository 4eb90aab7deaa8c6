"""The Forecast page from the keyboard alone in Chromium: a chart's modebar adds five Tab stops between the
settings and the content (the buttons a keyboard can use; it added eight), and Copy link, opened with Enter, says
how to copy its link without the pointer: its copy icon shows on hover only and is no Tab stop, and the browser's
address holds the same link. Presentation mode, switched on and off with Space on its toggle, leaves the focus
on the expander that folds the toggle away, then on the toggle, not on the page's body.

The store is a local folder (no MinIO needed)."""

from __future__ import annotations

import contextlib
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.support.browser import wait_for_app
from ui.presentation_focus import RECORD_ACTS

pytestmark = pytest.mark.e2e
# What has the focus: a modebar button's title, else the element's accessible name or text
FOCUSED = """() => { const e = document.activeElement;
  if (e.closest('.modebar')) return 'modebar:' + e.getAttribute('data-title');
  return e.getAttribute('aria-label') || (e.innerText || '').trim(); }"""


def test_each_chart_adds_five_tab_stops_between_the_settings_and_the_content(local_var_dashboard, page):
    page.goto(f"{local_var_dashboard}/?model=var")
    wait_for_app(page)
    page.locator('[data-testid="stPlotlyChart"] .modebar').nth(1).wait_for(state="attached")
    page.get_by_role("toolbar", name="Fan chart").get_by_role("button", name="99%").focus()  # its last level
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
    # the record of the person's keys, which the page's theme component installs (a loaded machine mounts it late)
    page.wait_for_function("() => !!window.__varlibActs")
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


def test_the_focus_comes_back_when_the_record_of_keys_was_installed_after_the_press(local_var_dashboard, page):
    """A loaded page mounts the component that records the person's keys late: the press of the toggle came first."""
    page.goto(f"{local_var_dashboard}/?model=var")
    wait_for_app(page)
    page.wait_for_function("() => !!window.__varlibActs")
    page.evaluate("() => { delete window.__varlibActs; }")  # not yet installed
    page.get_by_role("switch", name="Presentation mode").focus()
    page.keyboard.press("Space")
    page.evaluate(f"() => {{ {RECORD_ACTS} }}")  # installed now, before the switch's run is drawn
    page.get_by_test_id("stSidebar").wait_for(state="hidden")
    on = _focus_after_switch(page)
    assert "Model and version" in on, on


class HeldRuns:
    """The server's messages to `page`, held while `held` is set (from before the page opens its websocket) and passed
    on by `release`: a page that draws a run late, as a loaded machine draws it, in the same order every time."""

    def __init__(self, page) -> None:
        self.page, self.held, self.kept, self.route = page, False, [], None
        page.route_web_socket(re.compile(r"/_stcore/stream$"), self._relay)

    def _relay(self, route) -> None:
        self.route = route
        route.connect_to_server().on_message(
            lambda message: self.kept.append(message) if self.held else route.send(message)
        )

    def wait_for_end(self) -> None:
        """Until the server's message that ends a run is held (10 s at most)."""
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        def ends(message) -> bool:
            parsed = ForwardMsg()
            parsed.ParseFromString(message)
            return parsed.WhichOneof("type") == "script_finished"

        for _ in range(200):
            if any(ends(message) for message in self.kept if isinstance(message, bytes)):
                return
            self.page.wait_for_timeout(50)
        raise AssertionError("the run was not held to its end")

    def release(self, but: bytes | None = None) -> None:
        """Pass on the held messages: all of them (no longer holding), or all but the first that holds `but`, which
        stays held (it reaches the page later than the messages after it, as a loaded browser runs it)."""
        late = next((m for m in self.kept if but is not None and isinstance(m, bytes) and but in m), None)
        for message in self.kept:
            if message is not late:
                self.route.send(message)
        self.kept = [late] if late is not None else []
        self.held = late is not None


def test_the_focus_is_not_taken_back_once_the_person_moved_it(local_var_dashboard, page):
    """The script that puts the focus back on the folded controls went on for 5 s after the switch when the person
    had moved the focus first (Tab right after Space, before the switch's run was drawn), and moved it to the
    expander whenever it fell to the page's body within those seconds: the person's Tab was undone. It learned of
    the person's keys only once it was drawn, and a Tab before that was not theirs to it: on a loaded machine it
    ran once the Tab's control had gone with the toggle, and moved the focus to the expander. Here the switch's run
    reaches the page whole but for that script, which comes last, once the focus has fallen to the body."""
    runs = HeldRuns(page)
    page.goto(f"{local_var_dashboard}/?model=var")
    wait_for_app(page)
    page.get_by_role("switch", name="Presentation mode").focus()
    runs.held = True
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # on at once, to the next control
    runs.wait_for_end()  # the switch's run, held whole
    runs.release(but=b"<script>")
    page.wait_for_function("() => document.activeElement === document.body")  # the Tab's control went with the toggle
    runs.release()
    page.get_by_test_id("stSidebar").wait_for(state="hidden")  # presented
    wait_for_app(page)
    page.wait_for_timeout(1500)  # the script looked every 100 ms
    assert not page.evaluate("() => document.activeElement.matches('summary')"), page.evaluate(FOCUSED)  # no expander
