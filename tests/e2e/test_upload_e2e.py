"""A real Chromium on the Train page with a user's quarterly CSV that has gaps: the preview names them,
interpolation is chosen, the fit's adequacy is shown before publishing, and the published version's card
says how the gaps were filled."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.app.test_train_upload import gappy_csv
from tests.support.browser import shot, table_height, upload_for_training, wait_for_app, wait_for_forecast

pytestmark = [pytest.mark.e2e, pytest.mark.minio]


def test_upload_with_gaps_interpolate_train_and_publish(dashboard, page, tmp_path):
    url, registry = dashboard
    csv = tmp_path / "regional accounts.csv"
    csv.write_bytes(gappy_csv())
    page.goto(f"{url}/train")
    wait_for_app(page)
    upload_for_training(page, csv)
    page.get_by_text(
        "quarterly dates with missing periods: 1995Q2, 1995Q3 (2 periods)"
    ).wait_for()  # MISSING, as quarters
    expect(page.get_by_text("text (not usable): region", exact=False).first).to_be_visible()
    expect(page.get_by_label("Model name", exact=True)).to_have_value("regional-accounts", timeout=30_000)
    shot(page, "upload-1-preview")

    page.get_by_text("interpolate (fill each gap linearly)", exact=True).click()
    wait_for_app(page)
    page.get_by_text("the sample-aware maximum on these 70 rows", exact=False).wait_for()
    page.get_by_role("button", name="Train", exact=True).click()
    wait_for_app(page)
    page.get_by_text("Adequacy of the fit").wait_for()
    page.get_by_text("Stability.", exact=False).first.wait_for()
    page.get_by_text("Adequacy of the fit").scroll_into_view_if_needed()
    shot(page, "upload-2-trained")

    page.get_by_role("button", name="Publish", exact=True).click()
    wait_for_app(page)
    link = page.get_by_role("link", name="Open regional-accounts 0.0.1 on the Forecast page")
    link.wait_for()
    (entry,) = registry.list_versions("regional-accounts")
    assert entry.card.fill.startswith("interpolate: 2 periods added") and entry.card.frequency == "quarterly"

    link.click()
    wait_for_app(page)
    wait_for_forecast(page, 8)
    page.get_by_text("missing data: interpolate: 2 periods added", exact=False).first.wait_for()
    shot(page, "upload-3-forecast-card")


def test_the_lag_selection_table_shows_every_lag_searched(dashboard, page):
    """It stopped at 400 px, about ten lags, so an order chosen past the tenth was out of sight."""
    url, _ = dashboard
    page.goto(f"{url}/train")
    wait_for_app(page)
    page.get_by_role("button", name="Train", exact=True).click()
    wait_for_app(page)
    page.get_by_text("Lag selection", exact=True).wait_for()
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    height = table_height(page, 35 * 15)  # the grid takes its full height a moment after its rows are drawn
    assert height >= 35 * 15, height  # the header and lags 1 to 14 (the bundled data's search), each 35 px
