"""The Forecast page when the newest version's folder is deleted from the store by hand while `latest` still names
it: `latest` serves its pointer's copy (README), on the page as in the CLI and the REST service. The page said
"var 0.0.3 does not exist" under a picker showing `latest (0.0.3)`, and a page pinned on that version fell back to
`latest` into the same error, the notice of its deletion left unsaid. The other pages with one version picker say
a pinned version's deletion as the Forecast page does."""

from __future__ import annotations

import shutil
import time

import pytest

import ui.store
from tests.app.conftest import charts, errors, open_app


@pytest.mark.parametrize("query", [{"model": "var"}, {"model": "var", "version": "0.0.3"}])
def test_the_newest_version_deleted_by_hand_is_shown_from_the_copy_latest_keeps(three_versions, store_dir, query):
    at = open_app(query)
    assert len(charts(at)) == 2
    shutil.rmtree(store_dir / "models" / "var" / "0_0_3")
    time.sleep(1.1)  # the kept version's presence is asked again after a second
    at.run()
    assert not at.exception and errors(at) == ""
    assert at.selectbox(key="fc_version").value == "latest" and len(charts(at)) == 2
    assert "**var 0.0.3** · created" in "\n".join(m.value for m in at.markdown)
    said = "\n".join(i.value for i in at.info)
    if "version" in query:  # the pinned page says why its picker moved, without saying 0.0.3 is shown instead of itself
        assert "var 0.0.3, which this page showed, is no longer in the store (deleted from it)" in said
        assert "`latest` still stands for it and is shown from the copy it keeps" in said
        assert "(0.0.3) is shown instead" not in said


@pytest.mark.parametrize("page", ["views/diagnostics.py", "views/backtest.py"])
def test_a_pinned_version_deleted_by_hand_is_said_on_the_other_pages_too(three_versions, store_dir, page):
    """The Diagnostics and Backtest pages' pickers fell back to `latest` without a word once their listing no longer
    held the pinned version; the Forecast page says why (tests/app/test_pinned_version_deleted.py)."""
    at = open_app({"model": "var", "version": "0.0.1"}, page=page)
    assert "0.0.1" in [s.value for s in at.selectbox]
    shutil.rmtree(store_dir / "models" / "var" / "0_0_1")
    ui.store.refresh()  # the page's listing read again (every LIST_TTL seconds)
    at.run()
    assert not at.exception and errors(at) == ""
    assert "latest" in [s.value for s in at.selectbox]
    said = "var 0.0.1, which this page showed, is no longer in the store (deleted from it): `latest` (0.0.3) is shown"
    assert said in "\n".join(i.value for i in at.info)
    at.run()  # said once
    assert "which this page showed" not in "\n".join(i.value for i in at.info)
