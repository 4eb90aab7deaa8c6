"""Helpers for the Chromium tests: waiting for Streamlit, reading plotly figures, screenshots, requests."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from urllib.parse import urlsplit

PROJECT = Path(__file__).resolve().parents[2]
ARTIFACTS = PROJECT / "test-artifacts" / "e2e"
READY = '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def other_hosts(urls: list[str], server: str) -> list[str]:
    """The URLs a page requested from any host but `server`'s (`data:` and `blob:` URLs stay in the page)."""
    host = urlsplit(server).netloc
    return sorted({url for url in urls if not url.startswith(("data:", "blob:")) and urlsplit(url).netloc != host})


def wait_for_app(page) -> None:
    """Connected and idle; then a short pause so late deltas (charts) are painted."""
    page.wait_for_selector(READY)
    page.wait_for_selector(IDLE)
    page.wait_for_timeout(300)
    page.wait_for_selector(IDLE)


OVERLAY = "#portal .gdg-input, #portal textarea, #portal input"
# Counts the rerun requests the page sends after it is installed. The script's running state is no
# sign: a fast run can start and finish between two paints, and then the page never shows it. The
# app's heartbeats are a few bytes; a rerun request carries the widgets' values.
COUNT_RERUNS = """() => { window.__reruns = 0;
  if (window.__sendWatched) return;
  window.__sendWatched = true;
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if ((data.byteLength ?? data.size ?? data.length ?? 0) > 32) window.__reruns += 1;
    return send.call(this, data);
  }; }"""


def _open_cell_editor(page, x: float, y: float, attempts: int = 4) -> None:
    """Select the cell right of (x, y) and open its editor; typing before the editor overlay
    exists loses keys on a busy machine, so wait for the overlay and retry the open if needed."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    overlay = page.locator(OVERLAY).first
    for _ in range(attempts):
        page.mouse.click(x, y)
        page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")
        try:
            overlay.wait_for(state="visible", timeout=5_000)
            return
        except PlaywrightTimeoutError:
            page.keyboard.press("Escape")
    raise AssertionError("the lag-input cell editor did not open")


def type_in_cell(page, x: float, y: float, text: str, attempts: int = 3) -> None:
    """Open the editor of the cell right of (x, y) and type `text` over its value, not yet committed."""
    overlay = page.locator(OVERLAY).first
    for _ in range(attempts):
        _open_cell_editor(page, x, y)
        page.keyboard.press("Control+a")
        page.keyboard.type(text, delay=20)
        if overlay.input_value() == text:
            return
        page.keyboard.press("Escape")
    raise AssertionError(f"the cell editor did not take {text!r}")


def _commit_cell(page, timeout_ms: int = 5_000) -> float | None:
    """Press Enter in an open cell editor; once the edit reached the app (the page asked for a rerun),
    returns `time.perf_counter()` at the Enter, else None.

    The grid sometimes closes its editor on Enter without committing the typed text, though the
    overlay showed it (about once in 12 edits typed at machine speed, a few hundred ms after a rerun;
    the cause lies in the grid, and no person types that fast). No rerun is asked for then, and the caller
    types the edit again instead of waiting for a change that never comes."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    page.evaluate(COUNT_RERUNS)
    pressed = time.perf_counter()
    page.keyboard.press("Enter")
    try:
        page.wait_for_function("() => window.__reruns > 0", timeout=timeout_ms)
    except PlaywrightTimeoutError:
        return None
    return pressed


def edit_cell(page, x: float, y: float, text: str, attempts: int = 3) -> float:
    """Type `text` into the cell right of (x, y) and commit it, again if the grid dropped it; returns
    `time.perf_counter()` at the Enter that committed it (the browser bench times from there)."""
    for _ in range(attempts):
        type_in_cell(page, x, y, text)
        pressed = _commit_cell(page)
        if pressed is not None:
            return pressed
    raise AssertionError(f"the grid did not commit {text!r} in {attempts} tries")


