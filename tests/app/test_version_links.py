"""The Diagnostics and Backtest pages open the version a link or another page names: `@alias` (followed as it
moves, as on the Forecast page) and `0_0_1` in a link as the other pages take them, and a withdrawn version picked
on the Models page (they fell back to `latest`, silently)."""

from __future__ import annotations

import pytest

from tests.app.conftest import errors, open_app
from tests.app.test_page_switch_state import _visit
from tests.app.test_url_state import BACKTEST, DIAG, MODELS
from varlib import Actor, publish_result


@pytest.fixture
def two_versions(seeded, macro_result):
    """var 0.0.1 and 0.0.2."""
    publish_result(seeded, macro_result, "var", "patch", "second")
    return seeded


def test_an_alias_or_an_underscored_version_in_a_link_opens_that_version(two_versions):
    two_versions.set_alias("var", "champion", "0.0.1", Actor.local("tester"))
    for page, key in ((DIAG, "dg_version|var"), (BACKTEST, "bt_version|var")):
        at = open_app({"model": "var", "version": "@champion"}, page=page)
        assert errors(at) == "" and at.selectbox(key=key).value == "@champion", page  # followed, not pinned
        assert "@champion (0.0.1)" in at.selectbox(key=key).options
        assert not at.warning, [w.value for w in at.warning]
        assert at.query_params["version"] == "@champion"  # a copied link still names the alias
        at = open_app({"model": "var", "version": "0_0_1"}, page=page)
        assert at.selectbox(key=key).value == "0.0.1" and not at.warning


def test_a_withdrawn_version_picked_on_the_models_page_opens_on_the_other_pages(two_versions):
    two_versions.withdraw("var", "0.0.1", "trained on the wrong file", Actor.local("tester"))
    at = open_app({"model": "var", "version": "0.0.1"}, page=MODELS)
    for page, prefix in ((DIAG, "dg"), (BACKTEST, "bt")):
        _visit(at, page)
        assert at.selectbox(key=f"{prefix}_version|var").value == "0.0.1", page
        assert any("was withdrawn" in w.value for w in at.warning)
        at.run()  # and it stays on the next run
        assert at.selectbox(key=f"{prefix}_version|var").value == "0.0.1", page
        _visit(at, MODELS)


def test_an_alias_picked_on_the_forecast_page_is_followed_on_the_others(two_versions):
    """Diagnostics and Backtest offered no aliases: the Forecast page's `@champion` became the version it pointed at
    then, and the page kept showing that version after the alias moved."""
    two_versions.set_alias("var", "champion", "0.0.1", Actor.local("tester"))
    at = open_app({"model": "var", "version": "@champion"})
    for page, key in ((BACKTEST, "bt_version|var"), (DIAG, "dg_version|var")):
        _visit(at, page)
        assert errors(at) == "" and at.selectbox(key=key).value == "@champion", page
    assert "var 0.0.1" in _said(at)  # what Diagnostics refitted
    two_versions.set_alias("var", "champion", "0.0.2", Actor.local("tester"))
    at.run()  # the next run (the page's timed check reruns it by itself) reads the alias afresh
    assert at.selectbox(key="dg_version|var").value == "@champion" and "var 0.0.2" in _said(at)


def test_an_alias_of_a_withdrawn_version_is_refused_by_name(two_versions):
    two_versions.set_alias("var", "champion", "0.0.1", Actor.local("tester"))
    two_versions.withdraw("var", "0.0.1", "trained on the wrong file", Actor.local("tester"))
    at = open_app({"model": "var", "version": "@champion"}, page=DIAG)
    assert "withdrawn" in errors(at) and "champion" in errors(at), errors(at)
    assert not at.tabs  # nothing of 0.0.1 is shown under the alias


def _said(at) -> str:
    return "\n".join(m.value for m in [*at.markdown, *at.caption])
