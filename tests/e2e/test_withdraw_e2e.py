"""Withdrawing a version in the browser empties the form: the reason and the tick stayed on screen after a
withdrawal while the Version picker moved on, so a second click withdrew the next version with the first
one's reason (the app's own state said empty; the browser's form kept what it showed)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support.browser import wait_for_app
from varlib import publish_result

pytestmark = [pytest.mark.e2e, pytest.mark.minio]


def test_a_second_click_withdraws_nothing(dashboard, page, macro_result):
    url, registry = dashboard
    for _ in range(2):
        publish_result(registry, macro_result, "var")  # 0.0.2 and 0.0.3 beside 0.0.1
    page.goto(f"{url}/models?model=var")
    wait_for_app(page)
    page.get_by_text("Move an alias or withdraw a version").click()
    wait_for_app(page)
    form = page.locator('[data-testid="stForm"]').filter(has_text="Withdraw a version")
    form.get_by_label("Reason").fill("bad data in 2008")
    form.get_by_text("Withdraw the version picked above").click()
    form.get_by_role("button", name="Withdraw").click()
    page.get_by_text("is withdrawn.", exact=False).first.wait_for()
    wait_for_app(page)
    expect(form.get_by_label("Reason")).to_have_value("")
    expect(form.get_by_role("checkbox")).not_to_be_checked()
    form.get_by_role("button", name="Withdraw").click()
    page.get_by_text("Tick Withdraw the version picked above", exact=False).wait_for()
    assert len(registry.withdrawals("var")) == 1
