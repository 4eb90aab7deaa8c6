"""The Forecast page while its store is away: a steps change reruns only the forecast part of the page, which drew
Streamlit's crash box once the cached list of saved scenarios expired. It now keeps forecasting from the version it
has loaded, with the scenarios it last saw, and the sidebar says the store is unreachable; it heals when the store
is back, without a reload."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import running_dashboard, seeded_registry
from tests.support.browser import shot, wait_for_app, wait_for_forecast
from tests.support.tcp_proxy import TcpProxy

pytestmark = pytest.mark.minio
REFRESH_S = 2  # listings expire this soon, so the outage reaches them within the test


def _change_steps(page, steps: int) -> dict:
    field = page.get_by_label("Steps", exact=True)
    field.fill(str(steps))
    field.press("Enter")
    wait_for_app(page)
    return wait_for_forecast(page, steps)


def _crash_boxes(page) -> int:
    return page.locator("[data-testid='stException']").count()


def test_a_steps_change_while_the_store_is_away_still_forecasts(minio, macro_result, page):
    registry = seeded_registry(minio, macro_result)
    upstream = ("127.0.0.1", int(minio.endpoint.rsplit(":", 1)[1]))
    proxy = TcpProxy(upstream).start()
    env = {**minio.env(registry.store.bucket), "MINIO_ENDPOINT": proxy.endpoint, "VARLIB_AUTHOR": "e2e"}
    env |= {"VARLIB_REFRESH_SECONDS": str(REFRESH_S), "VARLIB_STORE_TIMEOUT": "1"}
    try:
        with running_dashboard(env) as url:
            page.goto(f"{url}/?model=var&version=0.0.1&steps=8")
            wait_for_app(page)
            wait_for_forecast(page, 8)
            proxy.stop()  # refused from now on, as a stopped server's port is
            time.sleep(REFRESH_S + 1)  # the listings the page holds have expired
            for steps in (12, 16):
                _change_steps(page, steps)
                assert _crash_boxes(page) == 0
            shot(page, "store-away-forecast")
            sidebar = page.locator("[data-testid='stSidebar']")
            sidebar.get_by_text("unreachable").first.wait_for(timeout=30_000)
            proxy = TcpProxy(upstream, port=proxy.port).start()  # the store is back on the same address
            time.sleep(REFRESH_S + 1)
            _change_steps(page, 10)
            assert _crash_boxes(page) == 0
            # "reachable" is also found in "unreachable": the timed status is waited for until the latter is gone
            expect(sidebar).not_to_contain_text("unreachable", timeout=30_000)
            expect(sidebar).to_contain_text("reachable")
    finally:
        proxy.stop()
