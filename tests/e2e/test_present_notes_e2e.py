"""Presentation mode with notes above the charts, in Chromium: a VARX's held exogenous values (a caption) and a
scenario far from the forecast (warnings) took their lines from the first chart's window, whose height counted
only the folded controls: its legend ended 28 px (a caption) to 266 px (two warnings and a caption) under a
1920x1080 window. The window's height now counts them, at its width, and a chart's least height too (a 720 px
window still holds the first chart whole), with the warnings folded into one line; so does a withdrawn version's
warning, written above the forecast's panel. A long hyphenated model name in a grid's
subtitle breaks after one of its hyphens, as the browser draws it. The store is a local folder.

A page opened once is measured in each window size of its test in turn (_resized): the charts' heights are media
queries of the window's size, so a page resized measures as one opened at that size, for one page load, not one per
size (each costs Chromium about 10 s of processor time)."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import running_dashboard
from tests.e2e.test_present_qa_screens_e2e import _measured, _open, _resized, first_chart_and_said
from tests.support.models import publish_varx
from varlib import ModelSpec, Registry, load_dataset, make_scenario, publish_result, train_model
from varlib.config import Settings

pytestmark = pytest.mark.e2e
LONG = "quarterly-us-macro-consumption-and-output-varx-model-beta"  # 57 characters


@pytest.fixture(scope="module")
def noted(tmp_path_factory):
    """A dashboard on a local store holding LONG 0.0.1, a VARX, with a scenario `far` whose exogenous values and
    condition lie far from the forecast, and `gone` 0.0.1, a VAR withdrawn."""
    folder = tmp_path_factory.mktemp("noted") / "store"
    settings = {"VARLIB_STORE_DIR": str(folder), "VARLIB_AUTHOR": "e2e"}
    registry = Registry.from_settings(Settings.from_env(settings))
    version, _ = publish_varx(registry, LONG)
    far = make_scenario(version, "far", 8, exog={"realint": [90.0, 90.0] + [1.0] * 6}, conditions={"realgdp": [2e4]})
    registry.save_scenario(far)
    publish_result(registry, train_model(load_dataset(), ModelSpec(("realgdp", "realcons"), lags=2)), "gone")
    registry.withdraw("gone", "0.0.1", "trained on the wrong file")
    with running_dashboard(settings) as url:
        yield url


@pytest.mark.parametrize("query", ["", "&scenario=far", "&scenario=far&layout=grid"])
def test_the_first_legend_stays_in_the_window_under_notes(noted, chromium, query):
    page = _open(chromium, f"{noted}/?model={LONG}&version=0.0.1&present=1{query}", 1920, 1080)
    try:
        notes = page.locator('[data-testid="stAlert"], [data-testid="stCaptionContainer"]').all_inner_texts()
        firsts = {size: _resized(page, size)[0] for size in ((1920, 1080), (1440, 1000))}
    finally:
        page.context.close()
    assert any(text.startswith("Exogenous values: realint") for text in notes), notes  # the room sees them
    assert len(notes) >= (3 if query else 1), notes
    for (_, height), first in firsts.items():
        assert first["bottom"] <= height and first["out"] == [], (height, first)  # the legend included
        assert first["height"] >= 500, first  # no smaller than without notes on a 720 px projector


def test_a_subtitle_breaks_a_long_name_after_a_hyphen(noted, chromium):
    """On the page at 1440 px, two charts side by side (a presentation grid shortens the name instead)."""
    page = _open(chromium, f"{noted}/?model={LONG}&version=0.0.1", 1440, 1000)
    try:
        _measured(page, 2)
        lines = (
            page.locator(".js-plotly-plot")
            .first.locator(".gtitle-subtitle tspan")
            .evaluate_all("els => els.map(e => e.textContent)")
        )
    finally:
        page.context.close()
    assert "".join(lines).startswith(f"{LONG} 0.0.1"), lines  # nothing added to the name
    assert lines[0].endswith("-"), lines  # after a hyphen of its own
    parts = set(LONG.split("-"))
    assert all(part in parts for part in "".join(lines[:2]).split(" ")[0].split("-")), lines  # not `o-`, `utput`


LOW_WINDOWS = ((1280, 720), (1366, 768), (1024, 768))  # a projector's, a laptop's, an old projector's


@pytest.mark.parametrize("query", ["&scenario=far", "&scenario=far&layout=grid"])
def test_warnings_fold_into_one_line_that_leaves_a_small_window_its_first_chart(noted, chromium, query):
    """Two warnings (84 px or more each) and a caption pushed the first legend 305 px under a 1280x720 window, as a
    chart is at least 500 px high: they fold into one line, whose px come off that height too."""
    page = _open(chromium, f"{noted}/?model={LONG}&version=0.0.1&present=1{query}", *LOW_WINDOWS[0])
    try:
        fold = page.get_by_test_id("stExpander").filter(has_text="2 warnings")
        seen = {size: (_resized(page, size)[0], fold.locator("summary").bounding_box()) for size in LOW_WINDOWS}
        fold.locator("summary").click()  # opened, it reads them
        page.get_by_text("1 condition lies 4 or more standard deviations").wait_for()
    finally:
        page.context.close()
    for (_, height), (first, line) in seen.items():
        assert line is not None and line["height"] < 50, (height, line)  # one line
        assert first["bottom"] <= height and first["out"] == [], (height, first)  # the legend included
        assert first["plot"] >= 150, first


# The y tick labels of each chart, as [top, bottom] px, top to bottom
Y_TICKS = """() => [...document.querySelectorAll('.js-plotly-plot')].map(el => [...el.querySelectorAll('.ytick text')]
  .map(t => t.getBoundingClientRect()).map(r => [r.top, r.bottom]).sort((a, b) => a[0] - b[0]))"""


def test_a_grid_too_low_for_its_cells_stacks_its_charts(noted, chromium):
    """A far scenario's six legend entries took a row each in a grid's cell and left its plot 30 to 105 px, its y
    tick labels overlapping: in a window that low the charts stack, each as wide as the page, its legend in a row or
    two."""
    page = _open(chromium, f"{noted}/?model={LONG}&version=0.0.1&present=1&scenario=far&layout=grid", *LOW_WINDOWS[0])
    try:
        seen = {size: (_resized(page, size), page.evaluate(Y_TICKS)) for size in LOW_WINDOWS}
    finally:
        page.context.close()
    for (width, height), (charts, ticks) in seen.items():
        assert charts[0]["bottom"] <= height, (height, charts[0])  # the first chart whole, its legend included
        for chart, labels in zip(charts, ticks, strict=True):
            assert chart["out"] == [] and chart["plot"] >= 150 and chart["width"] > 0.8 * width, (width, chart)
            assert all(a[1] <= b[0] for a, b in zip(labels, labels[1:], strict=False)), labels  # no label over another


def test_a_caption_alone_leaves_a_projector_its_first_legend(noted, chromium):
    """The VARX's held exogenous values (a caption) pushed the first legend 44 px under a 1280x720 window."""
    page = _open(chromium, f"{noted}/?model={LONG}&version=0.0.1&present=1", 1280, 720)
    try:
        first = _measured(page, 2)[0]
    finally:
        page.context.close()
    assert first["bottom"] <= 720 and first["out"] == [] and first["plot"] >= 150, first


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_a_withdrawn_versions_warning_leaves_the_window_its_first_legend(noted, chromium, size):
    """The warning that names a withdrawn version, written above the forecast's panel, pushed the first legend
    95 px under a 1280x720 window and 110 px under a 1920x1080 one."""
    url = f"{noted}/?model=gone&version=0.0.1&present=1"
    first, warned = first_chart_and_said(chromium, url, size, "gone 0.0.1 was withdrawn")
    assert warned == 1  # the room still reads it
    assert first["bottom"] <= size[1] and first["out"] == [] and first["plot"] >= 150, first
