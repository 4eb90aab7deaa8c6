"""An open Forecast page on a pinned version whose folder is then deleted from the store by hand, in Chromium:
nobody touches the page, and it says the version it showed is no longer in the store and shows `latest` instead
(it went on showing the deleted version, then switched to `latest` without a word on the next click). The store
is a local folder."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import REFRESH, running_dashboard
from tests.support.browser import shot, wait_for_app
from varlib import ModelSpec, Registry, load_dataset, publish_result, train_model
from varlib.config import Settings

pytestmark = pytest.mark.e2e


def test_a_pinned_version_deleted_by_hand_is_said_without_a_click(tmp_path, page):
    settings = {"VARLIB_STORE_DIR": str(tmp_path / "store"), "VARLIB_AUTHOR": "e2e"}
    registry = Registry.from_settings(Settings.from_env(settings))
    result = train_model(load_dataset(), ModelSpec(("realgdp", "realcons"), lags=2))
    for _ in range(2):
        publish_result(registry, result, "var")
    with running_dashboard({**settings, "VARLIB_REFRESH_SECONDS": str(REFRESH)}) as url:
        page.goto(f"{url}/?model=var&version=0.0.1&steps=6")
        wait_for_app(page)
        picker = page.locator('[data-testid="stSelectbox"]').filter(has_text="Version").locator("input")
        expect(picker).to_have_value("0.0.1")
        shutil.rmtree(tmp_path / "store" / "models" / "var" / "0_0_1")
        expect(picker).to_have_value("latest (0.0.2)", timeout=8 * REFRESH * 1000)
        said = "var 0.0.1, which this page showed, is no longer in the store (deleted from it): latest (0.0.2) is shown"
        page.get_by_text(said).wait_for()
        page.get_by_text("var 0.0.2 · created").first.wait_for()
        shot(page, "live-pinned-deleted")
