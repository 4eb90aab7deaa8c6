"""An open page notices publications by itself: no click, no reload (ui.live, every VARLIB_REFRESH_SECONDS)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import REFRESH
from tests.support.browser import shot, wait_for_app, wait_for_forecast
from varlib import publish_result

pytestmark = [pytest.mark.e2e, pytest.mark.minio]


def test_a_page_following_latest_switches_to_a_new_version_and_a_pinned_one_offers_it(
    quick_dashboard, page, browser_context, macro_result
):
    url, registry = quick_dashboard
    page.goto(f"{url}/?model=var&version=latest&steps=6")
    wait_for_app(page)
    wait_for_forecast(page, 6)
    page.get_by_text("var 0.0.1 · created").wait_for()
    pinned = browser_context.new_page()
    pinned.goto(f"{url}/?model=var&version=0.0.1&steps=6")
    wait_for_app(pinned)
    pinned.get_by_text("var 0.0.1 · created").wait_for()

    publish_result(registry, macro_result, "var", "patch", "published while the pages were open")
    # nobody touches either page: the one following `latest` redraws with 0.0.2 ...
    page.get_by_text("var 0.0.2 · created").wait_for(timeout=8 * REFRESH * 1000)
    expect(page.get_by_text("published while the pages were open").first).to_be_visible()
    # the closed picker names the version drawn (Streamlit's browser side kept the label of an unchanged value)
    picker = page.locator('[data-testid="stSelectbox"]').filter(has_text="Version").locator("input")
    expect(picker).to_have_value("latest (0.0.2)")
    shot(page, "live-latest-followed")
    # ... and the pinned one keeps 0.0.1 but says a newer version exists, and switches on request
    pinned.get_by_text("var 0.0.2 has been published since this page opened").wait_for(timeout=8 * REFRESH * 1000)
    expect(pinned.get_by_text("var 0.0.1 · created")).to_be_visible()
    shot(pinned, "live-pinned-offered")
    pinned.get_by_role("button", name="Show var 0.0.2").click()
    wait_for_app(pinned)
    pinned.get_by_text("var 0.0.2 · created").wait_for()
    pinned.wait_for_function("() => window.location.search.includes('version=0.0.2')")
    pinned.close()


def test_the_models_table_shows_a_new_version_without_a_click(quick_dashboard, page, macro_result):
    url, registry = quick_dashboard
    page.goto(f"{url}/models")
    wait_for_app(page)
    before = len(registry.list_versions("var"))
    page.get_by_text(f"{before} version{'s' * (before != 1)}: {before} usable").wait_for()
    publish_result(registry, macro_result, "var", "patch", "listed while the page was open")
    page.get_by_text(f"{before + 1} versions: {before + 1} usable").wait_for(timeout=8 * REFRESH * 1000)


def test_the_offer_of_a_newer_version_is_taken_back_when_that_version_is_withdrawn(quick_dashboard, page, macro_result):
    url, registry = quick_dashboard
    pinned = str(registry.resolve_latest("var"))
    page.goto(f"{url}/?model=var&version={pinned}&steps=6")
    wait_for_app(page)
    page.get_by_text(f"var {pinned} · created").wait_for()
    newer = publish_result(registry, macro_result, "var", "patch", "soon withdrawn").version
    offer = page.get_by_text(f"var {newer} has been published since this page opened")
    offer.wait_for(timeout=8 * REFRESH * 1000)
    registry.withdraw("var", newer, "published by mistake")
    offer.wait_for(state="detached", timeout=8 * REFRESH * 1000)
    wait_for_app(page)
    assert page.get_by_text(f"var {pinned} · created").count() == 1
    assert page.get_by_role("button", name=f"Show var {newer}").count() == 0


def test_a_pinned_page_does_not_announce_a_version_that_was_there_when_it_opened(quick_dashboard, page, macro_result):
    url, registry = quick_dashboard
    publish_result(registry, macro_result, "var", "patch", "already there")
    older = registry.list_versions("var")[1].version  # one before `latest`, which exists before the page opens
    page.goto(f"{url}/?model=var&version={older}&steps=6")
    wait_for_app(page)
    page.get_by_text(f"var {older} · created").wait_for()
    page.wait_for_timeout(4 * REFRESH * 1000)  # the timed check has run at least twice
    assert page.get_by_text("has been published since this page opened").count() == 0
    newer = publish_result(registry, macro_result, "var", "patch", "published while it was open").version
    page.get_by_text(f"var {newer} has been published since this page opened").wait_for(timeout=8 * REFRESH * 1000)


def test_the_diagnostics_picker_names_the_version_latest_moved_to(quick_dashboard, page, macro_result):
    """The pickers of the other pages follow `latest` at their next rerun, in the caption and in the closed
    picker alike (they have no timer: a click reruns them)."""
    url, registry = quick_dashboard
    before = registry.resolve_latest("var")
    page.goto(f"{url}/diagnostics?model=var&version=latest")
    wait_for_app(page)
    page.get_by_text(f"var {before}: VAR").wait_for()
    newer = publish_result(registry, macro_result, "var", "patch", "diagnosed while open").version
    page.wait_for_timeout(2 * REFRESH * 1000)  # the cached listing has expired
    page.get_by_role("tab", name="Coefficients").click()
    wait_for_app(page)
    page.get_by_text(f"var {newer}: VAR").wait_for()
    picker = page.locator('[data-testid="stSelectbox"]').filter(has_text="Version").locator("input")
    expect(picker).to_have_value(f"latest ({newer})")
