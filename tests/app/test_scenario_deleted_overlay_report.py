"""A saved scenario deleted while another session draws it over the forecast (Overlay) or holds it in the
Diagnostics report's picker: that session says once, by name, who deleted it, stops drawing it or putting it in the
report, and stops offering it; whether the deletion came from this dashboard (the listing cleared for every session)
or from another process (the listing still cached)."""

from __future__ import annotations

import pytest

from tests.app.conftest import ADMIN, charts, errors, open_app, warnings
from ui import store
from varlib import make_scenario

VERSION = {"model": "var", "version": "0.0.1"}
DELETED = "Saved scenario **hold** of var 0.0.1 was deleted by **Ada Admin**"
DIAG = "views/diagnostics.py"
REPORT = "dg_report_scenario"
PICK = "pick another saved scenario under *Forecast of*"


def _overlay(at):
    return next(m for m in at.multiselect if m.label == "Overlay")


def _drawn(at) -> set[str]:
    return {t.get("name", "") for figure in charts(at) for t in figure["data"]}


@pytest.mark.parametrize("listing_cleared", [False, True], ids=["another-process", "this-dashboard"])
def test_an_overlaid_scenario_deleted_elsewhere_is_said_once_and_no_longer_drawn(held, listing_cleared):
    at = open_app({**VERSION, "steps": 4})
    _overlay(at).set_value(["hold", "keep"]).run()
    assert {"hold", "keep"} <= _drawn(at)
    held.delete_scenario("var", "0.0.1", "hold", ADMIN)
    if listing_cleared:  # as a deletion on the Forecast page of another session does
        store.refresh()
    at.run()
    assert not at.exception and errors(at) == ""
    assert "hold" not in _drawn(at) and "keep" in _drawn(at)
    said = warnings(at)
    assert DELETED in said and "no longer drawn over the forecast, nor offered under *Overlay*" in said
    assert _overlay(at).options == ["baseline (no conditions)", "keep"] and _overlay(at).value == ["keep"]
    at.run()  # said once
    assert DELETED not in warnings(at) and "keep" in _drawn(at)


def test_several_overlaid_scenarios_are_checked_with_one_listing_of_their_folder(held, monkeypatch):
    """Each overlaid scenario asked for on its own would list the version's scenario folder once; all of them are
    checked with one listing per run (none within a second of the store's last word: not tested, it hangs on the
    clock)."""
    held.save_scenario(make_scenario(held.load("var", "0.0.1"), "third", 5), ADMIN)
    at = open_app({**VERSION, "steps": 4})
    _overlay(at).set_value(["hold", "keep", "third"]).run()
    asked: list[str] = []
    shelf = store.registry().store  # the app's: the one Registry of this server
    for method in ("list", "children"):
        real = getattr(shelf, method)
        monkeypatch.setattr(
            shelf, method, lambda prefix, *a, real=real, **k: asked.append(prefix) or real(prefix, *a, **k)
        )
    at.run()
    assert not at.exception and {"hold", "keep", "third"} <= _drawn(at)
    assert len([prefix for prefix in asked if "_scenarios" in prefix]) == 1, asked


def _report(at) -> str:
    return at.session_state[REPORT]


@pytest.mark.parametrize("listing_cleared", [False, True], ids=["another-process", "this-dashboard"])
def test_the_reports_scenario_deleted_elsewhere_is_said_and_the_baseline_reported(held, downloads, listing_cleared):
    at = open_app({**VERSION, "tab": "report"}, page=DIAG)
    at.selectbox(key=REPORT).set_value("hold").run()
    assert "<h2>Scenario hold: 4 steps" in downloads.files["Download HTML report"].decode()
    held.delete_scenario("var", "0.0.1", "hold", ADMIN)
    if listing_cleared:
        store.refresh()
    at.run()
    assert not at.exception and errors(at) == ""
    assert "Scenario hold" not in downloads.files["Download HTML report"].decode()
    said = warnings(at)
    assert DELETED in said and f"The report forecasts the baseline instead: {PICK} to report one." in said
    assert _report(at) == "" and at.selectbox(key=REPORT).options == ["the baseline", "keep"]
    page = downloads.files["Download HTML report"].decode()
    assert "Scenario hold" not in page and "<h2>Forecast: 8 steps, 95% intervals</h2>" in page
    at.run()  # said once
    assert DELETED not in warnings(at)


def test_a_report_link_to_a_scenario_another_process_deleted(held, downloads):
    open_app({**VERSION, "tab": "report"}, page=DIAG)  # this server listed it, and keeps the listing
    held.delete_scenario("var", "0.0.1", "hold", ADMIN)
    at = open_app({**VERSION, "tab": "report", "scenario": "hold"}, page=DIAG)
    assert not at.exception and errors(at) == "" and _report(at) == ""
    assert "Scenario hold" not in downloads.files["Download HTML report"].decode()
    said = warnings(at)
    assert "The link asked for scenario 'hold' of var 0.0.1, which was deleted by Ada Admin" in said
    assert "so it no longer opens (saved: keep); pick a saved scenario, or ask whoever shared the link" in said
    assert at.selectbox(key=REPORT).options == ["the baseline", "keep"]


def test_a_version_change_leaves_the_reports_scenario_behind_unsaid(held, macro_result):
    from varlib.service import publish_result

    publish_result(held, macro_result, "var", "patch", "second")
    at = open_app({**VERSION, "tab": "report", "scenario": "hold"}, page=DIAG)
    assert _report(at) == "hold"
    next(s for s in at.selectbox if s.label == "Version").set_value("0.0.2").run()
    assert not at.exception and errors(at) == "" and _report(at) == ""
    assert "was deleted" not in warnings(at) and "no longer saved" not in warnings(at)
