"""A model with no version in use says how a new one comes as this session can have it: a viewer was told to
publish one from the Train & publish page and given its link, where Publish only said they may not; a read-only
dashboard was sent there too, where nothing can be published."""

from __future__ import annotations

import pytest

import ui.auth
from tests.app.conftest import errors, open_app
from varlib import Actor

PAGES = ("views/forecast.py", "views/diagnostics.py", "views/backtest.py")
VIEWER = ui.auth.SignIn(True, Actor("Vera Viewer", "v", "http://issuer.test", "dashboard"), "viewer")
PUBLISHER = ui.auth.SignIn(True, Actor("Paul Publisher", "p", "http://issuer.test", "dashboard"), "publisher")


def _train_links(at) -> list[str]:
    return [link.proto.label for link in at.get("page_link") if link.proto.label == "Train & publish"]


@pytest.fixture
def all_withdrawn(seeded):
    seeded.withdraw("var", "0.0.1", "wrong data")
    return seeded


@pytest.mark.parametrize("page", PAGES)
def test_a_viewer_is_told_who_can_publish_not_sent_to_publish(all_withdrawn, monkeypatch, page):
    monkeypatch.setattr(ui.auth, "current", lambda: VIEWER)
    at = open_app({"model": "var"}, page=page)
    said = errors(at)
    assert "has no version in use: its only usable version is withdrawn" in said
    assert "publishing a new version needs the publisher role; you are signed in as a viewer: ask an" in said
    assert "from the Train & publish page" not in said and not _train_links(at)


@pytest.mark.parametrize("page", PAGES)
def test_a_read_only_dashboard_says_where_to_publish(all_withdrawn, monkeypatch, page):
    monkeypatch.setenv("VARLIB_READ_ONLY", "1")
    at = open_app({"model": "var"}, page=page)
    said = errors(at)
    assert "publish a new version from a dashboard or the CLI with write access" in said
    assert "from the Train & publish page" not in said and not _train_links(at)


def test_a_publisher_is_still_sent_to_the_train_page(all_withdrawn, monkeypatch):
    monkeypatch.setattr(ui.auth, "current", lambda: PUBLISHER)
    at = open_app({"model": "var"})
    assert "publish a new version from the Train & publish page." in errors(at)
    assert _train_links(at) == ["Train & publish"]
