"""A model whose folder holds no version (only a `latest.json`, or a folder marker an S3 tool made) is listed by
the store, and the Models page said so with an IndexError box; it now says the model has no versions yet."""

from __future__ import annotations

from tests.app.conftest import errors, open_app

MODELS = "views/models.py"


def test_a_model_without_versions_is_said_to_have_none(seeded, store_dir):
    (store_dir / "models" / "junk3").mkdir()
    (store_dir / "models" / "junk3" / "latest.json").write_text("{}")
    at = open_app({"model": "junk3"}, page=MODELS)
    assert not at.exception and errors(at) == ""
    said = " ".join(i.value for i in at.info)
    assert "'junk3' has no versions in the store: its folder holds no model.json" in said
    assert "varlib train --name junk3 --publish" in said
