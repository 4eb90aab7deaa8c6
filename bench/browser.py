"""Browser benchmark: the dashboard against the framework's floor, in one run, in Debian's Chromium.

    python -m bench --browser [--quick] [--json]

Three servers run side by side on the same Streamlit: the dashboard on a local store holding one
version (two variables), bench/floor_app.py (one number input and one plotly chart on each of two
pages, and a page with a two-row editable table and a chart) and
bench/charts_app.py (one number input and the dashboard's own two forecast charts, a reference that
separates what those charts cost from what the dashboard adds). Each interaction is timed from the
user's action to the moment the page is drawn: connected, no script running, no skeleton left, and
every visible plotly chart painted (and, for a forecast, its line of the expected length or with the
edited value). Repetitions alternate between the apps so load on a shared machine falls on all. The
figures are medians in ms and ratios of the dashboard's median to the floor's:

- first_forecast: a new tab opens the app's address until the forecast charts are drawn;
- steps: Enter in the Steps field until the chart shows the new horizon;
- lag_edit: Enter in an edited lag-input cell until the chart moves (the floor: the same in its
  two-row table, which sends edits with the same 150 ms delay as any Streamlit table editor);
- page_open: a click on a sidebar page until that page is drawn (the floor: its other page).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from .servers import PROJECT_DIR, streamlit_server

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DASHBOARD_PAGES = ("Models", "Train & publish", "Diagnostics", "Backtest", "Compare versions", "Forecast")
TIMEOUT_MS = 90_000

DRAWN = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.dataset.testConnectionState !== 'CONNECTED' || app.dataset.testScriptState !== 'notRunning')
    return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    if (chart.offsetParent === null) continue;  // in a hidden tab: drawn when shown
    if (!chart.querySelector('.js-plotly-plot .main-svg')) return false;
  }
  return true;
}"""


def _and_drawn(parameter: str, check: str) -> str:
    """A page function of one argument: `check` holds and the page is drawn."""
    return "(" + parameter + ") => (" + check + ") && (" + DRAWN + ")()"


_FORECAST = "(document.querySelector('.js-plotly-plot')?.data || []).find(d => (d.name || '').startsWith('forecast'))"
FORECAST_LENGTH = _and_drawn("n", f"{_FORECAST}?.x.length === n + 1")
FORECAST_MOVED = _and_drawn("old", f"Math.abs(({_FORECAST}?.y[0] ?? old) - old) > 1e-9")
_TITLES = "Array.from(document.querySelectorAll('h1'))"
PAGE_DRAWN = _and_drawn("title", f"{_TITLES}.some(h => h.textContent.trim() === title)")


