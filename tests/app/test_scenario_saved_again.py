"""A saved scenario deleted and saved again under its name, with other numbers, by another process while this
server's listing still holds the old one: a session that has it open, draws it over the forecast, or reports it,
shows the new numbers on its next run, never the old ones as if still saved."""

from __future__ import annotations

from tests.app.conftest import ADMIN, charts, open_app
from ui.forecast_link import KEYS
from varlib import make_scenario

VERSION = {"model": "var", "version": "0.0.1"}


def _saved_again(registry, steps: int) -> None:
    """`hold` deleted and saved again with `steps` steps, as the CLI or the REST service would (another process)."""
    registry.delete_scenario("var", "0.0.1", "hold", ADMIN)
    registry.save_scenario(make_scenario(registry.load("var", "0.0.1"), "hold", steps), ADMIN)


def _points(at, name: str) -> set[int]:
    """How many points the charts' traces `name` have (a forecast line starts at the last observation: steps + 1)."""
    return {len(t["x"]) for figure in charts(at) for t in figure["data"] if t.get("name") == name}


def test_a_scenario_held_open_shows_the_numbers_saved_again(held):
    at = open_app({**VERSION, "scenario": "hold"})
    assert _points(at, "forecast (mean)") == {5}
    _saved_again(held, 5)
    at.run()
    assert not at.exception and at.session_state[KEYS["scenario"]] == "hold"
    assert _points(at, "forecast (mean)") == {6}


def test_an_overlaid_scenario_is_drawn_with_the_numbers_saved_again(held):
    at = open_app({**VERSION, "steps": 8})
    next(m for m in at.multiselect if m.label == "Overlay").set_value(["hold"]).run()
    assert _points(at, "hold") == {5}
    _saved_again(held, 5)
    at.run()
    assert not at.exception and _points(at, "hold") == {6}


def test_the_report_of_a_scenario_holds_the_numbers_saved_again(held, downloads):
    at = open_app({**VERSION, "tab": "report"}, page="views/diagnostics.py")
    at.selectbox(key="dg_report_scenario").set_value("hold").run()
    assert "<h2>Scenario hold: 4 steps" in downloads.files["Download HTML report"].decode()
    _saved_again(held, 5)
    at.run()
    assert not at.exception and at.session_state["dg_report_scenario"] == "hold"
    assert "<h2>Scenario hold: 5 steps" in downloads.files["Download HTML report"].decode()
