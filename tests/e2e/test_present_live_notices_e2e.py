"""Presentation mode under a notice of ui.live, in Chromium: a moved alias's notice (86 px) and a newer version's
offer with its button (151 px), written above the charts after the page opened, pushed the first chart's legend and
axis under a 1280x720 window, as a withdrawn version's warning did before its lines were counted. The window's
height now counts them too. The store is a local folder."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import REFRESH, running_dashboard
from tests.e2e.test_present_qa_screens_e2e import _measured, _open
from tests.support.browser import wait_for_app
from varlib import ModelSpec, Registry, load_dataset, publish_result, train_model
from varlib.config import Settings

pytestmark = pytest.mark.e2e


@pytest.fixture
def live(tmp_path):
    """A dashboard looking at its local store every REFRESH seconds, which holds `var` 0.0.1 and 0.0.2 with
    @champion on 0.0.1; yields (url, registry, result)."""
    settings = {"VARLIB_STORE_DIR": str(tmp_path / "store"), "VARLIB_AUTHOR": "e2e"}
    registry = Registry.from_settings(Settings.from_env(settings))
    result = train_model(load_dataset(), ModelSpec(("realgdp", "realcons"), lags=2))
    for _ in range(2):
        publish_result(registry, result, "var")
    registry.set_alias("var", "champion", "0.0.1")
    with running_dashboard({**settings, "VARLIB_REFRESH_SECONDS": str(REFRESH)}) as url:
        yield url, registry, result


@pytest.mark.parametrize("version", ["@champion", "0.0.2"])
def test_a_live_notice_leaves_the_window_its_first_legend(live, chromium, version):
    url, registry, result = live
    page = _open(chromium, f"{url}/?model=var&version={version}&present=1", 1280, 720)
    try:
        _measured(page, 2)
        if version == "@champion":
            registry.set_alias("var", "champion", "0.0.2")
            said = "@champion of var now points at 0.0.2"
        else:
            publish_result(registry, result, "var")
            said = "var 0.0.3 has been published since this page opened"
        page.get_by_text(said).wait_for(timeout=8 * REFRESH * 1000)
        wait_for_app(page)  # the notice comes first in its run: the charts' new heights come later in it
        first = _measured(page, 2)[0]
    finally:
        page.context.close()
    assert first["bottom"] <= 720 and first["out"] == [], first  # its legend and axis included
