"""The scenario editor's path shaper speaks as the conditions table does: the steps it sets by their periods
(2009Q4), not by the ISO dates the table keeps underneath (2009-10-01), and a dragged path's values as its
sliders show them (six significant digits), not every digit of an interpolated float."""

from __future__ import annotations

from tests.app.conftest import errors, open_app
from ui.paths_editor import EDITOR_OPEN

AT = "_fc_path|conditions|var|0.0.1"


def _shaper(steps: int):
    at = open_app({"model": "var", "version": "0.0.1", "steps": steps})
    at.session_state[EDITOR_OPEN] = True
    at.run()
    at.toggle(key=f"{AT}|shaper").set_value(True).run()
    return at


def test_the_steps_slider_names_periods_as_the_table_does(seeded):
    steps = _shaper(6).select_slider(key=f"{AT}|shape_steps|6")
    assert steps.options == ["2009Q4", "2010Q1", "2010Q2", "2010Q3", "2010Q4", "2011Q1"]
    assert steps.label == "Steps to set (drag either end)"


def test_a_straight_line_fills_the_table_with_the_digits_its_sliders_show(seeded):
    at = _shaper(5)
    at.radio(key=f"{AT}|shape").set_value("straight line").run()
    at.slider(key=f"{AT}|shape_b|realgdp").set_value(13000.0).run()  # the start stays the forecast's own value
    next(b for b in at.button if b.label == "Apply to the table").click().run()
    assert errors(at) == ""
    editor = next(e for e in at.data_editor if e.key.startswith("_fc_path|conditions|"))
    cells = editor.value["realgdp"].tolist()
    assert all(cell and float(cell) == float(f"{float(cell):.6g}") for cell in cells), cells
    assert float(cells[-1]) == 13000.0
