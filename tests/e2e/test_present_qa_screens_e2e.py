"""Presentation mode on the screens of a meeting room, in Chromium (QA pass): one chart fits a 1280x720 projector,
a 1366x768 laptop and a 1920x1080 screen; a portrait screen's grid keeps room for the plot, the subtitle and the
legend, and long names stay inside their cell; the small grey text stays readable when the viewer switches to
Dark in the menu; an exported image keeps the top of a title of two lines.

What the browser draws is measured, not computed. The store is a local folder (no MinIO needed).
"""

from __future__ import annotations

import contextlib
import io
import re

import numpy as np
import pytest
from PIL import Image
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.e2e.conftest import running_dashboard
from tests.support.browser import wait_for_app
from tests.support.readings import settled
from ui import presentation
from ui.chart_look import background_colour
from varlib import ModelSpec, Registry, load_dataset, publish_result, train_model
from varlib.config import Settings

pytestmark = pytest.mark.e2e
GDP = "Real gross domestic product, seasonally adjusted annual rate (bn 2012 USD)"
KONSUM = "Konsum/Privathaushalte: Ausgaben in Mrd. € (Äquivalenz)"

# Per chart: its box, its plot's height and the texts that leave the box, [text, px beyond]
CHARTS = """() => [...document.querySelectorAll('.js-plotly-plot')].map(el => {
  const box = el.getBoundingClientRect(), out = [];
  el.querySelectorAll('svg text').forEach(t => { const r = t.getBoundingClientRect();
    if (r.width && (r.right > box.right + 1 || r.left < box.left - 1 || r.bottom > box.bottom + 1))
      out.push([t.textContent, Math.round(Math.max(r.right - box.right, r.bottom - box.bottom))]); });
  return {top: box.top, left: box.left, bottom: box.bottom, width: box.width, height: box.height, out,
          plot: el.querySelector('.nsewdrag')?.getBoundingClientRect().height ?? 0}; })"""
# The charts the page has mounted since it opened, each element once, and how many of them it has removed since
CHARTS_SEEN = """window.__seen = new Set();
new MutationObserver(records => records.forEach(r => r.addedNodes.forEach(n => { if (n.nodeType === 1)
  [n, ...n.querySelectorAll('[data-testid=stPlotlyChart]')].forEach(c => c.matches('[data-testid=stPlotlyChart]')
    && window.__seen.add(c)); }))).observe(document, {childList: true, subtree: true});"""
MOUNTS = "() => ({added: window.__seen.size, removed: [...window.__seen].filter(c => !c.isConnected).length})"
# greys is null while the first chart is being mounted again (a switch of theme asks for one run that redraws it)
GREYS = """() => { const el = document.querySelector('.js-plotly-plot');
  const texts = el ? [el.querySelector('.xtick text'), el.querySelector('.gtitle-subtitle')] : [null];
  return {background: getComputedStyle(document.querySelector('.stApp')).backgroundColor,
          greys: texts.every(t => t) ? texts.map(t => getComputedStyle(t).fill) : null};
}"""
DRAWN_GREYS = f"() => {{ const colours = ({GREYS})(); return colours.greys && colours; }}"


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    """A dashboard on a local store holding `four` (four variables, log differences) and `long` (two variables
    named by long CSV columns), each 0.0.1."""
    folder = tmp_path_factory.mktemp("room") / "store"
    settings = {"VARLIB_STORE_DIR": str(folder), "VARLIB_AUTHOR": "e2e"}
    registry = Registry.from_settings(Settings.from_env(settings))
    names = ["realgdp", "realcons", "realinv", "realgovt"]
    spec = ModelSpec(tuple(names), transform="logdiff", lags=2)
    publish_result(registry, train_model(load_dataset(variables=names), spec), "four")
    frame = load_dataset(variables=["realgdp", "realcons"]).frame.set_axis([GDP, KONSUM], axis=1)
    dataset = load_dataset(csv=frame.rename_axis("date").to_csv().encode(), csv_name="long.csv")
    publish_result(registry, train_model(dataset, ModelSpec((GDP, KONSUM), lags=2)), "long")
    with running_dashboard(settings) as url:
        yield url


def _open(chromium, url: str, width: int, height: int, **options):
    page = chromium.new_context(viewport={"width": width, "height": height}, **options).new_page()
    page.set_default_timeout(60_000)
    page.add_init_script(CHARTS_SEEN)
    page.goto(url)
    wait_for_app(page)
    # every chart drawn, not only the first: under load a grid's second chart was measured before it had a size
    page.wait_for_function(
        "() => { const charts = [...document.querySelectorAll('.js-plotly-plot')];"
        " return charts.length > 0"
        " && charts.every(c => c.querySelector('.legend') && c.getBoundingClientRect().height > 0); }"
    )
    return page


def _measured(page, count: int) -> list[dict]:
    """CHARTS once the page holds `count` charts, each with its size, and they stay so for 300 ms. The page is
    drawn in one run, but its charts come later: each is mounted once Streamlit's plotly code has loaded (seconds
    after the run under load, not all at once: three charts of a grid of four, two of them side by side in its
    second row), first at 0 px or at the figure's own height (GRID_HEIGHT), then at its container's."""
    return settled(page, CHARTS, f"c => c.length === {count} && c.every(x => x.width && x.plot)")


# Every chart drawn by plotly at its container's size: a new window size reaches the containers at once (their heights
# are the stylesheet's, by media query) and the figures a moment later (seconds on a loaded machine)
DRAWN_TO_SIZE = """() => [...document.querySelectorAll('.js-plotly-plot')].every(el => {
  const box = el.getBoundingClientRect(), drawn = el._fullLayout;
  return drawn && Math.abs(drawn.width - box.width) < 2 && Math.abs(drawn.height - box.height) < 2; })"""

