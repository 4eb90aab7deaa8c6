"""Sign-in in a real Chromium through a real Dex: a viewer sees forecasts but no Publish button, a
publisher publishes and is recorded as the author (name and subject), an admin moves an alias from the
Models page; each signs out. The login form is Dex's own; no token is made by hand."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import dashboard_signing_in, log_in_at_dex, sign_in
from tests.support.browser import shot, wait_for_app
from varlib import Version

pytestmark = [pytest.mark.e2e, pytest.mark.minio]


@pytest.fixture(scope="module")
def signed_dashboard(minio, macro_result, tmp_path_factory):
    """A dashboard with sign-in through its own Dex (whose client allows this dashboard's redirect URI)."""
    with dashboard_signing_in(minio, macro_result, tmp_path_factory.mktemp("sign-in")) as running:
        yield running


def sign_out(page, url: str) -> None:
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Sign out").click()
    page.get_by_role("button", name="Sign in").wait_for()
    wait_for_app(page)


def train(page, url: str) -> None:
    page.goto(f"{url}/train")
    wait_for_app(page)
    name = page.get_by_role("textbox", name="Model name")  # the default comes from the data ("macrodata")
    name.fill("var")
    name.press("Enter")
    wait_for_app(page)
    page.get_by_role("button", name="Train").click()
    page.get_by_text("4 · Publish").wait_for(timeout=120_000)
    wait_for_app(page)


def test_before_sign_in_only_the_sign_in_button(signed_dashboard, page):
    url, _, _ = signed_dashboard
    page.goto(f"{url}/models")
    wait_for_app(page)
    page.get_by_role("button", name="Sign in").wait_for()
    assert page.locator('[data-testid="stDataFrame"]').count() == 0
    assert page.get_by_text("1 version").count() == 0
    shot(page, "sign-in-0-signed-out")


def test_a_viewer_sees_forecasts_but_cannot_publish_then_signs_out(signed_dashboard, page):
    url, registry, dex = signed_dashboard
    sign_in(page, url, dex, "viewer")
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert "viewer" in sidebar.inner_text()
    page.locator('[data-testid="stPlotlyChart"]').first.wait_for()  # the Forecast page works
    shot(page, "sign-in-1-viewer-forecast")
    train(page, url)
    page.get_by_text("Publishing needs the publisher role").wait_for()
    assert page.get_by_role("button", name="Publish").count() == 0
    shot(page, "sign-in-2-viewer-no-publish")
    page.goto(f"{url}/models")
    wait_for_app(page)
    page.get_by_text("need the admin role").wait_for()
    assert page.get_by_role("button", name="Set alias").count() == 0
    sign_out(page, url)
    assert [e.label for e in registry.list_versions("var")] == ["0.0.1"]


def test_a_publisher_publishes_as_itself(signed_dashboard, page):
    url, registry, dex = signed_dashboard
    sign_in(page, url, dex, "publisher")
    train(page, url)
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("Published var 0.0.2").wait_for()
    shot(page, "sign-in-3-publisher-published")
    artifact = registry.load("var", Version(0, 0, 2), cached=False)
    identity = artifact.provenance["identity"]
    assert artifact.author == "Paul Publisher"
    assert identity["name"] == "Paul Publisher" and identity["issuer"] == dex.issuer and identity["subject"]
    assert identity["via"] == "dashboard"
    record = next(r for r in registry.history("var") if r.action == "publish" and r.version == "0.0.2")
    assert record.actor.subject == identity["subject"] and record.actor.name == "Paul Publisher"
    assert record.actor.origin == "localhost"  # where the change came from: this machine's browser, not empty
    page.goto(f"{url}/models")
    wait_for_app(page)
    page.get_by_text("Paul Publisher").first.wait_for()  # the versions table names the author
    sign_out(page, url)


def test_an_admin_moves_an_alias_at_two_screen_sizes(signed_dashboard, page):
    url, registry, dex = signed_dashboard
    sign_in(page, url, dex, "admin")
    page.goto(f"{url}/models")
    wait_for_app(page)
    page.get_by_text("Move an alias or withdraw a version").click()  # the admin forms are folded
    page.get_by_role("textbox", name="Alias").fill("champion")
    page.get_by_role("textbox", name="Alias").press("Enter")  # the version is not picked yet: nothing moves
    wait_for_app(page)
    assert registry.alias("var", "champion") is None
    page.get_by_role("button", name="Set alias").click()
    page.get_by_text("@champion now points at").wait_for()
    wait_for_app(page)
    alias = registry.alias("var", "champion")
    assert alias is not None and alias.actor.name == "Alice Admin" and alias.actor.issuer == dex.issuer
    for width, height in ((1440, 1000), (1920, 1080)):
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(500)
        shot(page, f"sign-in-4-admin-models-{width}x{height}")
    page.goto(f"{url}/?model=var&version=@champion")
    wait_for_app(page)
    page.locator('[data-testid="stPlotlyChart"]').first.wait_for()
    for width, height in ((1440, 1000), (1920, 1080)):
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(500)
        shot(page, f"sign-in-5-admin-forecast-alias-{width}x{height}")
    sign_out(page, url)


def test_a_shared_link_opens_after_signing_in(signed_dashboard, page):
    """Streamlit's sign-in returns to the home page; the link the sign-in screen was opened with is reopened
    instead, with its settings, and only once: the home page opened afterwards stays the home page."""
    url, _, dex = signed_dashboard
    link = "/diagnostics?model=var&version=0.0.1&tab=impulse-responses&irf=plain"
    sign_in(page, url, dex, "viewer", link=link)
    page.wait_for_url("**/diagnostics?**")
    wait_for_app(page)
    for setting in ("model=var", "tab=impulse-responses", "irf=plain"):
        assert setting in page.url, page.url
    selected = page.locator('[data-testid="stTab"][aria-selected="true"]')
    assert "Impulse responses" in selected.inner_text()
    shot(page, "sign-in-6-shared-link-reopened")
    page.goto(url)
    wait_for_app(page)
    page.locator('[data-testid="stPlotlyChart"]').first.wait_for()  # the Forecast page, not the link again
    assert "/diagnostics" not in page.url
    sign_out(page, url)


def test_a_link_waiting_long_on_the_sign_in_screen_still_opens_after_signing_in(signed_dashboard, page):
    """A tab whose sign-in ran out turns to the sign-in screen by itself, maybe hours before anyone presses Sign in:
    the remembered link, written only when the screen was drawn, had lapsed by then and the home page opened."""
    url, _, dex = signed_dashboard
    page.goto(f"{url}/diagnostics?model=var&version=0.0.1&tab=impulse-responses")
    wait_for_app(page)
    page.context.clear_cookies(name="varlib_return")  # as its 15 minutes running out would
    log_in_at_dex(page, dex, "viewer")
    page.wait_for_url("**/diagnostics?**")
    wait_for_app(page)
    assert "tab=impulse-responses" in page.url, page.url
    sign_out(page, url)


def test_signing_out_in_one_tab_signs_out_the_others(signed_dashboard, page, browser_context):
    """Streamlit ends the sign-in of the tab whose Sign out was pressed; the browser's other tabs follow by
    themselves, without a click, and a new sign-in afterwards is not taken for the ended one."""
    url, _, dex = signed_dashboard
    sign_in(page, url, dex, "publisher")
    other = browser_context.new_page()  # the same browser: the same sign-in cookie
    try:
        other.goto(f"{url}/models")
        wait_for_app(other)
        other.locator('[data-testid="stSidebar"]').get_by_text("Paul Publisher").wait_for()
        sign_out(page, url)
        other.get_by_text("You signed out in another tab of this browser").wait_for(timeout=20_000)
        # the Models page is gone, and so are the links to the pages (the message comes first in the run that
        # clears them: the page's elements go when that run ends)
        expect(other.locator('[data-testid="stDataFrame"]')).to_have_count(0, timeout=10_000)
        expect(other.locator('[data-testid="stSidebarNav"]')).to_have_count(0, timeout=10_000)
        shot(other, "sign-in-7-signed-out-in-another-tab")
        sign_in(other, url, dex, "viewer")  # a new sign-in, a new token: it stays signed in
        other.wait_for_timeout(7_000)  # longer than the tab's check of its sign-in
        assert other.locator('[data-testid="stSidebar"]').get_by_text("Vera Viewer").count() == 1
        assert other.get_by_role("button", name="Sign in").count() == 0
        sign_out(other, url)
    finally:
        other.close()
