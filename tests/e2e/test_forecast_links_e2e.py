"""Links to the Forecast page from the Models and Train pages, in a real Chromium: their href names the
Forecast page's own address (the app's root), so a new tab, a middle click or a copied address opens the
Forecast page with the version, and a left click still navigates inside the app. Leaving the page through the
sidebar and coming back keeps its edited lag inputs."""

from __future__ import annotations

import pytest

from tests.support.browser import shot, wait_for_app, wait_for_forecast

pytestmark = pytest.mark.e2e

STAYED = "window.__not_reloaded"  # set before a click: still there after it means no page load happened


def _opens_the_forecast_page(browser_context, href: str, model: str, version: str, steps: int = 8) -> None:
    """`href` opened in a fresh tab, as a middle click or a pasted address does: the Forecast page with it."""
    tab = browser_context.new_page()
    tab.set_default_timeout(60_000)
    try:
        tab.goto(href)
        wait_for_app(tab)
        tab.get_by_role("heading", name="Forecast", exact=True).wait_for()
        tab.get_by_text(f"{model} {version} · created").wait_for()
        wait_for_forecast(tab, steps)
        assert tab.url.startswith(href.split("?")[0] + "?") and f"version={version}" in tab.url
    finally:
        tab.close()


def _left_click_stays_in_the_app(page, link, model: str, version: str) -> None:
    page.evaluate(f"{STAYED} = true")
    link.click()
    wait_for_app(page)
    page.get_by_role("heading", name="Forecast", exact=True).wait_for()
    page.get_by_text(f"{model} {version} · created").wait_for()
    assert page.evaluate(STAYED) is True  # the app switched pages; the browser did not load one


def _link_opens_the_forecast_page(page, browser_context, name: str, url: str, model: str, version: str) -> None:
    """The link called `name` names the Forecast page at the root, opens it in a new tab and, clicked, switches
    to it inside the app."""
    link = page.get_by_role("link", name=name)
    link.wait_for()
    href = link.evaluate("a => a.href")  # the address the browser resolved, as "Copy link address" gives it
    assert href == f"{url}/?model={model}&version={version}"
    _opens_the_forecast_page(browser_context, href, model, version)
    _left_click_stays_in_the_app(page, link, model, version)


def test_the_models_page_link_opens_the_forecast_page_in_a_new_tab(local_dashboard, page, browser_context):
    url = local_dashboard
    page.goto(f"{url}/models?model=var&version=0.0.1")
    wait_for_app(page)
    _link_opens_the_forecast_page(page, browser_context, "Forecast with var 0.0.1", url, "var", "0.0.1")


def test_the_train_page_link_opens_the_published_version_on_the_forecast_page(local_dashboard, page, browser_context):
    url = local_dashboard
    page.goto(f"{url}/train")
    wait_for_app(page)
    page.get_by_role("button", name="Train", exact=True).click()
    wait_for_app(page)
    page.get_by_role("button", name="Publish", exact=True).click()
    wait_for_app(page)
    page.get_by_role("link", name="Open macrodata 0.0.1 on the Forecast page").wait_for()
    shot(page, "links-train-published")
    name = "Open macrodata 0.0.1 on the Forecast page"
    _link_opens_the_forecast_page(page, browser_context, name, url, "macrodata", "0.0.1")


def test_the_copy_link_of_the_forecast_page_names_the_root_with_its_slash(local_dashboard, page, browser_context):
    """st.context.url of the root page has no path: the link read `host:port?model=…` before."""
    url = local_dashboard
    page.goto(f"{url}/?model=var&version=0.0.1&steps=5")
    wait_for_app(page)
    wait_for_forecast(page, 5)
    page.get_by_role("button", name="Copy link").click()
    code = page.locator("[data-testid='stPopoverBody'] code").first
    code.wait_for()
    link = code.inner_text().strip()
    assert link.startswith(f"{url}/?") and "model=var" in link and "steps=5" in link, link
    _opens_the_forecast_page(browser_context, link, "var", "0.0.1", steps=5)


def test_edited_lag_inputs_are_back_after_another_page(local_dashboard, page):
    """Streamlit forgets a table editor's edits once a page without it runs; the Forecast page keeps them."""
    from tests.support.browser import edit_newest_lag, forecast_trace, wait_for_forecast_point, wait_for_forecast_value

    url = local_dashboard
    page.goto(f"{url}/?model=var&version=0.0.1&steps=4")
    wait_for_app(page)
    own = wait_for_forecast(page, 4)["y"][1]
    edit_newest_lag(page, "14000")
    wait_for_forecast_value(page, 1, own)
    edited = forecast_trace(page)["y"][1]
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_role("link", name="Models", exact=True).click()
    page.get_by_role("heading", name="Models", exact=True).wait_for()
    wait_for_app(page)
    sidebar.get_by_role("link", name="Forecast", exact=True).click()
    wait_for_app(page)
    assert abs(edited - own) > 1e-6
    wait_for_forecast(page, 4)
    wait_for_forecast_point(page, 1, edited)
    page.get_by_text("1 value differs from the model's own data").wait_for()
    shot(page, "forecast-lag-edits-kept")


def test_the_forecast_page_by_its_name_opens_it_at_the_root_with_the_address_settings(local_dashboard, page):
    """`/forecast`, as the other pages' addresses suggest, opens the Forecast page (served at the root) with the
    address's settings; it opened behind Streamlit's "Page not found" dialog."""
    page.goto(f"{local_dashboard}/forecast?model=var&version=0.0.1&steps=5")
    wait_for_app(page)
    page.get_by_role("heading", name="Forecast", exact=True).wait_for()
    page.get_by_text("var 0.0.1 · created").wait_for()
    wait_for_forecast(page, 5)
    assert page.url.startswith(f"{local_dashboard}/?") and "steps=5" in page.url and "version=0.0.1" in page.url
    assert page.get_by_text("Page not found").count() == 0
