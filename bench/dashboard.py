"""Dashboard figures: server-side script time (Streamlit AppTest) and the app process's peak memory.

AppTest runs the real app.py in this process, so its run time is the server-side time of a
script run (no browser, no websocket). Peak memory is read from a real `streamlit run` process
(VmHWM in /proc) after a headless Chromium has opened the Forecast and Models pages.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from .browser import CHROMIUM
from .servers import PROJECT_DIR, streamlit_server
from .timing import Latency, timed

APP = PROJECT_DIR / "app.py"


def available() -> str | None:
    """None when the dashboard can be measured, else the reason it cannot."""
    if not APP.exists():
        return "app.py does not exist yet"
    return None


@contextmanager
def environment(env: dict[str, str]):
    """Point this process (and so AppTest's app) at a bucket, restoring the environment after."""
    saved = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _problems(at) -> list[str]:
    found = [str(e.value)[:200] for e in at.exception] + [str(e.value)[:200] for e in at.error]
    return found


def script_times(env: dict[str, str], reruns: int) -> dict:
    """First Forecast page load, then reruns each changing the steps (AppTest, server side)."""
    from streamlit.testing.v1 import AppTest

    sys.path.insert(0, str(PROJECT_DIR))
    from ui.forecast_link import KEYS  # the Forecast page's own widget keys

    with environment(env):
        at = AppTest.from_file(str(APP), default_timeout=180)
        first_s, _ = timed(at.run)
        problems = _problems(at)
        steps_widget = [w for w in at.number_input if w.key == KEYS["steps"]]
        if not steps_widget:
            return {
                "first_load_ms": first_s * 1e3,
                "rerun_ms": None,
                "problems": problems + [f"no number_input with key {KEYS['steps']!r} on the first page"],
            }
        seconds = []
        for i in range(reruns):
            widget = next(w for w in at.number_input if w.key == KEYS["steps"])
            elapsed, _ = timed(lambda widget=widget, i=i: widget.set_value(9 + i % 24).run())
            seconds.append(elapsed)
            problems += _problems(at)
        shown = next(w for w in at.number_input if w.key == KEYS["steps"]).value
    return {
        "first_load_ms": round(first_s * 1e3, 2),
        "rerun_ms": Latency.of(seconds).to_dict(),
        "steps_after": shown,
        "problems": sorted(set(problems))[:5],
        "recompile_ms": recompile_ms(),
    }


def recompile_ms(repeats: int = 5) -> float:
    """What AppTest adds to every run and a server does not: AppTest compiles app.py and the page
    afresh each run, while `streamlit run` keeps the bytecode in its ScriptCache."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache

    def compile_both() -> None:
        cache = ScriptCache()
        for script in (APP, PROJECT_DIR / "views" / "forecast.py"):
            cache.get_bytecode(str(script))

    return round(statistics.median(timed(compile_both)[0] for _ in range(repeats)) * 1e3, 2)


def peak_memory(env: dict[str, str], timeout: float = 240.0) -> dict:
    """VmHWM of a `streamlit run app.py` process after a browser opened Forecast, then Models."""
    with streamlit_server(APP, env, timeout) as (url, pid):
        before = _status_kb(pid)
        timings = _browse(url, timeout)
        time.sleep(1.0)
        after = _status_kb(pid)
    return {
        "idle_rss_mb": round(before["VmRSS"] / 1024, 1),
        "peak_rss_mb": round(after["VmHWM"] / 1024, 1),
        "rss_after_mb": round(after["VmRSS"] / 1024, 1),
        **timings,
    }


def _browse(url: str, timeout: float) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_page()
            started = time.perf_counter()
            page.goto(url)
            page.get_by_text("Forecast table").first.wait_for(timeout=timeout * 1000)
            forecast_s = time.perf_counter() - started
            started = time.perf_counter()
            page.goto(url + "/models")
            page.get_by_text("usable, newest first").first.wait_for(timeout=timeout * 1000)
            models_s = time.perf_counter() - started
        finally:
            browser.close()
    return {"browser_forecast_page_s": round(forecast_s, 3), "browser_models_page_s": round(models_s, 3)}


def _status_kb(pid: int) -> dict[str, int]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0])
    return fields


def median(values: list[float]) -> float:
    return statistics.median(values)
