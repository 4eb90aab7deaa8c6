"""An open Forecast page drawing a saved scenario that another process then deletes, in Chromium: nobody touches the
page, and it says the scenario was deleted and by whom, and stops drawing it, within a few of its looks at the store
(it went on showing the deleted scenario's forecast until the next click). The scenario open, and one drawn under
Overlay. The store is a local folder; the deletion is the CLI's or the REST service's, in another process."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import REFRESH, running_dashboard
from tests.support.browser import shot, wait_for_app
from varlib import Actor, ModelSpec, Registry, load_dataset, make_scenario, publish_result, train_model
from varlib.config import Settings

pytestmark = pytest.mark.e2e

ADMIN = Actor("Ada Admin", "ada", "http://issuer.test", "rest")
WAIT_MS = 8 * REFRESH * 1000


@pytest.fixture
def store(tmp_path):
    """var 0.0.1 with the saved scenarios `hold` (4 steps) and `keep` (6); the dashboard's settings."""
    settings = {"VARLIB_STORE_DIR": str(tmp_path / "store"), "VARLIB_AUTHOR": "e2e"}
    registry = Registry.from_settings(Settings.from_env(settings))
    publish_result(registry, train_model(load_dataset(), ModelSpec(("realgdp", "realcons"), lags=2)), "var")
    artifact = registry.load("var", "0.0.1")
    for name, steps in (("hold", 4), ("keep", 6)):
        registry.save_scenario(make_scenario(artifact, name, steps), ADMIN)
    return registry, {**settings, "VARLIB_REFRESH_SECONDS": str(REFRESH)}


def test_an_open_scenario_deleted_elsewhere_is_said_without_a_click(store, page):
    registry, settings = store
    with running_dashboard(settings) as url:
        page.goto(f"{url}/?model=var&version=0.0.1&scenario=hold")
        wait_for_app(page)
        page.get_by_text("Saved scenario hold by").first.wait_for()
        registry.delete_scenario("var", "0.0.1", "hold", ADMIN)
        said = "Saved scenario hold of var 0.0.1 was deleted by Ada Admin"
        expect(page.get_by_text(said)).to_be_visible(timeout=WAIT_MS)
        picker = page.locator('[data-testid="stSelectbox"]').filter(has_text="Saved scenario").locator("input")
        expect(picker).to_have_value("none: edit a new scenario")
        expect(page.get_by_text("Saved scenario hold by")).to_have_count(0)
        shot(page, "live-scenario-deleted")


def test_an_overlaid_scenario_deleted_elsewhere_is_no_longer_drawn_without_a_click(store, page):
    registry, settings = store
    with running_dashboard(settings) as url:
        page.goto(f"{url}/?model=var&version=0.0.1")
        wait_for_app(page)
        overlay = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Overlay")
        overlay.locator("input").click()
        page.get_by_role("option", name="keep", exact=True).click()
        page.keyboard.press("Escape")
        wait_for_app(page)
        drawn = "() => [...document.querySelectorAll('.js-plotly-plot')].some(p => p.data.some(d => d.name === 'keep'))"
        page.wait_for_function(drawn)
        registry.delete_scenario("var", "0.0.1", "keep", ADMIN)
        said = "Saved scenario keep of var 0.0.1 was deleted by Ada Admin"
        expect(page.get_by_text(said)).to_be_visible(timeout=WAIT_MS)
        page.wait_for_function(f"() => !({drawn[6:]})")
        shot(page, "live-overlay-deleted")
