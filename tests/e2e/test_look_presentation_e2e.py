"""The Forecast page's charts at 1920x1080 in Chromium, presented (grid and stacked) or not: each chart's
subtitle ends clear of its top tick label.

Where plotly draws the title and subtitle is measured, not computed: only the browser says where the subtitle's
text ends. The check holds for a tick label anywhere on the axis, the topmost one sitting on the plot's top edge
included. The store is a local folder (no MinIO needed).
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import running_dashboard
from tests.support.browser import wait_for_app
from varlib import ModelSpec, Registry, load_dataset, publish_result, train_model
from varlib.config import Settings

pytestmark = pytest.mark.e2e
CLEARANCE = 4  # px between the subtitle's bottom and the highest a tick label can reach

# Per chart: the subtitle's bottom, the plot area's top and a y tick label's height (px, in the page)
TITLE_ROOM = """() => [...document.querySelectorAll('.js-plotly-plot')].map(el => {
  const subtitle = el.querySelector('.gtitle-subtitle').getBoundingClientRect();
  const tick = el.querySelector('.ytick text').getBoundingClientRect();
  return {subtitle: subtitle.bottom, plot: el.querySelector('.nsewdrag').getBoundingClientRect().top,
          tick: tick.height}; })"""


@pytest.fixture(scope="module")
def grid_dashboard(tmp_path_factory):
    """A dashboard on a local store holding `four` 0.0.1: four variables, two rows of the grid."""
    folder = tmp_path_factory.mktemp("look") / "store"
    registry = Registry.from_settings(Settings.from_env({"VARLIB_STORE_DIR": str(folder), "VARLIB_AUTHOR": "e2e"}))
    dataset = load_dataset(variables=["realgdp", "realcons", "realinv", "realgovt"])
    publish_result(registry, train_model(dataset, ModelSpec(tuple(dataset.variables), lags=2)), "four")
    with running_dashboard({"VARLIB_STORE_DIR": str(folder), "VARLIB_AUTHOR": "e2e"}) as url:
        yield url


@pytest.mark.parametrize("view", ["present=1&layout=grid", "present=1&layout=stack", "present=0"])
def test_chart_titles_leave_room_for_the_top_tick_label(grid_dashboard, chromium, view):
    context = chromium.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(f"{grid_dashboard}/?model=four&version=0.0.1&{view}")
        wait_for_app(page)
        page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .gtitle-subtitle').length === 4")
        rooms = page.evaluate(TITLE_ROOM)
    finally:
        context.close()
    assert len(rooms) == 4
    for room in rooms:  # a tick label is centred on its tick: on the top edge, half of it is above the plot
        assert room["subtitle"] + CLEARANCE <= room["plot"] - room["tick"] / 2, room
