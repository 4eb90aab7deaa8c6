"""A real Chromium against `streamlit run app.py` on a real MinIO: shared URL, steps, a lag edit, publishing.

Waits the way Streamlit's own e2e tests do: the app's websocket is connected and no script
run is in progress (`data-test-connection-state` / `data-test-script-state` on stApp), then
checks content with auto-retrying expectations. Screenshots go to test-artifacts/e2e/.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import new_bucket
from tests.support.minio_server import free_port, minio_required, stop_process
from varlib.registry import Registry
from varlib.service import publish_result

pytestmark = [pytest.mark.e2e, pytest.mark.minio]

PROJECT = Path(__file__).resolve().parents[2]
ARTIFACTS = PROJECT / "test-artifacts" / "e2e"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
READY = '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
VIEWPORT = {"width": 1440, "height": 1000}


@pytest.fixture(scope="module")
def dashboard(minio, macro_result):
    """`streamlit run app.py` on a free port against a fresh MinIO bucket holding var 0.0.1."""
    bucket = new_bucket()
    registry = Registry.from_settings(minio.settings(bucket, author="e2e"))
    publish_result(registry, macro_result, "var", "patch", "seeded for the browser test")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MINIO_", "VARLIB_"))}
    env.update(minio.env(bucket), VARLIB_AUTHOR="e2e")
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, server)
        yield url, registry
    finally:
        stop_process(server, timeout=10)


def _wait_healthy(url: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited: {server.stderr.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit did not answer {url}/_stcore/health within {timeout:.0f} s")


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium through playwright (no browser download); missing means fail in CI, else skip loudly."""
    if not Path(CHROMIUM).exists():
        message = f"Chromium is missing at {CHROMIUM}: install Debian's `chromium` (.ci/run does)"
        if minio_required():
            pytest.fail(message)
        pytest.skip("!!! E2E TESTS SKIPPED !!! " + message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def browser_context(chromium):
    """One context for the module, so the app's scripts are fetched and compiled once."""
    context = chromium.new_context(viewport=VIEWPORT)
    yield context
    context.close()


@pytest.fixture
def page(browser_context):
    page = browser_context.new_page()
    page.set_default_timeout(60_000)
    yield page
    page.close()


def wait_for_app(page) -> None:
    """Connected and idle; then a short pause so late deltas (charts) are painted."""
    page.wait_for_selector(READY)
    page.wait_for_selector(IDLE)
    page.wait_for_timeout(300)
    page.wait_for_selector(IDLE)


def open_cell_editor(page, x: float, y: float, attempts: int = 4) -> None:
    """Select the cell right of (x, y) and open its editor; typing before the editor overlay
    exists loses keys on a busy machine, so wait for the overlay and retry the open if needed."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    overlay = page.locator("#portal .gdg-input, #portal textarea, #portal input").first
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


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def forecast_trace(page, chart: int = 0) -> dict:
    """x and y of the forecast line of a plotly chart, read from the figure the browser holds."""
    return page.evaluate(
        """(i) => { const el = document.querySelectorAll('.js-plotly-plot')[i];
                   const t = el.data.find(d => d.name.startsWith('forecast'));
                   return {x: Array.from(t.x).map(String), y: Array.from(t.y)}; }""", chart)


def wait_for_forecast(page, steps: int, chart: int = 0) -> dict:
    page.wait_for_function(
        """([i, n]) => { const el = document.querySelectorAll('.js-plotly-plot')[i];
                        if (!el || !el.data) return false;
                        const t = el.data.find(d => d.name.startsWith('forecast'));
                        return t && t.x.length === n + 1; }""", arg=[chart, steps])
    return forecast_trace(page, chart)


def test_first_visit_to_a_page_url_runs_through_the_app(dashboard, page):
    """Runs first: on a fresh server a pages/ folder puts Streamlit in its legacy mode until app.py runs."""
    url, _ = dashboard
    page.goto(f"{url}/models")
    wait_for_app(page)
    page.get_by_text("1 version(s), 1 usable").wait_for()
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("Model store").wait_for()
    assert sidebar.get_by_role("link", name="Train & publish").count() == 1
    assert sidebar.get_by_role("link", name="app", exact=True).count() == 0  # no automatic pages/ navigation
    shot(page, "0-first-visit-models")


def test_shared_url_steps_and_a_lag_edit(dashboard, page):
    url, _ = dashboard
    page.goto(f"{url}/?model=var&version=0.0.1&steps=12&level=90")
    wait_for_app(page)
    charts = page.locator('[data-testid="stPlotlyChart"]')
    charts.nth(1).wait_for()  # one chart per variable; they are painted one after the other
    first = wait_for_forecast(page, 12)
    assert charts.count() == 2
    assert first["x"][1].startswith("2009-10-01")
    assert page.get_by_text("var 0.0.1", exact=False).first.is_visible()
    assert "steps=12" in page.url and "version=0.0.1" in page.url and "level=90" in page.url
    assert page.get_by_text("90% interval").first.is_visible()  # the legend names the requested level
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert "reachable" in sidebar.inner_text() and "MinIO" in sidebar.inner_text()
    shot(page, "1-shared-url")

    steps = page.get_by_label("Steps", exact=True)
    steps.fill("20")
    steps.press("Enter")
    wait_for_app(page)
    after_steps = wait_for_forecast(page, 20)
    page.wait_for_function("() => window.location.search.includes('steps=20')")
    assert after_steps["y"][:13] == pytest.approx(first["y"])  # same model, same inputs: a longer horizon
    shot(page, "2-steps-20")

    # Edit the newest realgdp lag input: click its date cell, move right, open the editor, type, commit.
    editor = page.locator('[data-testid="stDataFrame"]').first
    editor.scroll_into_view_if_needed()
    box = editor.bounding_box()
    open_cell_editor(page, box["x"] + 30, box["y"] + 35 * 4 + 17)  # header row, then rows 1..4
    page.keyboard.press("Control+a")
    page.keyboard.type("14000", delay=20)
    page.keyboard.press("Enter")
    wait_for_app(page)
    page.wait_for_function(
        """(old) => { const el = document.querySelectorAll('.js-plotly-plot')[0];
                     const t = el.data.find(d => d.name.startsWith('forecast'));
                     return Math.abs(t.y[1] - old) > 1e-6; }""", arg=after_steps["y"][1])
    edited = forecast_trace(page)
    assert edited["y"][0] == pytest.approx(14000.0)  # the line starts at the edited lag input
    assert edited["y"][1] != pytest.approx(after_steps["y"][1])
    assert "reachable" in sidebar.inner_text()  # the sidebar survives reruns in a real browser
    shot(page, "3-lag-edited")


def test_publish_then_find_it_on_the_models_page(dashboard, page):
    url, registry = dashboard
    page.goto(f"{url}/train")
    wait_for_app(page)
    page.get_by_role("button", name="Train", exact=True).click()
    wait_for_app(page)
    page.get_by_text("Lag selection").wait_for()
    page.get_by_label("Notes", exact=True).fill("published from the browser")
    page.get_by_label("Notes", exact=True).press("Enter")
    wait_for_app(page)
    shot(page, "4-trained")
    page.get_by_role("button", name="Publish", exact=True).click()
    wait_for_app(page)
    link = page.get_by_role("link", name="Open var 0.0.2 on the Forecast page")
    link.wait_for()
    assert [entry.label for entry in registry.list_versions("var")] == ["0.0.2", "0.0.1"]
    shot(page, "5-published")

    link.click()
    wait_for_app(page)
    page.wait_for_function("() => window.location.search.includes('version=0.0.2')")
    wait_for_forecast(page, 8)
    assert page.get_by_text("published from the browser").first.is_visible()

    page.get_by_role("link", name="Models").first.click()
    wait_for_app(page)
    page.get_by_text("2 version(s), 2 usable").wait_for()
    # the table is a canvas grid; its accessible cells carry the text
    page.locator('[role="gridcell"]', has_text="published from the browser").first.wait_for(state="attached")
    assert page.locator('[data-testid="glide-cell-0-0"]').first.text_content() == "0.0.2"
    shot(page, "6-models")
