"""The Train page after the store refused a publish (a folder made read-only, MinIO's AccessDenied): the refusal
was kept for the whole session and hid Publish until a reload, though the store may accept writes again. The next
attempt asks the store again, with the trained model and its settings kept."""

from __future__ import annotations

from tests.app.conftest import errors, open_app
from tests.app.test_pages import TRAIN, _button, _train
from varlib import AccessDeniedError
from varlib.store.local import LocalStore


def _refused(self, key, data, metadata=None):
    raise AccessDeniedError("cannot write the store's folder: permission denied", key=key)


def test_a_refused_publish_can_be_tried_again_once_the_store_accepts_writes(seeded, monkeypatch):
    at = open_app(page=TRAIN)
    at.text_input(key="train_name|macrodata").set_value("var").run()
    _train(at)
    with monkeypatch.context() as refusing:
        refusing.setattr(LocalStore, "create", _refused)
        _button(at, "Publish").click().run()
        assert not at.exception and "permission denied" in errors(at), errors(at)
    at.run()  # the store accepts writes again: the page offers Publish, not a read-only state
    assert not at.exception
    assert "read-only" not in "\n".join(i.value for i in at.info)
    assert "refused the last publish" in "\n".join(w.value for w in at.warning)
    assert not _button(at, "Publish").disabled  # the trained model is kept: no new training needed
    _button(at, "Publish").click().run()
    assert not at.exception and errors(at) == "", errors(at)
    assert [e.label for e in seeded.list_versions("var")] == ["0.0.2", "0.0.1"]
    assert "Published **var 0.0.2**" in "\n".join(s.value for s in at.success)
