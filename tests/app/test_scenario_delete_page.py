"""Deleting a saved scenario on the Forecast page: an admin ticks the box and presses **Delete scenario** (a press
without the tick deletes nothing), the page returns to the version's own inputs with a notice and the link loses its
`scenario=`; a damaged scenario is deleted from its own form; a publisher or viewer sees the button disabled with the
role it needs; a read-only store shows none; a press cut off by the sign-in's end is said not done."""

from __future__ import annotations

import pytest

import ui.auth
from tests.app.conftest import errors, open_app, warnings
from ui.forecast_link import KEYS, NO_SCENARIO
from varlib import Actor, make_scenario
from varlib.catalog.layout import scenario_key

ADMIN = Actor("Ada Admin", "ada", "http://issuer.test", "dashboard")
PAT = Actor("Pat Publisher", "pat", "http://issuer.test", "dashboard")
LINK = {"model": "var", "version": "0.0.1", "scenario": "hold"}


@pytest.fixture
def held(seeded):
    seeded.save_scenario(make_scenario(seeded.load("var", "0.0.1"), "hold", 4), PAT)
    return seeded


def _as(monkeypatch, actor: Actor, role: str) -> None:
    monkeypatch.setattr(ui.auth, "current", lambda: ui.auth.SignIn(True, actor, role))
    monkeypatch.setattr(ui.auth, "_provider_problem", lambda: None)


def _delete_button(at):
    return next(b for b in at.button if b.label == "Delete scenario")


def test_an_admin_deletes_the_open_scenario_after_ticking_the_box(held, monkeypatch):
    _as(monkeypatch, ADMIN, "admin")
    at = open_app(LINK)
    assert at.session_state[KEYS["scenario"]] == "hold"
    _delete_button(at).click().run()  # not ticked: nothing happens but the warning
    assert not at.exception and held.scenario("var", "0.0.1", "hold").steps == 4
    assert any("Tick *Delete hold of var 0.0.1* to delete it." in w.value for w in at.warning)
    next(c for c in at.checkbox if c.label == "Delete hold of var 0.0.1").check()
    _delete_button(at).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert held.scenarios("var", "0.0.1") == []
    newest = held.history("var")[0]
    assert (newest.action, newest.scenario, newest.actor.subject) == ("scenario.delete", "hold", "ada")
    assert at.session_state[KEYS["scenario"]] == NO_SCENARIO  # the version's own inputs, with a notice
    assert any("Scenario **hold** of var 0.0.1 is deleted; links to it no longer open" in s.value for s in at.success)
    assert "scenario" not in at.query_params and errors(at) == ""
    assert not any(b.label == "Delete scenario" for b in at.button)  # no scenario open: nothing to delete
    assert "hold" not in at.selectbox(key=KEYS["scenario"]).options
    at.run()  # said once
    assert not any("is deleted" in s.value for s in at.success)


@pytest.mark.parametrize("role", ["publisher", "viewer"])
def test_a_publisher_or_viewer_sees_the_button_disabled_with_the_role_it_needs(held, monkeypatch, role):
    _as(monkeypatch, PAT, role)
    at = open_app(LINK)
    button = _delete_button(at)
    assert button.disabled and "Deleting a scenario needs the admin role" in button.help
    assert not any(c.label.startswith("Delete hold") for c in at.checkbox)
    assert held.scenario("var", "0.0.1", "hold").steps == 4


def test_a_read_only_store_offers_no_deletion(held, monkeypatch):
    _as(monkeypatch, ADMIN, "admin")
    monkeypatch.setenv("VARLIB_READ_ONLY", "1")
    at = open_app(LINK)
    assert at.session_state[KEYS["scenario"]] == "hold" and errors(at) == ""
    assert not any(b.label == "Delete scenario" for b in at.button)
    monkeypatch.delenv("VARLIB_READ_ONLY")
    assert not _delete_button(open_app(LINK)).disabled  # the same admin on a writable store is offered it


def test_a_scenario_deleted_meanwhile_is_said_and_the_page_stays_up(held, monkeypatch):
    _as(monkeypatch, ADMIN, "admin")
    at = open_app(LINK)
    held.delete_scenario("var", "0.0.1", "hold", ADMIN)  # by someone else, after the page was drawn
    next(c for c in at.checkbox if c.label == "Delete hold of var 0.0.1").check()
    _delete_button(at).click().run()
    assert not at.exception, [e.value for e in at.exception]
    # the press deletes nothing (the registry refuses: deleted meanwhile); the page then finds the scenario gone and
    # says who deleted it, showing the editor (tests/app/test_scenario_deleted_elsewhere.py)
    assert "Saved scenario **hold** of var 0.0.1 was deleted by **Ada Admin**" in warnings(at)
    assert at.session_state[KEYS["scenario"]] == NO_SCENARIO
    assert [r.action for r in held.history("var")].count("scenario.delete") == 1


def test_a_delete_pressed_as_the_sign_in_runs_out_is_said_not_done(held, monkeypatch):
    state = [ui.auth.SignIn(True, ADMIN, "admin")]
    monkeypatch.setattr(ui.auth, "current", lambda: state[0])
    monkeypatch.setattr(ui.auth, "_provider_problem", lambda: None)
    at = open_app(LINK)
    next(c for c in at.checkbox if c.label == "Delete hold of var 0.0.1").check()
    state[0] = ui.auth.SignIn(True, None, None, expired=True)  # ended before the press reached the server
    _delete_button(at).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert held.scenario("var", "0.0.1", "hold").steps == 4
    said = "\n".join(w.value for w in at.warning)
    assert "**Delete scenario** (model **var**) was pressed after your sign-in had run out, so it was not done" in said
    assert "open the scenario on the Forecast page again, tick the box, then press **Delete scenario**" in said


def test_an_admin_deletes_a_damaged_scenario_which_frees_its_name(held, monkeypatch):
    _as(monkeypatch, ADMIN, "admin")
    key = scenario_key("var", held.load("var", "0.0.1").version, "hold")
    held.store.replace(key, b"not json", held.store.get(key, 1 << 20).etag)
    at = open_app({"model": "var", "version": "0.0.1"})
    assert any("Not offered, as they cannot be read: hold" in c.value for c in at.caption)
    assert at.selectbox(key="fc_damaged_pick").options == ["hold"]
    next(b for b in at.button if b.label == "Delete damaged scenario").click().run()  # not ticked: nothing done
    assert any("Tick *Delete the damaged scenario picked above*" in w.value for w in at.warning)
    assert [s.scenario for s in held.scenarios("var", "0.0.1")] == ["hold"]
    next(c for c in at.checkbox if c.label == "Delete the damaged scenario picked above").check()
    next(b for b in at.button if b.label == "Delete damaged scenario").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert held.scenarios("var", "0.0.1") == [] and errors(at) == ""
    assert any("Scenario **hold** of var 0.0.1 is deleted" in s.value for s in at.success)
    assert not any(b.label == "Delete damaged scenario" for b in at.button)
    assert not any("cannot be read" in c.value for c in at.caption)
