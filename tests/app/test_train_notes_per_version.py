"""A publish's notes belong to that version: the next model trained on the page starts with empty notes, so
they are never stored, unseen, on another version (versions cannot be changed once published)."""

from __future__ import annotations

from tests.app.conftest import open_app
from tests.app.test_pages import TRAIN, _button, _train


def test_the_notes_of_a_publish_are_not_carried_to_the_next_model(seeded):
    at = open_app(page=TRAIN)
    at.text_input(key="train_name|macrodata").set_value("first").run()
    _train(at)
    at.text_input(key="train_notes").set_value("levels VAR, first try").run()
    _button(at, "Publish").click().run()
    assert seeded.load("first").notes == "levels VAR, first try"
    at.text_input(key="train_name|macrodata").set_value("second").run()
    _train(at)
    assert at.text_input(key="train_notes").value == ""
    _button(at, "Publish").click().run()
    assert seeded.load("second").notes == ""


def test_notes_typed_before_training_again_are_kept(seeded):
    at = open_app(page=TRAIN)
    at.text_input(key="train_name|macrodata").set_value("kept").run()
    _train(at)
    at.text_input(key="train_notes").set_value("with two lags").run()
    _train(at)  # trained again, nothing published yet: what was typed is still meant for the next publish
    assert at.text_input(key="train_notes").value == "with two lags"
