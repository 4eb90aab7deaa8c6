"""The Forecast page in a real Chromium: the lag table's read-only date column draws the periods as the charts'
hovers name them (2009Q3) while its cells keep the ISO dates and an edit forecasts from exactly the value typed;
the downloads of edited lag inputs say so in their file names and hold the inputs in their JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.browser import (
    FORECAST_LINE,
    edit_newest_lag,
    forecast_trace,
    shot,
    wait_for_app,
    wait_for_forecast,
)
from tests.support.downloads import download_of, drawn_by_run

pytestmark = pytest.mark.e2e
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "e2e"


def test_the_lag_table_shows_periods_and_the_edited_downloads_say_so(local_dashboard, page, tmp_path):
    page.goto(f"{local_dashboard}/?model=var&version=0.0.1&steps=6&level=90")
    wait_for_app(page)
    own = wait_for_forecast(page, 6)
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    # the canvas draws 2008Q4..2009Q3 (test-artifacts/e2e/forecast-lag-grid.png; AppTest checks the column's labels);
    # its accessible cells, which screen readers and a copy read, keep the exact ISO date
    grid.locator('[role="gridcell"]', has_text="2009-07-01").first.wait_for(state="attached")
    grid.screenshot(path=str(ARTIFACTS / "forecast-lag-grid.png"))
    edit_newest_lag(page, "13500")
    wait_for_app(page)
    page.wait_for_function("() => window.location.search.includes('lags=')")
    page.wait_for_function(f"() => ({FORECAST_LINE})(0)?.y[0] === 13500")
    assert forecast_trace(page)["y"][1] != pytest.approx(own["y"][1])
    page.get_by_text("Forecast table and downloads").click()
    download = download_of(page, drawn_by_run(page, page.get_by_role("button", name="Download JSON")))
    assert download.suggested_filename == "var-0.0.1-forecast-6-steps-90pct-standard-edited-lags.json"
    target = tmp_path / "forecast.json"
    download.save_as(target)
    content = json.loads(target.read_text())
    assert content["lag_inputs"][-1][0] == 13500.0 and content["lag_dates"][-1] == "2009-07-01"
    assert content["index"][0] == "2009-10-01"  # ISO dates for programs
    shot(page, "forecast-periods-edited-downloads")