# The sides whose margins plotly had to widen, per chart: each widening costs the chart a second layout.
GROWN_MARGINS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(el =>
  ['l', 'r', 't', 'b'].filter(side => el._fullLayout._size[side] > el.layout.margin[side] + 0.5))"""


def grown_margins(page) -> list[list[str]]:
    return page.evaluate(GROWN_MARGINS)


# Per chart: does its legend share any pixel with plotly's modebar (drawn on hover, top right)?
LEGEND_UNDER_MODEBAR = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(el => {
  const legend = el.querySelector('.legend'), bar = el.querySelector('.modebar');
  if (!legend || !bar) return false;
  const a = legend.getBoundingClientRect(), b = bar.getBoundingClientRect();
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom; })"""


def legends_under_modebar(page) -> list[bool]:
    """Per chart, whether the modebar, which appears when the pointer is on the chart, covers its legend."""
    return page.evaluate(LEGEND_UNDER_MODEBAR)


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


# The Forecast page's chart i, and its forecast line (in the page's order: its variables'), null until that chart is
# drawn. Found by its element's key (`chart|<variable>`, whose container Streamlit writes at once), not as the i-th
# plotly chart present: the charts mount one by one, not always in order (a second chart mounted first read as the
# first, and a test took its values for the first variable's).
FORECAST_CHART = """(i) => { const box = document.querySelectorAll('[class*="st-key-chart-"]')[i];
  return (box && box.querySelector('.js-plotly-plot')) || null; }"""
FORECAST_LINE = f"""(i) => {{ const el = ({FORECAST_CHART})(i);
  return (el && el.data && el.data.find(d => d.name.startsWith('forecast'))) || null; }}"""


def forecast_trace(page, chart: int = 0) -> dict:
    """x and y of the forecast line of a plotly chart, read from the figure the browser holds."""
    return page.evaluate(
        f"(i) => {{ const t = ({FORECAST_LINE})(i); return {{x: Array.from(t.x).map(String), y: Array.from(t.y)}}; }}",
        chart,
    )


def wait_for_forecast(page, steps: int, chart: int = 0) -> dict:
    page.wait_for_function(
        f"([i, n]) => {{ const t = ({FORECAST_LINE})(i); return !!t && t.x.length === n + 1; }}", arg=[chart, steps]
    )
    return forecast_trace(page, chart)


def edit_newest_lag(page, text: str, rows: int = 4, settle_ms: int = 300) -> float:
    """Type `text` into the first variable's newest lag input (the last of the page's first table's `rows`
    rows, under its header) and commit it; returns what edit_cell returns. `settle_ms`: a pause first, while
    the page above the grid settles as charts paint (the browser bench, which has waited for them, skips it)."""
    editor = page.locator('[data-testid="stDataFrame"]').first
    editor.scroll_into_view_if_needed()
    page.wait_for_timeout(settle_ms)
    box = editor.bounding_box()
    return edit_cell(page, box["x"] + 30, box["y"] + 35 * rows + 17, text)


def wait_for_forecast_value(page, point: int, old: float) -> None:
    """Wait until point `point` of the first chart's forecast line is no longer `old`."""
    page.wait_for_function(
        f"([i, old]) => {{ const t = ({FORECAST_LINE})(0); return !!t && Math.abs(t.y[i] - old) > 1e-6; }}",
        arg=[point, old],
    )


