"""A real Chromium trains, publishes and forecasts a VECM, then looks at it on Diagnostics and Compare."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support.browser import cut_selects, shot, wait_for_app, wait_for_forecast
from tests.support.grid import grid_columns
from varlib import forecast_artifact

pytestmark = [pytest.mark.e2e, pytest.mark.minio]


def test_train_publish_and_forecast_a_vecm(dashboard, page):
    url, registry = dashboard
    page.goto(f"{url}/train")
    wait_for_app(page)
    page.get_by_text("VECM (vector error correction", exact=False).click()
    wait_for_app(page)
    page.get_by_role("combobox", name="Deterministic terms").wait_for()
    _pick(page, "Deterministic terms", "cilo (constant inside, trend outside)")  # among the longest
    assert cut_selects(page) == []  # every select shows its whole value at 1440 px
    _pick(page, "Deterministic terms", "co (constant outside the relation)")
    name = page.get_by_label("Model name", exact=True)
    name.fill("macro-vecm")
    name.press("Enter")
    wait_for_app(page)
    page.get_by_role("button", name="Train", exact=True).click()
    wait_for_app(page)
    page.get_by_text("Trained VECM of cointegration rank 1 (Johansen trace test at 5%)").wait_for()
    cointegration = page.get_by_text("Cointegration", exact=True).first  # Johansen's table of the training rows
    cointegration.wait_for()
    cointegration.scroll_into_view_if_needed()
    shot(page, "vecm-1-trained")
    page.get_by_role("button", name="Publish", exact=True).click()
    wait_for_app(page)
    link = page.get_by_role("link", name="Open macro-vecm 0.0.1 on the Forecast page")
    link.wait_for()
    artifact = registry.load("macro-vecm", "0.0.1")
    assert artifact.spec.kind == "vecm" and artifact.params.coint_rank == 1
    shot(page, "vecm-2-published")

    link.click()
    wait_for_app(page)
    page.wait_for_function("() => window.location.search.includes('model=macro-vecm')")
    line = wait_for_forecast(page, 8)
    expected = forecast_artifact(artifact, 8, 0.05)
    assert line["y"][1:] == pytest.approx(expected.forecast.mean[:, 0].tolist(), rel=1e-9)
    page.get_by_text("VECM of cointegration rank 1").first.wait_for()  # the model card says what it is
    # a VECM offers standard intervals only: the control shows that kind, disabled, never "corrected"
    expect(page.get_by_role("radio", name="standard", exact=True)).to_be_disabled(timeout=10_000)
    assert page.get_by_text("corrected", exact=True).count() == 0
    shot(page, "vecm-3-forecast")

    page.goto(f"{url}/diagnostics?model=macro-vecm&version=0.0.1")
    wait_for_app(page)
    # a VECM's ten tabs fit the strip at 1440 px: none is cut off or behind a scroll arrow
    cut = page.evaluate(
        """() => { const strip = document.querySelector('[data-testid="stTabs"] [role="tablist"]');
                   const edge = strip.getBoundingClientRect().right;
                   return [...strip.querySelectorAll('[role="tab"]')]
                     .filter(tab => tab.getBoundingClientRect().right > edge + 0.5).map(tab => tab.innerText); }"""
    )
    assert page.get_by_role("tab").count() == 10 and cut == []
    page.get_by_role("tab", name="Cointegration", exact=True).click()
    page.get_by_text("Cointegration relations (β, normalised)").wait_for()
    shot(page, "vecm-4-diagnostics-cointegration")
    page.get_by_role("tab", name="Stability", exact=True).click()
    page.get_by_text("1 eigenvalue of its VAR representation is exactly 1").first.wait_for()
    shot(page, "vecm-5-diagnostics-stability")

    page.goto(f"{url}/compare")
    wait_for_app(page)
    page.locator('[data-testid="stMultiSelect"]').first.click()
    page.get_by_role("option", name="macro-vecm 0.0.1").click()
    page.keyboard.press("Escape")
    wait_for_app(page)
    page.wait_for_function(
        """() => [...document.querySelectorAll('.js-plotly-plot')].some(
                   el => el.data.some(d => (d.name || '').startsWith('macro-vecm 0.0.1')))"""
    )
    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    shot(page, "vecm-6-compare")
    # double-clicking the Models table's cell of the one-line model shows all of it (a long one is cut at 1440 px)
    assert _models_cell_read_whole(page, url, "model") == artifact.description


def _models_cell_read_whole(page, url: str, column: str) -> str:
    """The text the Models table shows when the first row's `column` cell is double-clicked."""
    page.goto(f"{url}/models?model=macro-vecm")
    wait_for_app(page)
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.wait_for()
    columns = grid_columns(page, 1)[0]
    at = [c["header"] for c in columns].index(column)
    left = sum(c["width"] for c in columns[:at])
    box = grid.bounding_box()
    page.mouse.dblclick(box["x"] + left + columns[at]["width"] / 2, box["y"] + 52)  # the first row
    overlay = page.locator("textarea.gdg-input")
    overlay.wait_for()
    text = overlay.input_value()
    page.keyboard.press("Escape")
    return text


def _pick(page, label: str, option: str) -> None:
    page.get_by_role("combobox", name=label).click()
    page.get_by_role("option", name=option, exact=True).click()
    wait_for_app(page)


def test_the_var_selects_show_their_whole_value(dashboard, page):
    url, _ = dashboard
    page.goto(f"{url}/train")
    wait_for_app(page)
    _pick(page, "Trend", "ct (constant + linear trend)")
    _pick(page, "Transform", "logdiff (log differences)")
    assert cut_selects(page) == []
