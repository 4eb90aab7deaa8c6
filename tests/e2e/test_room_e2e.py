"""Chromium: the selection and each page's settings survive page switches and reloads through the URL,
presentation mode at 1920x1080 (the README's screenshot), and validation a person can see."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support.browser import (
    edit_newest_lag,
    grown_margins,
    label_spread,
    refresh_listings,
    shot,
    wait_for_app,
    wait_for_forecast,
)
from ui import presentation
from varlib import ModelSpec, load_dataset, publish_result, train_model

pytestmark = [pytest.mark.e2e, pytest.mark.minio]


def _sidebar_link(page, title: str):
    return page.locator('[data-testid="stSidebar"]').get_by_role("link", name=title, exact=True)


def test_selection_and_settings_follow_through_pages_and_reloads(dashboard, page):
    url, registry = dashboard
    page.goto(f"{url}/?model=var&version=0.0.1&steps=6")
    wait_for_app(page)
    wait_for_forecast(page, 6)
    _sidebar_link(page, "Diagnostics").click()
    page.wait_for_function("() => window.location.pathname.endsWith('/diagnostics')")
    wait_for_app(page)
    page.wait_for_function("() => window.location.search.includes('version=0.0.1')")
    assert "model=var" in page.url
    page.get_by_role("tab", name="Impulse responses").click()
    page.wait_for_function("() => window.location.search.includes('tab=impulse-responses')")
    wait_for_app(page)
    page.get_by_text("Orthogonalised impulse responses").first.wait_for()
    _sidebar_link(page, "Forecast").click()
    wait_for_app(page)
    wait_for_forecast(page, 6)  # the Forecast page kept its steps in this session
    page.wait_for_function("() => window.location.search.includes('version=0.0.1')")
    page.goto(f"{url}/diagnostics?model=var&version=0.0.1&tab=impulse-responses&irf=plain")  # a fresh session
    wait_for_app(page)
    page.get_by_text("Plain impulse responses").first.wait_for()
    assert page.get_by_role("tab", name="Impulse responses", selected=True).count() == 1
    shot(page, "room-1-diagnostics-from-link")


def _forecast_with_steps(page, address: str, first: int, then: str):
    """Open the Forecast page at `address` (drawn with `first` steps), then type `then` into Steps; the field."""
    page.goto(address)
    wait_for_app(page)
    wait_for_forecast(page, first)
    steps = page.get_by_label("Steps", exact=True)
    steps.fill(then)
    steps.press("Enter")
    wait_for_app(page)
    return steps


def test_back_and_forward_bring_earlier_views_back(dashboard, page):
    url, _ = dashboard
    steps = _forecast_with_steps(page, f"{url}/?model=var&version=0.0.1&steps=6", 6, "10")
    wait_for_forecast(page, 10)
    page.wait_for_function("() => window.location.search.includes('steps=10')")
    page.wait_for_timeout(1500)  # a person's Back, not a rerun begun before the address showed steps=10
    page.go_back()
    wait_for_app(page)
    wait_for_forecast(page, 6)
    page.wait_for_function("() => window.location.search.includes('steps=6')")
    expect(steps).to_have_value("6")
    page.wait_for_timeout(1500)
    page.go_forward()
    wait_for_app(page)
    wait_for_forecast(page, 10)
    assert "steps=10" in page.url
    expect(steps).to_have_value("10")


def test_presentation_mode_at_1920(dashboard, chromium):
    url, _ = dashboard
    context = chromium.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    try:
        page.goto(f"{url}/?model=var&version=0.0.1&steps=12&level=90&present=1")
        wait_for_app(page)
        wait_for_forecast(page, 12)
        page.locator('[data-testid="stSidebar"]').wait_for(state="hidden", timeout=10_000)  # it folds away
        wait_for_app(page)
        chart = page.locator('[data-testid="stPlotlyChart"]').first
        # Under the folded controls, not below them. Polled: in about one run of 20 the first chart was found
        # 1036 px down (where the second one sits) right after the forecast was drawn; the cause is not known.
        try:
            page.wait_for_function(
                "() => document.querySelector('[data-testid=\"stPlotlyChart\"]').getBoundingClientRect().y < 250",
                timeout=10_000,
            )
        except Exception:
            shot(page, "room-2-presentation-chart-low")
            raise
        box = chart.bounding_box()
        assert box["width"] > 1600 and box["height"] >= 700  # one chart fills the screen
        assert box["y"] + box["height"] <= page.viewport_size["height"]  # legend included: it follows the window
        assert box["y"] < 250
        plot = page.locator(".js-plotly-plot").first
        assert plot.locator(".gtitle").first.text_content() == "realgdp"
        assert plot.locator(".gtitle-subtitle").first.text_content() == "var 0.0.1 · mean with 90% standard interval"
        tick = plot.locator(".xtick text").first
        assert float(tick.evaluate("t => parseFloat(getComputedStyle(t).fontSize)")) >= 16
        wait_for_forecast(page, 12, chart=1)  # the second chart, drawn after the first
        assert grown_margins(page) == [[], []]  # laid out once: the margins hold the 18 px labels and legend
        shot(page, "room-2-presentation-1920")  # docs/screenshot-presentation.png is a copy of this one
        page.get_by_text("Forecast settings and lag inputs", exact=True).click()  # the folded controls, opened
        wait_for_app(page)
        page.get_by_text("Interval level", exact=True).wait_for()
        assert page.evaluate(SMALL_TEXT) == []  # labels, buttons and captions were 15.75 px
    finally:
        context.close()


# Every visible text of the page outside the charts (whose fonts chart_look sets) under 16 px: [text, px]
SMALL_TEXT = """() => {
  const small = [], walker = document.createTreeWalker(document.querySelector('[data-testid="stMain"]'), 4);
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim(), element = walker.currentNode.parentElement;
    const box = element.getBoundingClientRect(), style = getComputedStyle(element);
    if (!text || !box.width || element.closest('.js-plotly-plot') || style.fontFamily.includes('Material')) continue;
    if (parseFloat(style.fontSize) < 16) small.push([text.slice(0, 40), parseFloat(style.fontSize)]);
  }
  return small;
}"""


def test_a_presentation_grid_of_two_rows_fits_a_1080_px_window(dashboard, chromium):
    url, registry = dashboard
    names = ["realgdp", "realcons", "realinv"]
    result = train_model(load_dataset(variables=names), ModelSpec(tuple(names), transform="logdiff", lags=2))
    publish_result(registry, result, "three", "patch", "three variables: a grid of two rows")
    context = chromium.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    try:
        refresh_listings(page, url)  # a model published just now
        page.goto(f"{url}/?model=three&version=0.0.1&present=1&layout=grid")
        wait_for_app(page)
        page.locator('[data-testid="stSidebar"]').wait_for(state="hidden", timeout=10_000)
        page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .legend').length === 3")
        wait_for_app(page)
        bottoms = page.evaluate(
            "() => [...document.querySelectorAll('.js-plotly-plot')].map(p => p.getBoundingClientRect().bottom)"
        )
        height = page.evaluate("() => window.innerHeight")
        shot(page, "room-2-presentation-grid-1920")
        assert len(bottoms) == 3 and max(bottoms) <= height, (bottoms, height)  # legends included, no scrolling
    finally:
        context.close()


def test_steps_out_of_range_and_text_in_a_lag_cell_are_visible(dashboard, page):
    url, _ = dashboard
    steps = _forecast_with_steps(page, f"{url}/?model=var&version=0.0.1&steps=8", 8, "100000")
    page.get_by_text("100000 is outside 1–400: using 400.").wait_for()
    wait_for_forecast(page, 400)
    expect(steps).to_have_value("400")  # the field shows what the chart uses
    page.wait_for_function("() => window.location.search.includes('steps=400')")
    steps.fill("")  # an emptied field goes back to the default; the browser would send it as 0
    steps.press("Enter")
    page.get_by_text("Steps emptied: back to the default, 8.").wait_for()
    expect(steps).to_have_value("8")  # the field's new value can reach the browser just after the note
    wait_for_forecast(page, 8)

    edit_newest_lag(page, "12,5")
    wait_for_app(page)
    page.get_by_text("is '12,5', not a number").wait_for()
    expect(page.get_by_text("Fix the lag inputs to see the forecast.")).to_be_visible()
    # no forecast from inputs it cannot read (the charts of the run before go when this run ends)
    expect(page.locator('[data-testid="stPlotlyChart"]')).to_have_count(0, timeout=10_000)
    shot(page, "room-3-validation")


def test_an_embedded_forecast_is_a_presentation(dashboard, page):
    url, _ = dashboard
    page.goto(f"{url}/?model=var&version=0.0.1&embed=true")
    wait_for_app(page)
    wait_for_forecast(page, 8)
    page.get_by_text("Model and version").wait_for()  # the controls are folded away
    assert not page.get_by_label("Steps", exact=True).is_visible()
    assert page.locator('[data-testid="stPlotlyChart"]').first.bounding_box()["height"] >= presentation.STACK_HEIGHT


@pytest.mark.parametrize(
    "address, labels",
    [
        ("/?model=var&version=0.0.1", ["Steps", "Interval level", "Intervals"]),
        ("/compare?versions=var:0.0.1", ["Versions", "Steps", "Interval"]),
        ("/backtest?model=var", ["Model", "Version", "Origins (N)", "Horizon (h)", "Lag order"]),
    ],
)
def test_the_labels_of_a_row_of_controls_line_up(dashboard, page, address, labels):
    """A number field is taller than a row of buttons or a select, a radio list taller still: the row aligns
    its controls on their tops, so the labels above them stay on one line."""
    url, _ = dashboard
    page.goto(f"{url}{address}")
    wait_for_app(page)
    page.get_by_text(labels[-1], exact=True).first.wait_for()
    assert label_spread(page, labels) <= 1
