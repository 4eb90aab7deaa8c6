"""A saved scenario deleted while another session has the Forecast page open: that session, picking it from its
picker as last drawn, holding it open, or following a link to it, is told by name that it was deleted, by whom, and
what to do; it draws none of its numbers, and its picker stops offering it at once (a fresh listing, not when the
cached one expires). A deletion from this dashboard clears the listing for every session; one from another process
(the CLI, the REST service) leaves it cached, so the scenario itself is asked for before it is drawn."""

from __future__ import annotations

from tests.app.conftest import ADMIN, errors, open_app, warnings
from ui.forecast_link import KEYS, NO_SCENARIO

VERSION = {"model": "var", "version": "0.0.1"}
LINK = {**VERSION, "scenario": "hold"}
DELETED = "Saved scenario **hold** of var 0.0.1 was deleted by **Ada Admin**"
TO_DO = "pick another saved scenario, or set the inputs below and save them as a new scenario"


def _described(at) -> bool:
    """Whether the page describes `hold` as a saved scenario it shows."""
    return any("Saved scenario **hold** by" in i.value for i in at.info)


def _gone_said(at) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert DELETED in warnings(at) and TO_DO in warnings(at) and errors(at) == ""
    assert at.session_state[KEYS["scenario"]] == NO_SCENARIO and not _described(at)
    assert at.selectbox(key=KEYS["scenario"]).options == ["none: edit a new scenario", "keep"]
    assert "scenario" not in at.query_params


def test_a_scenario_picked_from_a_picker_drawn_before_another_session_deleted_it(held):
    other = open_app(VERSION)  # drawn while `hold` was saved
    admin = open_app(LINK)
    next(c for c in admin.checkbox if c.label == "Delete hold of var 0.0.1").check()
    next(b for b in admin.button if b.label == "Delete scenario").click().run()
    assert held.scenarios("var", "0.0.1")[0].scenario == "keep"
    other.selectbox(key=KEYS["scenario"]).set_value("hold").run()
    _gone_said(other)
    assert other.number_input(key=KEYS["steps"]).value == 8  # the editor's own steps, not the deleted scenario's
    other.run()  # said once
    assert DELETED not in warnings(other)


def test_a_scenario_held_open_when_another_process_deleted_it(held):
    other = open_app(LINK)
    assert _described(other)
    held.delete_scenario("var", "0.0.1", "hold", ADMIN)  # the CLI's or REST's: this server's listing still has it
    other.pills(key=KEYS["fan"]).set_value([30, 60]).run()
    _gone_said(other)


def test_a_scenario_picked_within_the_listings_life_after_another_process_deleted_it(held):
    other = open_app(VERSION)
    held.delete_scenario("var", "0.0.1", "hold", ADMIN)
    other.selectbox(key=KEYS["scenario"]).set_value("hold").run()
    _gone_said(other)
    assert other.number_input(key=KEYS["steps"]).value == 8


def test_a_link_to_a_scenario_deleted_by_another_process(held):
    open_app(LINK)  # this server listed it, and keeps the listing
    held.delete_scenario("var", "0.0.1", "hold", ADMIN)
    at = open_app(LINK)
    assert not at.exception and errors(at) == "" and not _described(at)
    said = warnings(at)
    assert "The link asked for scenario 'hold' of var 0.0.1, which was deleted by Ada Admin" in said
    assert "so it no longer opens (saved: keep); pick a saved scenario, or ask whoever shared the link" in said
    assert at.selectbox(key=KEYS["scenario"]).options == ["none: edit a new scenario", "keep"]


def test_a_version_change_leaves_its_scenario_behind_unsaid(held, macro_result):
    from varlib.service import publish_result

    publish_result(held, macro_result, "var", "patch", "second")
    at = open_app(LINK)
    at.selectbox(key=KEYS["version"]).set_value("0.0.2").run()
    assert not at.exception and at.session_state[KEYS["scenario"]] == NO_SCENARIO
    assert "was deleted" not in warnings(at) and "no longer saved" not in warnings(at)
