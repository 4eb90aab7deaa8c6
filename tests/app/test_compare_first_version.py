"""Compare on a store with a single version in use (right after the first model): the picker has nothing more to
offer, so the page says what to do instead of asking for a second pick that cannot be made."""

from __future__ import annotations

import ui.auth
from tests.app.conftest import errors, open_app
from varlib import publish_result

COMPARE = "views/compare.py"


def _links(at) -> dict[str, str]:
    return {link.proto.label: link.proto.page for link in at.get("page_link")}


def test_one_version_in_the_store_links_the_page_that_publishes_another(seeded):
    at = open_app(page=COMPARE)
    assert errors(at) == "" and at.multiselect(key="cmp_versions").value == ["var 0.0.1"]
    said = "\n".join(i.value for i in at.info)
    assert "Pick at least two versions." not in said
    assert "the store holds one version in use, var 0.0.1: publish another" in said
    assert _links(at).get("Train & publish") == "train"
    assert not at.dataframe


def test_two_versions_in_the_store_still_ask_for_a_second_pick(seeded, macro_result):
    seeded.withdraw("var", "0.0.1", "superseded")  # withdrawn: offered only while named, so not a second pick
    publish_result(seeded, macro_result, "growth", "patch", "second model")
    publish_result(seeded, macro_result, "growth", "patch", "third")
    at = open_app({"versions": "growth:0.0.1"}, page=COMPARE)
    assert errors(at) == ""
    assert "Pick at least two versions." in "\n".join(i.value for i in at.info)
    assert "Train & publish" not in _links(at)


def test_a_read_only_dashboard_says_where_to_publish_the_second(seeded, monkeypatch):
    monkeypatch.setenv("VARLIB_READ_ONLY", "1")
    at = open_app(page=COMPARE)
    assert errors(at) == ""
    assert "publish another from a dashboard or the CLI with write access" in "\n".join(i.value for i in at.info)
    assert not _links(at)


def test_a_viewer_is_told_who_can_publish_the_second(seeded, monkeypatch):
    """A viewer was told to publish another and given the Train page's link, whose Publish only says they may not."""
    from tests.app.test_no_version_publish_step import VIEWER

    monkeypatch.setattr(ui.auth, "current", lambda: VIEWER)
    at = open_app(page=COMPARE)
    said = "\n".join(i.value for i in at.info)
    assert "publishing another needs the publisher role; you are signed in as a viewer: ask an" in said
    assert not _links(at)
