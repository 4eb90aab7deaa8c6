"""Presentation mode folds the Forecast page's controls away, but never a refusal of what its link asked for: a
link's lag inputs, steps or scenario that are not used are said in one line above the folded controls, so the room
reads what the forecast shown is instead (they were hidden, the address quietly changed). The controls stay folded:
the forecast is drawn with the default in the refused value's place (they had opened, filling the room's screen
with controls above the charts)."""

from __future__ import annotations

from tests.app.conftest import charts, errors, open_app
from tests.integration.test_damaged_listings import overwrite
from ui.forecast_panel import FOLD
from varlib import make_scenario


def _fold(at):
    """The presentation's folded controls."""
    return next(e for e in at.expander if e.label == FOLD)


def _warnings(at) -> str:
    return "\n".join(x.value for x in [*at.warning, *at.caption])


def _above(at) -> list[str]:
    """The warnings written above the folded controls, which the room sees."""
    said = [w.value for w in at.warning if w.icon == ":material/link_off:"]  # not the far conditions' own fold
    for inside in _fold(at).warning:
        if inside.value in said:
            said.remove(inside.value)
    return said


def _lags(rows: int) -> str:
    return "~".join(f"{13000 + 10 * i},{9200 + 10 * i}" for i in range(rows))


def test_lag_inputs_the_link_cannot_use_are_said_above_the_folded_controls(seeded):
    rows = seeded.load("var", "0.0.1").lag_rows
    at = open_app({"model": "var", "version": "0.0.1", "steps": 20, "lags": _lags(rows + 1), "present": 1})
    assert errors(at) == ""
    assert "The link's lag inputs were not used" in _warnings(at)  # among the controls, with the cells named
    assert _above(at) == ["The link's lag inputs were not used: the forecast starts from the model's own."]
    assert not _fold(at).proto.expanded and len(charts(at)) == 2
    # the lag inputs a link carries and the table takes change nothing
    at = open_app({"model": "var", "version": "0.0.1", "lags": _lags(rows), "present": 1})
    assert "not used" not in _warnings(at) and at.query_params["lags"]
    assert not _fold(at).proto.expanded and _above(at) == []


def test_the_fold_stays_folded_while_the_presenter_changes_a_control_in_it(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 999, "present": 1})
    at.pills(key="fc_fan").set_value([30, 60]).run()  # the panel reruns: its notice is written anew, once
    assert not _fold(at).proto.expanded
    assert _above(at) == ["The link's 999 steps are outside 1–400: using 400."]


def test_steps_out_of_range_are_said_above_the_folded_controls(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "steps": 999, "present": 1})
    assert "The link's 999 steps are outside 1–400: using 400." in _warnings(at)
    assert _above(at) == ["The link's 999 steps are outside 1–400: using 400."]
    assert not _fold(at).proto.expanded and len(charts(at)) == 2
    at = open_app({"model": "var", "version": "0.0.1", "steps": 12, "present": 1})
    assert not _fold(at).proto.expanded and _above(at) == []


def test_a_scenario_not_saved_is_said_above_the_folded_controls(varx, registry):
    artifact, _ = varx
    exog = {"realint": [1.0] * 4}
    registry.save_scenario(make_scenario(artifact, "gdp-dip", 4, conditions={"realgdp": [1e4]}, exog=exog))
    at = open_app({"model": "varx", "version": "0.0.1", "scenario": "nope", "present": 1})
    assert "The link asked for scenario 'nope' of varx 0.0.1, which is not saved (saved: gdp-dip)" in _warnings(at)
    # the line the room sees says it too, with the names the presenter picks from in the folded controls
    assert _above(at) == [
        "The link asked for scenario 'nope' of varx 0.0.1, which is not saved (saved: gdp-dip);"
        " showing the forecast without it."
    ]
    assert not _fold(at).proto.expanded and len(charts(at)) == 2
    # a saved scenario that keeps its own steps over the link's says so above the controls too
    at = open_app({"model": "varx", "version": "0.0.1", "scenario": "gdp-dip", "steps": 9, "present": 1})
    assert "keeps its own" in "\n".join(_above(at)) and not _fold(at).proto.expanded
    at = open_app({"model": "varx", "version": "0.0.1", "scenario": "gdp-dip", "present": 1})
    assert not _fold(at).proto.expanded and _above(at) == []


def test_a_scenario_saved_but_unreadable_is_not_said_unsaved_above_the_folded_controls(seeded):
    """A damaged scenario is saved (its name stays taken until an admin deletes it): the line above the controls
    said it was not saved."""
    seeded.save_scenario(make_scenario(seeded.load("var", "0.0.1"), "dip", 4, conditions={"realgdp": [1e4]}))
    overwrite(seeded, "var/_scenarios/0_0_1/dip.json", b"{")
    at = open_app({"model": "var", "version": "0.0.1", "scenario": "dip", "present": 1})
    assert "a scenario that cannot be opened: scenario 'dip'" in _warnings(at)  # among the controls, with why
    (above,) = _above(at)
    assert above.startswith("The link asked for a scenario that cannot be opened: scenario 'dip'"), above
    assert above.endswith("; showing the forecast without it.") and "not saved" not in above


def test_a_scenario_link_of_a_version_without_saved_ones_says_so_above_and_among_the_controls(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "scenario": "nosuch", "present": 1})
    assert errors(at) == ""
    said = "scenario 'nosuch' of var 0.0.1, which is not saved (none is saved on it)"
    assert f"The link asked for {said}; showing the editor instead." in _warnings(at)
    assert _above(at) == [f"The link asked for {said}; showing the forecast without it."]
