"""The Models page says once, under the table, how many versions have cards of an older format (each listing reads
past them) and the reindex that writes them again; to those who may publish, as `varlib list` says it."""

from __future__ import annotations

import ui.store
from tests.app.conftest import open_app
from tests.integration.test_older_cards_said import as_older_cards
from varlib import Actor

MODELS = "views/models.py"
SAID = "1 version of 'var': its card is of an older format, so every listing reads that version from the store instead"


def _captions(at) -> list[str]:
    return [caption.value for caption in at.caption]


def test_cards_of_an_older_format_are_said_once_under_the_table(seeded):
    assert not any("older format" in caption for caption in _captions(open_app(page=MODELS)))
    as_older_cards(seeded.store, "var")
    ui.store.refresh()  # the listing read before is kept for a while
    said = [caption for caption in _captions(open_app(page=MODELS)) if "older format" in caption]
    assert len(said) == 1 and said[0].startswith(SAID)
    assert "run `varlib reindex --name var` to write the cards again." in said[0]


def test_a_viewer_is_not_told_to_reindex(seeded, monkeypatch):
    import ui.auth

    as_older_cards(seeded.store, "var")
    viewer = ui.auth.SignIn(True, Actor("Vera Viewer", "v", "http://issuer.test", "dashboard"), "viewer")
    monkeypatch.setattr(ui.auth, "current", lambda: viewer)
    at = open_app(page=MODELS)
    assert not at.exception and not any("older format" in caption for caption in _captions(at))


def test_a_read_only_dashboard_is_not_told_to_reindex(seeded, monkeypatch):
    """Without sign-in everyone may publish, but a read-only store's dashboard writes nothing: the note is not its."""
    as_older_cards(seeded.store, "var")
    monkeypatch.setenv("VARLIB_READ_ONLY", "1")
    at = open_app(page=MODELS)
    assert not at.exception and not any("older format" in caption for caption in _captions(at))
