"""The Forecast page's row of settings in Chromium: Steps, Interval level, Intervals and Copy link stay where they
are whatever the level control holds (a fan's levels, a saved scenario's own level) and whichever interval kinds the
version offers (a VARX: standard only), on a laptop and on a presented 1920x1080 screen.

What the browser draws is measured. The store is a local folder (no MinIO needed).
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import running_dashboard
from tests.support.models import publish_varx
from tests.support.settings_row import measured, sized_context
from varlib import ModelSpec, Registry, load_dataset, make_scenario, publish_result, train_model
from varlib.config import Settings

pytestmark = pytest.mark.e2e
EVERY_LEVEL = "10,20,30,40,50,60,70,80,90,95,99"
# Where each control of the settings row sits: [left, bottom] of the labelled controls and of the Copy link button
ROW = """() => { const out = {};
  document.querySelectorAll('[data-testid="stButtonGroup"], [data-testid="stNumberInput"]').forEach(el => {
    const label = el.querySelector('[data-testid="stWidgetLabel"]'), name = label && label.innerText.trim();
    if (el.offsetParent && ['Steps', 'Interval level', 'Intervals'].includes(name)) {
      const box = label.getBoundingClientRect(); out[name] = [Math.round(box.left), Math.round(box.top)]; } });
  const link = [...document.querySelectorAll('[data-testid="stPopover"] button')]
    .find(b => b.offsetParent && b.innerText.includes('Copy link'));
  if (link) { const b = link.getBoundingClientRect(); out["Copy link"] = [Math.round(b.left), Math.round(b.top)]; }
  return out; }"""


@pytest.fixture(scope="module")
def store_url(tmp_path_factory):
    """A dashboard on a local store holding `var` 0.0.1 with a saved scenario at 80% (`own-level`) and `varx`
    0.0.1 (standard intervals only)."""
    folder = tmp_path_factory.mktemp("controls") / "store"
    settings = {"VARLIB_STORE_DIR": str(folder), "VARLIB_AUTHOR": "e2e"}
    registry = Registry.from_settings(Settings.from_env(settings))
    version = publish_result(registry, train_model(load_dataset(), ModelSpec(("realgdp", "realcons"), lags=2)), "var")
    registry.save_scenario(make_scenario(version, "own-level", 8, alpha=0.2))
    publish_varx(registry)
    with running_dashboard(settings) as url:
        yield url


def _row(context, url: str, present: bool) -> dict:
    """The settings row's places on a new page of `url` (a presentation's, once its folded controls are open)."""
    return measured(context, url, present, ROW, ready="r => Object.keys(r).length === 4")


@pytest.mark.parametrize(("width", "height", "present"), [(1440, 1000, False), (1920, 1080, True)])
def test_the_settings_row_stays_put(store_url, chromium, width, height, present):
    shown = "&present=1" if present else ""
    with sized_context(chromium, width, height) as context:  # one per size: the pages share the loaded scripts
        plain = _row(context, f"{store_url}/?model=var{shown}", present)
        for query in ("fan=30,60,90", f"fan={EVERY_LEVEL}", "scenario=own-level"):
            moved = _row(context, f"{store_url}/?model=var&{query}{shown}", present)
            assert moved == plain, (query, plain, moved)
        varx = _row(context, f"{store_url}/?model=varx{shown}", present)
        assert varx == plain, (plain, varx)
