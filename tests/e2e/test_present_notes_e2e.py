"""Presentation mode with notes above the charts, in Chromium: a VARX's held exogenous values (a caption) and a
scenario far from the forecast (warnings) took their lines from the first chart's window, whose height counted
only the folded controls: its legend ended 28 px (a caption) to 266 px (two warnings and a caption) under a
1920x1080 window. The window's height now counts them, at its width. A long hyphenated model name in a grid's
subtitle breaks after one of its hyphens, as the browser draws it. The store is a local folder."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import running_dashboard
from tests.e2e.test_present_qa_screens_e2e import _measured, _open
from tests.support.models import publish_varx
from varlib import Registry, make_scenario
from varlib.config import Settings

pytestmark = pytest.mark.e2e
LONG = "quarterly-us-macro-consumption-and-output-varx-model-beta"  # 57 characters


@pytest.fixture(scope="module")
def noted(tmp_path_factory):
    """A dashboard on a local store holding LONG 0.0.1, a VARX, with a scenario `far` whose exogenous values and
    condition lie far from the forecast."""
    folder = tmp_path_factory.mktemp("noted") / "store"
    settings = {"VARLIB_STORE_DIR": str(folder), "VARLIB_AUTHOR": "e2e"}
    registry = Registry.from_settings(Settings.from_env(settings))
    version, _ = publish_varx(registry, LONG)
    far = make_scenario(version, "far", 8, exog={"realint": [90.0, 90.0] + [1.0] * 6}, conditions={"realgdp": [2e4]})
    registry.save_scenario(far)
    with running_dashboard(settings) as url:
        yield url


@pytest.mark.parametrize("size", [(1920, 1080), (1440, 1000)])
@pytest.mark.parametrize("query", ["", "&scenario=far", "&scenario=far&layout=grid"])
def test_the_first_legend_stays_in_the_window_under_notes(noted, chromium, size, query):
    page = _open(chromium, f"{noted}/?model={LONG}&version=0.0.1&present=1{query}", *size)
    try:
        notes = page.locator('[data-testid="stAlert"], [data-testid="stCaptionContainer"]').all_inner_texts()
        first = _measured(page, 2)[0]
    finally:
        page.context.close()
    assert any(text.startswith("Exogenous values: realint") for text in notes), notes  # the room sees them
    assert len(notes) >= (3 if query else 1), notes
    assert first["bottom"] <= size[1] and first["out"] == [], (size, first)  # the legend included
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
