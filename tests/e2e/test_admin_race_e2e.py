"""Two admins at once on the Models page: the one who clicks second had picked a version the first one has just
withdrawn, and the click withdrew the version the picker fell back to, with the second admin's reason."""

from __future__ import annotations

import pytest

from tests.support.browser import wait_for_app
from varlib import publish_result

pytestmark = [pytest.mark.e2e, pytest.mark.minio]


def _open_withdraw_form(page, url: str):
    page.goto(f"{url}/models?model=var")
    wait_for_app(page)
    page.get_by_text("Move an alias or withdraw a version").click()
    wait_for_app(page)
    return page.locator('[data-testid="stForm"]').filter(has_text="Withdraw a version")


def _pick(form, page, version: str) -> None:
    page.bring_to_front()  # a tab in the background draws no dropdown
    form.get_by_role("combobox", name="Version").click()
    page.keyboard.type(version)
    page.keyboard.press("Enter")
    wait_for_app(page)


def test_a_version_withdrawn_by_another_admin_meanwhile_takes_no_other(dashboard, page, browser_context, macro_result):
    url, registry = dashboard  # this module's own: nothing listed yet, so the versions published here are offered
    for _ in range(2):
        publish_result(registry, macro_result, "var")  # 0.0.2 and 0.0.3 beside 0.0.1
    other = browser_context.new_page()
    other.set_default_timeout(60_000)
    try:
        mine, theirs = _open_withdraw_form(page, url), _open_withdraw_form(other, url)
        _pick(mine, page, "0.0.2")
        mine.get_by_label("Reason").fill("wrong file")
        mine.get_by_text("Withdraw the version picked above").click()
        _pick(theirs, other, "0.0.2")
        theirs.get_by_label("Reason").fill("pulled")
        theirs.get_by_text("Withdraw the version picked above").click()
        theirs.get_by_role("button", name="Withdraw").click()
        other.get_by_text("is withdrawn.", exact=False).first.wait_for()
        page.bring_to_front()
        mine.get_by_role("button", name="Withdraw").click()
        page.get_by_text("after this form was drawn: nothing was changed", exact=False).wait_for()
        withdrawn = registry.withdrawals("var")
        assert [str(v) for v in withdrawn] == ["0.0.2"] and next(iter(withdrawn.values())).reason == "pulled"
        assert str(registry.resolve_latest("var")) == "0.0.3"
    finally:
        other.close()
