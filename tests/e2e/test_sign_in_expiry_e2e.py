"""A dashboard session ends when the provider's ID token does: Streamlit keeps the sign-in in a cookie for 30
days and never asks the provider again, so an admin whose role was taken away stayed an admin."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import dashboard_signing_in, sign_in
from tests.support.browser import wait_for_app

pytestmark = [pytest.mark.e2e, pytest.mark.minio]
LIFETIME_S = 20


@pytest.fixture(scope="module")
def short_sessions(minio, macro_result, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("expiry")
    with dashboard_signing_in(minio, macro_result, workdir, id_token_expiry=f"{LIFETIME_S}s") as running:
        yield running


def test_an_expired_sign_in_asks_to_sign_in_again(short_sessions, page):
    url, _, dex = short_sessions
    sign_in(page, url, dex, "admin")
    signed_at = time.monotonic()  # the token was issued before this: its lifetime has begun
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.get_by_text("admin", exact=True).count() == 1
    time.sleep(max(0.0, LIFETIME_S + 2 - (time.monotonic() - signed_at)))
    expired = page.get_by_text("Your sign-in has expired: sign in again to go on.")
    # the open page turns by itself (its check runs every 5 s; a loaded machine runs it late), without a click
    expired.wait_for(timeout=30_000)
    # the message comes first in the run that clears the page: its elements go when that run ends
    expect(page.locator('[data-testid="stPlotlyChart"]')).to_have_count(0, timeout=10_000)
    page.goto(f"{url}/models")
    wait_for_app(page)
    page.get_by_text("Your sign-in has expired: sign in again to go on.").wait_for()
    expect(page.get_by_role("button", name="Sign in")).to_have_count(1, timeout=10_000)
    assert page.get_by_text("Move an alias or withdraw a version").count() == 0
    sign_in(page, url, dex, "admin", link="/models")  # a new token: the pages are back
    page.get_by_text("Move an alias or withdraw a version").wait_for()


def test_with_the_provider_down_the_sign_in_screen_says_so(short_sessions, page):
    """Streamlit's sign-in ended on a bare page reading "Authentication error" while the provider was down."""
    url, _, dex = short_sessions
    page.context.clear_cookies()  # signed out
    dex.stop()  # the last test of this module: its Dex stays down
    page.goto(url)
    wait_for_app(page)
    page.get_by_text("The sign-in service is not answering, so signing in would fail", exact=False).wait_for()
    expect(page.get_by_role("button", name="Sign in")).to_be_disabled(timeout=10_000)