def measure(repeats: int = 5, progress=print) -> dict:
    """Medians (ms) of every interaction on both apps, and the dashboard/floor ratios."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as store_dir, sync_playwright() as playwright:
        _seed(Path(store_dir))
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        dashboard_env = {"VARLIB_STORE_DIR": store_dir, "VARLIB_AUTHOR": "bench"}
        charts_env = {**dashboard_env, "PYTHONPATH": str(PROJECT_DIR)}
        with (
            streamlit_server(PROJECT_DIR / "app.py", dashboard_env) as (dashboard_url, _),
            streamlit_server(PROJECT_DIR / "bench" / "floor_app.py", {}) as (floor_url, _),
            streamlit_server(PROJECT_DIR / "bench" / "charts_app.py", charts_env) as (charts_url, _),
        ):
            context = browser.new_context(viewport={"width": 1440, "height": 1000})
            apps = {"dashboard": (dashboard_url, 2), "floor": (floor_url, 1), "charts": (charts_url, 2)}
            times: dict[str, dict[str, list[float]]] = {name: {} for name in apps}
            for url, charts in apps.values():  # warm-up: scripts compiled, caches filled
                _first_forecast(context, url, charts)
            for round_ in range(repeats):
                progress(f"browser round {round_ + 1}/{repeats}")
                for name, (url, charts) in apps.items():
                    _round(context, name, url, charts, round_, times[name])
            context.close()
        browser.close()
    return _summary(times)


def _seed(store_dir: Path) -> None:
    from varlib import ModelSpec, Registry, Settings, load_dataset, publish_result, train_model

    dataset = load_dataset()
    result = train_model(dataset, ModelSpec(tuple(dataset.variables), lags=2))
    registry = Registry.from_settings(Settings(store_dir=store_dir, author="bench"))
    # two versions of the same fit: Compare compares two (with one it draws nothing); Forecast opens the newest
    for notes in ("", "the same fit again"):
        publish_result(registry, result, "var", "patch", notes)


def _round(context, name: str, url: str, charts: int, round_: int, out: dict[str, list[float]]) -> None:
    page, seconds = _first_forecast(context, url, charts)
    out.setdefault("first_forecast", []).append(seconds)
    steps = 12 if round_ % 2 == 0 else 16
    out.setdefault("steps", []).append(_steps_change(page, steps))
    if name == "charts":  # a reference for the forecast only: it has no lag table and no other page
        page.close()
        return
    if name == "dashboard":
        out.setdefault("lag_edit", []).append(_lag_edit(page, 14000.0 + round_))
        for title in DASHBOARD_PAGES:
            out.setdefault(f"page:{title}", []).append(_open_page(page, title))
    else:
        for title in ("Floor two", "Floor one"):
            out.setdefault("page", []).append(_open_page(page, title))
        _open_page(page, "Floor table")  # the lag edit's floor: a cell edit in Streamlit's table editor
        out.setdefault("lag_edit", []).append(_lag_edit(page, 14000.0 + round_))
    page.close()


def _timed_wait(page, action, condition: str, arg) -> float:
    started = time.perf_counter()
    action()
    page.wait_for_function(condition, arg=arg, polling="raf", timeout=TIMEOUT_MS)
    return time.perf_counter() - started


def _first_forecast(context, url: str, charts: int):
    page = context.new_page()
    seconds = _timed_wait(page, lambda: page.goto(url), FORECAST_LENGTH, 8)
    if page.locator('[data-testid="stPlotlyChart"]').count() < charts:
        raise RuntimeError(f"{url} drew fewer than {charts} charts")
    return page, seconds


def _steps_change(page, steps: int) -> float:
    field = page.get_by_label("Steps", exact=True)
    field.fill(str(steps))
    return _timed_wait(page, lambda: field.press("Enter"), FORECAST_LENGTH, steps)


def _lag_edit(page, value: float) -> float:
    """From the Enter that commits an edited lag cell until the chart moves (an edit the grid dropped is
    typed again first: tests.support.browser.edit_cell)."""
    from tests.support.browser import edit_newest_lag

    old = page.evaluate(f"() => {_FORECAST}.y[0]")
    try:
        started = edit_newest_lag(page, f"{value:g}", rows=2, settle_ms=0)  # both apps' tables have two rows
        page.wait_for_function(FORECAST_MOVED, arg=old, polling="raf", timeout=TIMEOUT_MS)
        return time.perf_counter() - started
    except Exception:
        page.screenshot(path=str(PROJECT_DIR / "bench" / "out" / "lag-edit-failure.png"), full_page=True)
        raise


def _open_page(page, title: str) -> float:
    link = page.locator('[data-testid="stSidebar"]').get_by_role("link", name=title, exact=True)
    return _timed_wait(page, link.click, PAGE_DRAWN, title)


def _median_ms(values: list[float]) -> float:
    return round(statistics.median(values) * 1e3, 1)


def _summary(times: dict[str, dict[str, list[float]]]) -> dict:
    dash, floor, charts = times["dashboard"], times["floor"], times["charts"]
    pages = {key.split(":", 1)[1]: _median_ms(v) for key, v in dash.items() if key.startswith("page:")}
    floor_ms = {key: _median_ms(v) for key, v in floor.items()}
    dash_ms = {key: _median_ms(v) for key, v in dash.items() if not key.startswith("page:")}
    charts_ms = {key: _median_ms(v) for key, v in charts.items()}
    return {
        "first_forecast_ratio": round(dash_ms["first_forecast"] / floor_ms["first_forecast"], 2),
        "steps_ratio": round(dash_ms["steps"] / floor_ms["steps"], 2),
        "lag_edit_ratio": round(dash_ms["lag_edit"] / floor_ms["lag_edit"], 2),
        # against the floor's number input instead, as before the floor had a table: this also counts the
        # 150 ms that Streamlit's table editor holds every edit before sending it
        "lag_edit_over_floor_steps": round(dash_ms["lag_edit"] / floor_ms["steps"], 2),
        "page_open_ratio_max": round(max(pages.values()) / floor_ms["page"], 2),
        "page_open_ratios": {title: round(ms / floor_ms["page"], 2) for title, ms in pages.items()},
        "dashboard_ms": {**dash_ms, "pages": pages},
        "floor_ms": floor_ms,
        # the dashboard's own charts alone on a bare page: what drawing them costs in the framework
        "charts_ms": charts_ms,
        "charts_over_floor": {key: round(charts_ms[key] / floor_ms[key], 2) for key in charts_ms},
        "dashboard_over_charts": {key: round(dash_ms[key] / charts_ms[key], 2) for key in charts_ms},
        "repeats": len(floor["first_forecast"]),
        "goals": {"first_forecast_ratio": 1.5, "steps_ratio": 1.5, "lag_edit_ratio": 2.0, "page_open_ratio_max": 2.0},
    }
