"""Presentation mode, in Chromium: the line above the folded controls that names a link's value not used goes when
the presenter changes that value in the opened controls, and the controls stay open when it goes. Changing the steps
reruns the settings' fragment only, which left the line saying the link's steps were used in place of the typed
ones; a line gone moved the fold, which the browser drew anew, closed under the presenter's hands. The store is a
local folder."""

from __future__ import annotations

import pytest

from tests.support.browser import wait_for_app
from ui.forecast_panel import FOLD

pytestmark = pytest.mark.e2e
NOTICE = '[data-testid="stAlert"]:not([data-testid="stExpander"] *)'  # above the folded controls


def _said_and_open(page, change) -> tuple[list[str], bool]:
    """The notices above the fold once `change` is made in the opened controls, and whether they are still open."""
    wait_for_app(page)
    page.get_by_text(FOLD, exact=True).click()
    wait_for_app(page)
    change(page)
    page.wait_for_timeout(1500)  # the rerun the change starts
    wait_for_app(page)
    said = [text for text in page.locator(NOTICE).all_inner_texts() if text.strip()]
    fold = page.locator('[data-testid="stExpander"] details', has=page.get_by_text(FOLD, exact=True))
    return said, fold.get_attribute("open") is not None


def _typed(page) -> None:
    field = page.locator('[data-testid="stNumberInput"] input').first
    field.fill("12")
    field.press("Enter")


def test_steps_typed_over_a_links_drop_its_notice_and_keep_the_controls_open(local_var_dashboard, chromium):
    page = chromium.new_context(viewport={"width": 1440, "height": 1000}).new_page()
    try:
        page.goto(f"{local_var_dashboard}/?model=var&version=0.0.1&steps=999&present=1")
        wait_for_app(page)
        assert "The link's 999 steps are outside" in page.locator(NOTICE).first.inner_text()
        said, opened = _said_and_open(page, _typed)
        assert said == [] and opened, said
    finally:
        page.context.close()


def test_lag_inputs_reset_keep_the_controls_open(local_var_dashboard, chromium):
    lags = "~".join(f"{13000 + 10 * i},{9200 + 10 * i}" for i in range(9))  # more rows than the model's lags
    page = chromium.new_context(viewport={"width": 1440, "height": 1000}).new_page()
    try:
        page.goto(f"{local_var_dashboard}/?model=var&version=0.0.1&lags={lags}&present=1")
        wait_for_app(page)
        assert "The link's lag inputs were not used" in page.locator(NOTICE).first.inner_text()
        said, opened = _said_and_open(page, lambda p: p.get_by_text("Reset to the model's last observations").click())
        assert said == [] and opened, said
    finally:
        page.context.close()