CHART_WIDTH = "() => document.querySelector('.js-plotly-plot')._fullLayout.width"


def _resized(page, size: tuple[int, int], count: int = 2) -> list[dict]:
    """The page's `count` charts measured (_measured) in a window of `size`, once plotly has drawn them to it. The
    charts' heights are the stylesheet's media queries of the window's size, so the page measures as it would if it
    had opened at that size; the figures are redrawn to it by the chart element, as when a window is resized."""
    window, drawn = page.evaluate(f"() => [innerWidth, ({CHART_WIDTH})()]")
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.wait_for_function(DRAWN_TO_SIZE)
    charts = _measured(page, count)
    if size[0] != window:  # the measures are the new window's, not the old one's
        assert page.evaluate(CHART_WIDTH) != drawn, (size, window, drawn)
    return charts


def first_chart_and_said(chromium, url: str, size: tuple[int, int], said: str) -> tuple[dict, int]:
    """The first of two charts of `url` opened at `size`, measured, and how often the page shows `said`."""
    page = _open(chromium, url, *size)
    try:
        return _measured(page, 2)[0], page.get_by_text(said).count()
    finally:
        page.context.close()


def test_one_chart_fits_each_window_of_a_room(room, chromium):
    page = _open(chromium, f"{room}/?model=four&version=0.0.1&present=1", 1280, 720)
    try:
        for width, height in ((1280, 720), (1366, 768), (1920, 1080)):  # the chart follows, with no rerun
            chart = _resized(page, (width, height), 4)[0]  # four variables, stacked
            assert chart["top"] < 250 and chart["bottom"] <= height, (width, height, chart)  # legend included
            assert chart["height"] >= height - presentation.TOP - 20 and chart["width"] > 0.8 * width, chart
            assert chart["out"] == [], chart
    finally:
        page.context.close()


@pytest.mark.parametrize(
    ("address", "size", "count"),
    [
        ("?model=four&version=0.0.1&present=1&layout=grid&fan=30,60,90", (1080, 1920), 4),  # a portrait screen
        ("?model=long&version=0.0.1&present=1&layout=grid", (1280, 720), 2),
    ],
)
def test_the_grid_keeps_titles_subtitles_and_legends_in_room_for_the_plot(room, chromium, address, size, count):
    page = _open(chromium, f"{room}/{address}", *size)
    try:
        charts = _measured(page, count)
        mounts = page.evaluate(MOUNTS)
    finally:
        page.context.close()
    assert mounts == {"added": count, "removed": 0}, mounts  # each chart mounted once: no second drawing
    for chart in charts:
        assert chart["out"] == [], chart  # the subtitle ran 53 px past a portrait cell, a long title off its cell
        assert chart["plot"] >= 150, chart  # six legend rows in a 420 px chart had left it 60 px


def _contrast(fill: str, background: str) -> float:
    """WCAG contrast of text drawn in CSS colour `fill` (rgb() or color(srgb ... / alpha)) over `background`."""
    back = [float(x) / 255 for x in re.findall(r"[\d.]+", background)[:3]]
    numbers = [float(x) for x in re.findall(r"[\d.]+", fill)]
    if fill.startswith("color("):
        colour, alpha = numbers[:3], numbers[3] if len(numbers) > 3 else 1.0
    else:
        colour, alpha = [x / 255 for x in numbers[:3]], numbers[3] if len(numbers) > 3 else 1.0
    drawn = [alpha * c + (1 - alpha) * b for c, b in zip(colour, back, strict=True)]

    def luminance(rgb):
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted((luminance(drawn), luminance(back)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_small_grey_text_stays_readable_after_a_switch_to_dark(room, chromium):
    page = _open(chromium, f"{room}/?model=four&version=0.0.1&present=1", 1280, 720, color_scheme="light")
    try:
        before = page.wait_for_function(DRAWN_GREYS).json_value()
        page.get_by_test_id("stMainMenu").click()
        page.get_by_test_id("stMainMenuItem-theme-Dark").click()
        page.wait_for_function("() => getComputedStyle(document.querySelector('.stApp')).backgroundColor !== "
                               f"'{before['background']}'")  # fmt: skip
        # the charts take the new theme a moment after the page: waited for (up to 10 s) until every grey changed
        with contextlib.suppress(PlaywrightTimeoutError):
            page.wait_for_function(
                f"(old) => ({GREYS})().greys?.every((fill, i) => fill !== old[i])", arg=before["greys"], timeout=10_000
            )
        after = page.wait_for_function(DRAWN_GREYS).json_value()
    finally:
        page.context.close()
    # the background the fan's solid colours and the line's casing are mixed over is Streamlit's own
    assert (before["background"], after["background"]) == (background_colour("light"), background_colour("dark"))
    for colours in (before, after):  # ticks and subtitle: 4.5:1, small text's WCAG AA
        assert all(_contrast(fill, colours["background"]) >= 4.5 for fill in colours["greys"]), colours


def test_an_exported_image_keeps_the_top_of_a_title_of_two_lines(room, chromium):
    page = _open(chromium, f"{room}/?model=long&version=0.0.1", 1440, 1000, accept_downloads=True)
    try:
        chart = page.locator(".js-plotly-plot").first
        assert "<br>" in chart.evaluate("el => el.layout.title.text")  # two lines at least
        chart.hover()
        with page.expect_download() as download:
            chart.locator('.modebar-btn[data-title^="Download"]').first.click()
        image = np.asarray(Image.open(io.BytesIO(download.value.path().read_bytes())).convert("L")).astype(int)
    finally:
        page.context.close()
    ink = np.abs(image - np.median(image[:, :5])) > 60
    assert not ink[:6].any()  # 2 px at its 3x scale: the tops of the letters were cut off
