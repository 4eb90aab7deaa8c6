"""The Forecast page's lag inputs of nine long-named variables scrolled sideways at 1440 px (1738 px of columns in a
978 px table): the table shows as many variables as fit, picked under **Variables in the table**, and the values of
the others, edited or not, stay in the inputs the forecast starts from."""

from __future__ import annotations

from tests.app.conftest import charts, open_app, trace, values
from tests.support.models import LONG_NAMES as NAMES
from tests.support.models import publish_long_named
from ui import column_pick, column_widths

PICKED = "lag_shown|long|0.0.1"


def _lag_editor(at):
    return next(e for e in at.data_editor if e.key.startswith("lags|"))


def _edit(at, edits: dict) -> None:
    at.session_state[_lag_editor(at).key] = {"edited_rows": edits, "added_rows": [], "deleted_rows": []}
    at.run()


def _captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


def test_the_lag_table_shows_the_variables_that_fit_and_keeps_the_others_values(registry):
    publish_long_named(registry)
    at = open_app({"model": "long", "version": "0.0.1", "steps": 4})
    editor = _lag_editor(at)
    shown = list(editor.proto.column_order)[1:]
    assert list(editor.proto.column_order)[0] == "date"
    assert 1 <= len(shown) < len(NAMES) and shown == list(NAMES.values())[: len(shown)]
    need = column_widths.needs(editor.value)
    assert need["date"] + sum(need[c] + column_pick.EDIT_ICON_PX for c in shown) <= column_pick.TABLE_PX
    assert list(editor.value.columns) == ["date", *NAMES.values()]  # the others hidden, not left out
    assert at.multiselect(key=PICKED).value == shown
    before = values(trace(charts(at)[0], "forecast"), "y")[1]
    _edit(at, {0: {"real_gross_domestic_product": "14000"}})
    at.multiselect(key=PICKED).set_value(["unemployment_rate"]).run()
    editor = _lag_editor(at)
    assert list(editor.proto.column_order) == ["date", "unemployment_rate"]
    assert "1 value differs from the model's own data" in _captions(at)  # the hidden column's edit still applies
    assert values(trace(charts(at)[0], "forecast"), "y")[1] != before
    _edit(at, {0: {"real_gross_domestic_product": "14000", "unemployment_rate": "9.9"}})
    assert "2 values differ from the model's own data" in _captions(at)


def test_a_table_whose_variables_all_fit_draws_no_picker(seeded):
    at = open_app({"model": "var", "version": "0.0.1"})
    assert not _lag_editor(at).proto.column_order
    assert not [m for m in at.multiselect if (m.key or "").startswith("lag_shown|")]
