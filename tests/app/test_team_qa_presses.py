"""Team pass on the dashboard: a change pressed just after the sign-in ran out is named on the sign-in screen as not
done (it was dropped without a word); an alias move or deletion takes an optional reason, which the History shows;
the Models page's own refusal words are the REST service's (varlib.roles)."""

from __future__ import annotations

import pytest

import ui.auth
from tests.app.conftest import errors, open_app
from ui.paths_editor import EDITOR_OPEN
from varlib import Actor, role_needs
from varlib.service import publish_result
from varlib.versions import Version

MODELS = "views/models.py"
ADMIN = Actor("Ada Admin", "ada", "http://issuer.test", "dashboard")


@pytest.fixture
def signed_in(monkeypatch):
    """An admin's sign-in that the test ends (`state[0]` is what ui.auth.current answers), with a provider that
    answers (the sign-in screen asks it)."""
    state = [ui.auth.SignIn(True, ADMIN, "admin")]
    monkeypatch.setattr(ui.auth, "current", lambda: state[0])
    monkeypatch.setattr(ui.auth, "_provider_problem", lambda: None)
    return state


def _admin_forms(at):
    at.session_state["admin_open|var"] = True
    at.session_state["history_open|var"] = True
    return at.run()


def _press(at, label: str):
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize(("ended", "why"), [("expired", "your sign-in had run out"), ("signed_out", "you signed out")])
def test_a_withdraw_pressed_as_the_sign_in_ends_is_said_not_done(seeded, macro_result, signed_in, ended, why):
    publish_result(seeded, macro_result, "var", "patch", "second")
    at = _admin_forms(open_app({"model": "var"}, page=MODELS))
    at.selectbox(key="withdraw_version|var").select("0.0.1")
    at.text_input(key="withdraw_reason|var").input("bad data")
    at.checkbox(key="withdraw_sure|var").check()
    signed_in[0] = ui.auth.SignIn(True, None, None, **{ended: True})  # ended before the press reached the server
    _press(at, "Withdraw")
    assert seeded.withdrawal("var", Version(0, 0, 1)) is None
    said = [w.value for w in at.warning]
    assert f"**Withdraw** (model **var**) was pressed after {why}" in "\n".join(said)
    assert any("so it was not done: nothing was changed. Sign in again, then fill in the form" in w for w in said)
    at.run()  # the screen stays up (a rerun of it has no press): still said
    assert any("**Withdraw** (model **var**) was pressed" in w.value for w in at.warning)


def test_a_set_alias_pressed_as_the_sign_in_runs_out_is_said_not_done(seeded, signed_in):
    at = _admin_forms(open_app({"model": "var"}, page=MODELS))
    at.text_input(key="alias_name|var").input("champion")
    signed_in[0] = ui.auth.SignIn(True, None, None, expired=True)
    _press(at, "Set alias")
    assert seeded.alias("var", "champion") is None
    assert any(
        "**Set alias** (model **var**) was pressed after your sign-in had run out" in w.value for w in at.warning
    )


def test_a_save_scenario_pressed_as_the_sign_in_runs_out_says_what_to_redo(seeded, signed_in):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 4})
    at.session_state[EDITOR_OPEN] = True
    at.run()
    at.text_input(key=next(t.key for t in at.text_input if t.label == "Name")).input("gdp-dip")
    signed_in[0] = ui.auth.SignIn(True, None, None, expired=True)
    _press(at, "Save scenario")
    assert seeded.scenarios("var", "0.0.1") == []
    said = "\n".join(w.value for w in at.warning)
    assert "**Save scenario** (model **var**) was pressed after your sign-in had run out, so it was not done" in said
    assert "open the scenario on the Forecast page again, type its name and notes" in said


def test_a_sign_in_screen_without_a_press_says_none(seeded, signed_in):
    at = _admin_forms(open_app({"model": "var"}, page=MODELS))
    signed_in[0] = ui.auth.SignIn(True, None, None, expired=True)
    at.run()  # the timed check turned the tab: nothing pressed
    assert not any("was pressed" in w.value for w in at.warning)


def test_an_alias_move_and_deletion_keep_their_reason_in_the_history(seeded, macro_result):
    publish_result(seeded, macro_result, "var", "patch", "second")
    at = _admin_forms(open_app({"model": "var"}, page=MODELS))  # local use: every right
    at.text_input(key="alias_name|var").input("champion")
    at.selectbox(key="alias_version|var").select("0.0.1")
    at.text_input(key="alias_reason|var").input("best backtest this quarter")
    _press(at, "Set alias")
    assert errors(at) == "" and at.text_input(key="alias_reason|var").value == ""  # used up: emptied
    at.text_input(key="alias_delete_reason|var").input("retired")
    _press(at, "Delete alias")
    assert errors(at) == ""
    trail = next(f.value for f in at.dataframe if "action" in f.value.columns)
    assert trail[["action", "alias", "reason"]].values.tolist()[:2] == [
        ["alias.delete", "@champion", "retired"],
        ["alias.set", "@champion", "best backtest this quarter"],
    ]


def test_a_reason_that_is_not_one_line_is_refused_naming_it(seeded):
    at = _admin_forms(open_app({"model": "var"}, page=MODELS))
    at.text_input(key="alias_name|var").input("champion")
    at.text_input(key="alias_reason|var").input("two\u202elines")
    _press(at, "Set alias")
    assert "reason has a control character U+202E at position 4" in errors(at)
    assert seeded.alias("var", "champion") is None


def test_a_viewer_is_refused_the_admin_forms_in_the_rest_services_words(seeded, monkeypatch):
    viewer = ui.auth.SignIn(True, Actor("Vera Viewer", "v", "http://issuer.test", "dashboard"), "viewer")
    monkeypatch.setattr(ui.auth, "current", lambda: viewer)
    at = open_app({"model": "var"}, page=MODELS)
    rule = role_needs("alias", "withdraw")  # the REST refusal says `not allowed: {role_needs(action)}; ...`
    assert rule == "moving or deleting an alias and withdrawing a version need the admin role"
    assert any(c.value.startswith(f"M{rule[1:]}; you are signed in as a viewer") for c in at.caption)
