"""In a presentation the Copy link box sends the presenter to the save form where it is drawn: a presentation
draws none under the charts, so the box names Presentation mode, not only Scenario: conditions."""

from __future__ import annotations

from tests.app.conftest import errors, open_app
from ui.forecast_panel import LINK_OPEN


def _edit_exog_and_open_the_link(present: bool):
    query = {"model": "varx", "version": "0.0.1", "steps": 3} | ({"present": 1} if present else {})
    at = open_app(query)
    editor = next(e for e in at.data_editor if e.key.startswith("_fc_path|exogenous values|"))
    at.session_state[editor.key] = {"edited_rows": {0: {"realint": 2.0}}, "added_rows": [], "deleted_rows": []}
    at.session_state[LINK_OPEN] = True
    at.run()
    assert errors(at) == ""
    return at, next(c.value for c in at.caption if "does not carry" in c.value)


def test_a_presentations_link_box_names_the_mode_its_save_form_needs(varx):
    at, said = _edit_exog_and_open_the_link(present=True)
    assert not any(b.label == "Save scenario" for b in at.button)  # no form to open in a presentation
    assert said.endswith(
        "save them as a scenario (turn Presentation mode off and open Scenario: conditions, for its form)."
    )
    _, said = _edit_exog_and_open_the_link(present=False)
    assert said.endswith("save them as a scenario (open Scenario: conditions, below, for its form).")
