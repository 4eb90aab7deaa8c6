"""In a presentation the Copy link box sends the presenter to the save form where it is drawn: a presentation
draws none under the charts, so the box names Presentation mode, not only Scenario: conditions; and the editor,
folded with the controls, says so where a presenter looks for saving."""

from __future__ import annotations

from tests.app.conftest import errors, open_app
from ui.forecast_panel import LINK_OPEN
from ui.paths_editor import EDITOR_OPEN, SAVE_NEEDS


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


def _editor_opened(present: bool):
    at = open_app({"model": "var", "version": "0.0.1"} | ({"present": 1} if present else {}))
    at.session_state[EDITOR_OPEN] = True
    at.run()
    assert errors(at) == ""
    return at, next(e for e in at.expander if e.label == "Scenario: conditions")


def test_the_editor_of_a_presentation_says_that_saving_needs_the_mode_off(seeded):
    _, editor = _editor_opened(present=True)
    assert [c.value for c in editor.caption if c.value == SAVE_NEEDS] == [SAVE_NEEDS]
    assert "Presentation mode off" in SAVE_NEEDS
    at, editor = _editor_opened(present=False)  # the form is there: nothing to say
    assert SAVE_NEEDS not in [c.value for c in at.caption]
    assert any(b.label == "Save scenario" for b in at.button)
