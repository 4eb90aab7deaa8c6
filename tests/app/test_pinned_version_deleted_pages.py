"""The Diagnostics, Backtest, Models and Compare pages open on a pinned version whose folder is then deleted from
the store by hand: each says, in the Forecast page's words, that the version is no longer in the store and what it
shows instead, where they showed "Not found" with a CLI command (before the listing's refresh) or switched without
a word (after it). And a version that does not exist is said with the page that lists the versions, not the CLI's
`varlib list`."""

from __future__ import annotations

import shutil
import time

import pytest

import ui.store
from tests.app.conftest import errors, open_app
from ui.errors import explain
from varlib import NotFoundError

SAID = "var 0.0.1, which this page showed, is no longer in the store (deleted from it): `latest` (0.0.3) is shown"


def _delete_first(store_dir, listing_refreshed: bool) -> None:
    shutil.rmtree(store_dir / "models" / "var" / "0_0_1")
    if listing_refreshed:  # the page's listing read again (every LIST_TTL seconds)
        ui.store.refresh()
    else:  # still the listing that holds it: the version's object is asked for again after a second
        time.sleep(1.1)


def _infos(at) -> str:
    return "\n".join(i.value for i in at.info)


@pytest.mark.parametrize("page", ["dg", "bt"])
@pytest.mark.parametrize("listing_refreshed", [True, False])
def test_diagnostics_and_backtest_say_the_deleted_version_and_show_latest(
    three_versions, store_dir, page, listing_refreshed
):
    view = {"dg": "views/diagnostics.py", "bt": "views/backtest.py"}[page]
    at = open_app({"model": "var", "version": "0.0.1"}, view)
    assert at.selectbox(key=f"{page}_version|var").value == "0.0.1"
    _delete_first(store_dir, listing_refreshed)
    at.run()
    assert not at.exception and errors(at) == ""  # was "Not found ... `varlib list --name var` shows the versions"
    assert at.selectbox(key=f"{page}_version|var").value == "latest"
    assert SAID in _infos(at)  # was a switch to `latest` without a word
    at.run()  # said once, on the run that switched
    assert "which this page showed" not in _infos(at)


@pytest.mark.parametrize("listing_refreshed", [True, False])
def test_the_models_page_lists_the_deleted_version_as_gone(three_versions, store_dir, listing_refreshed):
    at = open_app({"model": "var", "version": "0.0.1"}, "views/models.py")
    _delete_first(store_dir, listing_refreshed)
    at.run()
    assert not at.exception
    said = errors(at)
    assert "Not found" not in said and "varlib list" not in said  # the listing read afresh, not a failed load
    assert "0.0.1** cannot be used: gone: published, but var/0_0_1/model.json is no longer in the store" in said


@pytest.mark.parametrize("listing_refreshed", [True, False])
def test_compare_says_the_deleted_version_and_keeps_the_other(three_versions, store_dir, listing_refreshed):
    at = open_app({"versions": "var:0.0.1,var:0.0.3"}, "views/compare.py")
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.1", "var 0.0.3"]
    _delete_first(store_dir, listing_refreshed)
    at.run()
    assert not at.exception and errors(at) == ""
    assert not [w.value for w in at.warning]  # was "left out ... this time: ... `varlib list`", twice
    said = "var 0.0.1, which this page compared, is no longer in the store (deleted from it): left out of the"
    assert said in _infos(at)  # was a switch to another pair (0.0.3 and 0.0.2) without a word
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.3"]
    at.run()
    assert "which this page compared" not in _infos(at)


def test_a_version_that_does_not_exist_is_said_with_the_models_page():
    said = explain(NotFoundError("var 0.0.9 does not exist; `varlib list --name var` shows the versions"))
    assert "varlib list" not in said and "does not exist; the *Models* page lists the versions" in said
