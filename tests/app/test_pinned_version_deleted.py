"""The Forecast page open on a pinned version whose folder is then deleted from the store by hand: it says the
version it showed is no longer in the store and shows `latest` instead, where it switched without a word (after
its listing refresh) or said only "does not exist" (before it)."""

from __future__ import annotations

import shutil
import time

import pytest

import ui.store
from tests.app.conftest import charts, errors, open_app

SAID = "var 0.0.1, which this page showed, is no longer in the store (deleted from it): `latest` (0.0.3) is shown"


@pytest.mark.parametrize("listing_refreshed", [True, False])
def test_a_pinned_version_deleted_by_hand_is_said_and_latest_shown(three_versions, store_dir, listing_refreshed):
    at = open_app({"model": "var", "version": "0.0.1"})
    assert at.selectbox(key="fc_version").value == "0.0.1"
    shutil.rmtree(store_dir / "models" / "var" / "0_0_1")
    if listing_refreshed:  # the page's listing read again (every LIST_TTL seconds)
        ui.store.refresh()
    else:  # still the listing that holds it: the version's object is asked for again after a second
        time.sleep(1.1)
    at.run()
    assert not at.exception and errors(at) == ""
    assert at.selectbox(key="fc_version").value == "latest" and len(charts(at)) == 2
    assert SAID in "\n".join(i.value for i in at.info)
    at.run()  # said once, on the run that switched
    assert "which this page showed" not in "\n".join(i.value for i in at.info)
