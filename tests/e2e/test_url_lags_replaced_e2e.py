"""A real Chromium on the Forecast page: a lag CSV replaced in its uploader by one of the same values (`;` and
decimal commas) leaves the lag inputs in the address bar, so a reload forecasts from them. The uploader asks for
two runs at once, the old file's removal and the new file, both sent from the address with the lags."""

from __future__ import annotations

import contextlib

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from tests.app.test_url_lags_replaced import CARRIED, GOOD, SEMICOLON
from tests.support.browser import wait_for_app

pytestmark = [pytest.mark.e2e, pytest.mark.minio]

UPLOADER = '[data-testid="stFileUploaderDropzone"] input[type="file"]'
HAS_LAGS = "() => new URLSearchParams(location.search).has('lags')"


def test_a_lag_csv_replaced_by_one_of_the_same_values_keeps_them_in_the_address(dashboard, page, tmp_path):
    url, _ = dashboard
    good, semicolon = tmp_path / "lags_good.csv", tmp_path / "lags_semicolon.csv"
    good.write_bytes(GOOD)
    semicolon.write_bytes(SEMICOLON)
    page.goto(f"{url}/?model=var")
    wait_for_app(page)
    page.get_by_text("Upload lag inputs (CSV)").click()
    page.locator(UPLOADER).set_input_files(str(good))
    page.wait_for_function(HAS_LAGS)
    wait_for_app(page)
    with_lags = page.url
    page.locator(UPLOADER).set_input_files(str(semicolon))
    page.get_by_text("lags_semicolon.csv").wait_for()
    wait_for_app(page)
    page.wait_for_timeout(1_000)  # both runs over: the address bar holds the last write
    wait_for_app(page)
    expect(page.get_by_text(CARRIED, exact=False)).to_be_visible()
    # on a loaded machine the second run can start later still, and the address is read until it holds the lags
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function("(want) => location.href === want", arg=with_lags, timeout=10_000)
    assert page.url == with_lags, "the address bar lost the lag inputs the page forecasts from"
    page.reload()
    wait_for_app(page)
    expect(page.get_by_text(CARRIED, exact=False)).to_be_visible()  # the link's inputs, not the model's own
