"""A real Chromium against `streamlit run app.py` on a real MinIO: drag a path in the scenario editor, save the
scenario (with the button: Enter in its name saves nothing), then open its link in a fresh page and see exactly
the same forecast."""

from __future__ import annotations

import json

import numpy as np
import pytest
from playwright.sync_api import expect

from tests.support.browser import FORECAST_CHART, refresh_listings, shot, table_overflow, wait_for_app
from tests.support.downloads import download_of, drawn_by_run
from varlib import forecast_artifact, publish_result

pytestmark = [pytest.mark.e2e, pytest.mark.minio]

TRACE = f"""([i, prefix]) => {{ const el = ({FORECAST_CHART})(i);
    if (!el || !el.data) return null;
    const t = el.data.find(d => (d.name || '').startsWith(prefix));
    return t ? {{x: Array.from(t.x).map(String), y: Array.from(t.y)}} : null; }}"""


def _trace(page, prefix: str, chart: int = 0) -> dict:
    page.wait_for_function(f"(a) => ({TRACE})(a) !== null", arg=[chart, prefix])
    return page.evaluate(TRACE, [chart, prefix])


def test_drag_a_path_save_the_scenario_and_open_its_link(dashboard, page, browser_context):
    url, registry = dashboard
    page.goto(f"{url}/?model=var&version=latest&steps=6")
    wait_for_app(page)
    page.get_by_text("Scenario: conditions", exact=True).click()  # the editor is drawn when opened
    wait_for_app(page)
    page.get_by_text("Drag a path", exact=True).click()
    wait_for_app(page)
    # the held level of realgdp, starting at its forecast for step 1
    level = page.locator('[data-testid="stSlider"]').filter(has_text="Level").get_by_role("slider")
    level.scroll_into_view_if_needed()
    box = level.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 60, box["y"] + box["height"] / 2, steps=8)  # drag it up
    page.mouse.up()
    wait_for_app(page)
    page.get_by_role("button", name="Apply to the table").click()
    wait_for_app(page)
    held = _trace(page, "condition")["y"]
    assert len(held) == 6 and len(set(held)) == 1  # one level, held over every step
    scenario_line = _trace(page, "scenario", chart=1)["y"]
    _trace(page, "baseline", chart=1)  # the baseline is overlaid
    shot(page, "scenario-1-dragged")

    page.get_by_label("Name", exact=True).fill("gdp-hel")
    page.get_by_label("Name", exact=True).press("Enter")  # a name being typed: a saved scenario is never overwritten
    wait_for_app(page)
    assert registry.scenarios("var", "0.0.1") == [] and "scenario=" not in page.url
    page.get_by_label("Name", exact=True).fill("gdp-held")
    page.get_by_role("button", name="Save scenario").click()
    wait_for_app(page)
    page.wait_for_function("() => window.location.search.includes('scenario=gdp-held')")
    assert "version=0.0.1" in page.url  # the link pins the version the scenario is for
    saved = registry.scenario("var", "0.0.1", "gdp-held")
    assert saved.conditions["realgdp"] == pytest.approx(held)
    expected = forecast_artifact(registry.load("var", "0.0.1"), 6, conditions=saved.conditions)
    np.testing.assert_allclose(scenario_line[1:], expected.forecast.mean[:, 1], rtol=1e-9)
    link = page.url
    shot(page, "scenario-2-saved")

    fresh = browser_context.new_page()
    fresh.set_default_timeout(60_000)
    fresh.goto(link)
    wait_for_app(fresh)
    reopened = _trace(fresh, "gdp-held", chart=1)["y"]
    np.testing.assert_allclose(reopened, scenario_line, rtol=1e-12)
    expect(fresh.get_by_text("Saved scenario").first).to_be_visible()
    expect(fresh.get_by_text("gdp-held").first).to_be_visible()
    shot(fresh, "scenario-3-reopened")
    fresh.close()


def test_a_fan_charts_table_fits_the_page_at_1440(dashboard, page):
    """A fan's bounds for every variable in one table were wider than the page; each variable has its own."""
    url, _ = dashboard
    page.goto(f"{url}/?model=var&version=0.0.1&fan=50,80,95")
    wait_for_app(page)
    page.get_by_text("Forecast table and downloads").click()
    wait_for_app(page)
    page.get_by_role("tab", name="realcons").wait_for()
    assert table_overflow(page) == [0, 0]  # the lag inputs and the first variable's table, whole
    page.get_by_role("tab", name="realcons").click()
    assert table_overflow(page) == [0, 0]
    shot(page, "fan-table")


def test_the_json_download_of_a_withdrawn_version_says_so(dashboard, page, macro_result, tmp_path):
    """The download is the CLI's `forecast --json`: with the withdrawal of a version named by its number."""
    url, registry = dashboard
    publish_result(registry, macro_result, "gone")
    registry.withdraw("gone", "0.0.1", "trained on the wrong file")
    refresh_listings(page, url)  # a model published just now
    page.goto(f"{url}/?model=gone&version=0.0.1&steps=3")
    wait_for_app(page)
    page.get_by_text("was withdrawn", exact=False).first.wait_for()
    page.get_by_text("Forecast table and downloads").click()
    download = download_of(page, drawn_by_run(page, page.get_by_role("button", name="Download JSON")))
    target = tmp_path / "forecast.json"
    download.save_as(target)
    content = json.loads(target.read_text())
    assert content["withdrawn"]["reason"] == "trained on the wrong file" and content["version"] == "0.0.1"
    assert len(content["mean"]) == 3


def test_typed_notes_are_shown_as_typed_and_fetch_nothing(dashboard, page, macro_result):
    """A scenario's or a version's notes went through markdown: an image in them made every viewer's browser ask
    another host, and `# `, `- ` or `:red[...]` restyled the page."""
    from tests.support.browser import other_hosts
    from varlib import make_scenario

    url, registry = dashboard
    typed = "GDP **falls** ![px](http://127.0.0.1:9/track.png) :red[URGENT]\n# not a heading\n- not a list"
    version = publish_result(registry, macro_result, "typed", notes=typed)
    registry.save_scenario(make_scenario(version, "typed-notes", 4, conditions={"realgdp": [13000.0]}, notes=typed))
    refresh_listings(page, url)  # a model published just now
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{url}/?model=typed&version={version.version}&scenario=typed-notes")
    wait_for_app(page)
    page.get_by_text("Saved scenario typed-notes", exact=False).wait_for()
    page.locator(".js-plotly-plot").first.wait_for()
    assert other_hosts(asked, url) == []
    main = page.locator('[data-testid="stMain"]')
    assert main.locator("img[src*='track.png'], h1:has-text('not a heading'), li:has-text('not a list')").count() == 0
    text = main.inner_text().replace("\u2060", "")  # ui.literal's invisible break of a bare link
    assert main.locator("a[href*='127.0.0.1:9']").count() == 0  # and no link made of it
    assert text.count("GDP **falls** ![px](http://127.0.0.1:9/track.png) :red[URGENT]") == 2  # the card, the scenario
    assert "# not a heading" in text and "- not a list" in text