def wait_for_forecast_point(page, point: int, value: float) -> None:
    """Wait until point `point` of the first chart's forecast line is `value` (a page opened again may draw it a run
    later); fails with the value last shown when it never comes."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(
            f"([i, value]) => {{ const t = ({FORECAST_LINE})(0); return !!t && Math.abs(t.y[i] - value) < 1e-9; }}",
            arg=[point, value],
        )
    except PlaywrightTimeout:
        shown = forecast_trace(page)["y"][point]
        raise AssertionError(f"the forecast's point {point} stayed {shown}, not {value}") from None


def element_kinds(frames: list) -> list[str]:
    """The kinds of the elements in the messages a page received (Streamlit's own ForwardMsg protos), in order."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    kinds = []
    for frame in frames:
        if not isinstance(frame, bytes):
            continue
        message = ForwardMsg()
        message.ParseFromString(frame)
        if message.WhichOneof("type") == "delta" and message.delta.WhichOneof("type") == "new_element":
            kinds.append(message.delta.new_element.WhichOneof("type"))
    return kinds


# The labels of the select boxes whose shown value is wider than its box (cut off at the edge)
CUT_SELECTS = """() => [...document.querySelectorAll('[data-testid="stSelectbox"]')]
  .filter(box => [...box.querySelectorAll('input')].some(input => input.scrollWidth > input.clientWidth + 1))
  .map(box => box.innerText.split('\\n')[0])"""


def cut_selects(page) -> list[str]:
    return page.evaluate(CUT_SELECTS)


def read_when(page, reader: str, holds: str, arg=None, timeout_ms: int = 10_000):
    """What `reader` (a JavaScript function of `arg`) reads once `holds` (a JavaScript function of that value and
    `arg`) is true, else as it is after `timeout_ms`: the page draws it a frame or a rerun after the step that
    brought it, and the caller's assertion then shows what was there instead."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(f"(arg) => ({holds})(({reader})(arg), arg)", arg=arg, timeout=timeout_ms)
    return page.evaluate(reader, arg)


# Per table on the page: how much wider its content is than the table (px; above 0 it scrolls sideways)
TABLE_OVERFLOW = """() => [...document.querySelectorAll('[data-testid="stDataFrame"]')].filter(t => t.offsetParent)
  .map(t => { const s = t.querySelector('.dvn-scroller'); return s ? s.scrollWidth - s.clientWidth : 0; })"""


def table_overflow(page, settle_ms: int = 5_000) -> list[int]:
    """How far each visible table's content runs past its width (px), once the tables have laid out: a grid
    just shown (its tab clicked) measures its width a frame or more later, so it is read until every table
    fits or `settle_ms` has passed; a table that overflows for good is then reported as it is."""
    return read_when(page, TABLE_OVERFLOW, "(widths) => widths.every(width => width === 0)", timeout_ms=settle_ms)


def table_height(page, at_least: float, timeout_ms: int = 10_000) -> float:
    """The height (px) of the page's first table once it is `at_least` high, else as it is after `timeout_ms`: the
    grid takes its full height a frame or more after its rows are drawn (on a loaded machine, later still). It is
    found afresh at each look, as a rerun may replace the element drawn first."""
    height = """() => document.querySelector('[data-testid="stDataFrame"]')?.getBoundingClientRect().height ?? 0"""
    return read_when(page, height, "(high, least) => high >= least", at_least, timeout_ms)


def refresh_listings(page, url: str) -> None:
    """Ask for the model listings again (the dashboard caches them for every session) from the Models page,
    so that a model a test published just now can be opened."""
    page.goto(f"{url}/models")
    wait_for_app(page)
    page.get_by_role("button", name="Refresh").click()
    wait_for_app(page)


# The top edge (px) of each visible widget label with one of the given texts
LABEL_TOPS = """(names) => Object.fromEntries([...document.querySelectorAll('[data-testid="stWidgetLabel"]')]
  .filter(label => label.offsetParent && names.includes(label.innerText.trim()))
  .map(label => [label.innerText.trim(), label.getBoundingClientRect().top]))"""


def label_spread(page, names: list[str]) -> float:
    """How far apart (px) the labels of one row of controls sit vertically; every name must be on screen. The
    row's controls reach the page one by one, so they are waited for (up to 10 s) before being measured."""
    tops = read_when(page, LABEL_TOPS, "(tops, names) => Object.keys(tops).length === names.length", names)
    assert sorted(tops) == sorted(names), tops
    return max(tops.values()) - min(tops.values())


def cookie_once(page, name: str, holds, origin: str | None = None, timeout_ms: int = 5_000) -> str | None:
    """The browser's cookie `name` (None when it has none) once `holds(value)` is true, else as it is at the timeout.

    A page's `document.cookie = ...` reaches the browser's cookie store a moment later (Chromium sends it on without
    waiting for it to be stored), so reading the store at once can miss a cookie just written or cleared."""
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        found = [c["value"] for c in page.context.cookies(*([origin] if origin else [])) if c["name"] == name]
        value = found[0] if found else None
        if holds(value) or time.monotonic() > deadline:
            return value
        page.wait_for_timeout(50)


def upload_for_training(page, csv) -> None:
    """On the Train page: Upload a CSV, then the file `csv` given to the uploader, each run waited for."""
    page.get_by_text("Upload a CSV", exact=True).click()
    wait_for_app(page)
    page.locator('[data-testid="stFileUploaderDropzone"] input[type="file"]').set_input_files(str(csv))
    wait_for_app(page)
