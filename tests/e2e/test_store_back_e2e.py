"""A page that could not reach the store recovers by itself once the store answers: it said "The dashboard
tries again on every interaction", but nothing on it reruns, so it kept the error (while the sidebar, which
asks on a timer, said "reachable" beside it) until someone pressed a key."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import running_dashboard
from tests.support.browser import shot, wait_for_app
from varlib import Registry, Settings, publish_result

pytestmark = [pytest.mark.e2e]

AWAY = "The model store cannot be reached"


def test_a_page_that_could_not_reach_the_store_recovers_on_the_refresh_timer(page, tmp_path, macro_result):
    store = tmp_path / "store"
    store.write_text("a file where the store's folder should be: the local store is unreachable")
    env = {"VARLIB_STORE_DIR": str(store), "VARLIB_REFRESH_SECONDS": "2", "VARLIB_AUTHOR": "e2e"}
    with running_dashboard(env) as url:
        page.goto(f"{url}/?model=var")
        wait_for_app(page)
        page.get_by_text(AWAY).first.wait_for()
        store.unlink()  # the store comes back, holding a model
        publish_result(Registry.from_settings(Settings(store_dir=store, author="e2e")), macro_result, "var")
        page.locator(".js-plotly-plot").first.wait_for(timeout=30_000)  # no click, no key: the timer reran it
        # the chart comes first in its run: the error goes at its end
        expect(page.get_by_text(AWAY)).to_have_count(0, timeout=10_000)
        shot(page, "store_back")
