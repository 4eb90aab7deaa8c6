"""The Diagnostics and Backtest pages draw their `Withdrawn too` box for every model, greyed where no version is
withdrawn: the box came and went with the model, and the tabs below it moved by its height (a page pass measured
the Diagnostics tabs at y=370 for one model and 330 for another)."""

from __future__ import annotations

import pytest

import ui.store
from tests.app.conftest import open_app


@pytest.mark.parametrize("page, prefix", [("views/diagnostics.py", "dg"), ("views/backtest.py", "bt")])
def test_the_box_is_there_greyed_without_withdrawn_versions_and_live_with_one(seeded, page, prefix):
    at = open_app({"model": "var"}, page=page)
    box = at.checkbox(key=f"{prefix}_withdrawn|var")
    assert box.disabled and not box.value and box.help == "No version of var is withdrawn."
    seeded.withdraw("var", "0.0.1", "wrong data")
    ui.store.refresh()  # as a dashboard does after a change (the store's listings are cached)
    at = open_app({"model": "var"}, page=page)
    assert not at.checkbox(key=f"{prefix}_withdrawn|var").disabled
