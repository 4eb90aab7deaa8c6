"""The Train page after a publish whose write went unanswered (a frozen store): the version may have been stored,
and the page says where to look for it in the dashboard itself, not with a CLI command its users may not have."""

from __future__ import annotations

from tests.app.conftest import errors, open_app
from tests.app.test_pages import TRAIN, _button, _train
from varlib import StoreUnavailableError
from varlib.store.local import LocalStore


def _unanswered(self, key, data, metadata=None):
    raise StoreUnavailableError("MinIO at 127.0.0.1:9 did not answer within 5 s (VARLIB_STORE_TIMEOUT)", key=key)


def test_a_publish_that_may_have_been_stored_points_at_the_models_page(seeded, monkeypatch):
    at = open_app(page=TRAIN)
    at.text_input(key="train_name|macrodata").set_value("var").run()
    _train(at)
    monkeypatch.setattr(LocalStore, "create", _unanswered)
    _button(at, "Publish").click().run()
    said = errors(at)
    assert not at.exception and "var 0.0.2 may have been stored before the store stopped answering" in said, said
    assert "look on the Models page before publishing again" in said.replace("*", ""), said
    assert "varlib list" not in said
