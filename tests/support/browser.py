"""Helpers for the Chromium tests: waiting for Streamlit, reading plotly figures, screenshots."""

from __future__ import annotations

from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
ARTIFACTS = PROJECT / "test-artifacts" / "e2e"
READY = '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


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
                   return {x: Array.from(t.x).map(String), y: Array.from(t.y)}; }""",
        chart,
    )


def wait_for_forecast(page, steps: int, chart: int = 0) -> dict:
    page.wait_for_function(
        """([i, n]) => { const el = document.querySelectorAll('.js-plotly-plot')[i];
                        if (!el || !el.data) return false;
                        const t = el.data.find(d => d.name.startsWith('forecast'));
                        return t && t.x.length === n + 1; }""",
        arg=[chart, steps],
    )
    return forecast_trace(page, chart)
