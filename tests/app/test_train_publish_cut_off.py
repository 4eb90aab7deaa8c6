"""The Train page after a publish cut off once its version was stored: the version is named as published with what
failed after it, and the Publish button is gone, so the same model is not published again as a second version."""

from __future__ import annotations

from tests.app.conftest import errors, open_app
from tests.app.test_pages import TRAIN, _button, _labels, _train
from varlib import StoreUnavailableError, Version
from varlib.catalog import governance


def _away(*args, **kwargs):
    raise StoreUnavailableError("MinIO at 127.0.0.1:9 is unreachable (connection refused)")


def test_a_publish_cut_off_after_storing_is_shown_as_published_and_not_offered_again(seeded, monkeypatch):
    at = open_app(page=TRAIN)
    at.text_input(key="train_name|macrodata").set_value("var").run()
    _train(at)
    monkeypatch.setattr(governance.audit, "append", _away)
    _button(at, "Publish").click().run()
    assert not at.exception and "The version var 0.0.2 is stored, but recording it" in errors(at)
    monkeypatch.undo()
    at.run()
    assert not any(label.startswith("Publish") for label in _labels(at))
    assert "Published **var 0.0.2**." in [s.value for s in at.success]
    assert any("do not publish it again" in w.value for w in at.warning)
    assert sorted(e.version for e in seeded.list_versions("var")) == [Version(0, 0, 1), Version(0, 0, 2)]
