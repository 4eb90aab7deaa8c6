"""Refusals for a session whose sign-in ended after its page was drawn (signed out in another tab, or run out):
they say to sign in again on the screen the tab turns to (not to reload, which loses a Train draft), not to ask for
a group, which would not help before signing in."""

from __future__ import annotations

import sys

import pytest

from tests.app.conftest import open_app
from tests.app.test_scenario_pages import _with_editor
from varlib import Actor

GROUP_ADVICE = "ask an administrator of the identity provider"
SIGN_IN_AGAIN = (
    "you are no longer signed in (signed out in another tab, or the sign-in ran out): sign in again on the screen"
    " this tab turns to within 5 seconds"
)


def _text(at) -> str:
    return "\n".join(x.value for x in [*at.markdown, *at.caption, *at.info, *at.warning, *at.error])


@pytest.fixture
def signed_out_meanwhile(monkeypatch):
    """The app's entrypoint sees a publisher (the page is drawn); the page's own look, a moment later, finds the
    sign-in ended, as a click after a Sign out in another tab does."""
    import ui.auth

    publisher = ui.auth.SignIn(True, Actor("Paul Publisher", "p", "http://issuer.test", "dashboard"), "publisher")
    ended = ui.auth.SignIn(True, None, None, signed_out=True)

    def current() -> ui.auth.SignIn:
        caller = sys._getframe(1).f_code  # the entrypoint's look and the sidebar's timed check, a moment before
        return publisher if caller.co_filename.endswith("app.py") or caller.co_name == "_watch" else ended

    monkeypatch.setenv("VARLIB_PUBLISHER_GROUPS", "varlib-publishers")
    monkeypatch.setattr(ui.auth, "current", current)


def test_saving_a_scenario_signed_out_says_to_sign_in_again_only(seeded, signed_out_meanwhile):
    said = _text(_with_editor({"model": "var", "version": "0.0.1", "steps": 4}))
    assert f"Saving a scenario needs the publisher role; {SIGN_IN_AGAIN}. Editing and forecasting" in said
    assert GROUP_ADVICE not in said


def test_publishing_signed_out_says_to_sign_in_again_only(store_dir, signed_out_meanwhile):
    said = _text(open_app())  # an empty store: the first-model button is for publishers
    assert f"Publishing needs the publisher role; {SIGN_IN_AGAIN}. Training" in said
    assert GROUP_ADVICE not in said


def test_the_admin_controls_signed_out_say_to_sign_in_again_only(seeded, signed_out_meanwhile):
    said = _text(open_app(page="views/models.py"))
    assert f"need the admin role; {SIGN_IN_AGAIN}." in said
    assert GROUP_ADVICE not in said


def test_a_signed_in_viewer_is_still_told_which_group_to_join(seeded, monkeypatch):
    import ui.auth

    viewer = ui.auth.SignIn(True, Actor("Vera Viewer", "v", "http://issuer.test", "dashboard"), "viewer")
    monkeypatch.setattr(ui.auth, "current", lambda: viewer)
    said = _text(_with_editor({"model": "var", "version": "0.0.1", "steps": 4}))
    assert "Saving a scenario needs the publisher role; you are signed in as a viewer: " + GROUP_ADVICE in said
