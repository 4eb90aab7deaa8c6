"""The scenario's conditions table of nine long-named variables (eleven columns) scrolled sideways at 1440 px, each
name cut: it shows as many variables as fit, picked under **Variables in the table**, and the values of the others
still apply."""

from __future__ import annotations

from tests.app.conftest import charts, errors, trace, values
from tests.app.test_scenario_pages import _condition, _conditions_editor, _with_editor
from tests.support.models import LONG_NAMES, publish_long_named
from ui import column_widths

NAMES = LONG_NAMES
PICKED = "_fc_path|conditions|long|0.0.1|shown"
ROOM, PENCIL = 944, 22  # the table's width at 1440 px, and the pencil an editable column's header draws (Chromium)


def test_the_conditions_table_shows_the_variables_that_fit_and_keeps_the_others_values(registry):
    publish_long_named(registry)
    at = _with_editor({"model": "long", "version": "0.0.1", "steps": 4})
    table = _conditions_editor(at).value
    shown = list(table.columns[2:])
    assert 1 <= len(shown) < len(NAMES) and shown == list(NAMES.values())[: len(shown)]
    need = column_widths.needs(table)
    assert sum(need.values()) + PENCIL * len(shown) <= ROOM  # no sideways scrolling at 1440 px
    assert at.multiselect(key=PICKED).value == shown
    _condition(at, {0: {"real_gross_domestic_product": 13000.0}})
    at.multiselect(key=PICKED).set_value(["unemployment_rate"]).run()
    assert list(_conditions_editor(at).value.columns) == ["step", "date", "unemployment_rate"]
    _condition(at, {0: {"unemployment_rate": 9.5}})
    assert errors(at) == ""
    figures = dict(zip(NAMES.values(), charts(at), strict=True))
    assert values(trace(figures["real_gross_domestic_product"], "scenario"), "y")[1] == 13000.0  # still applies
    assert values(trace(figures["unemployment_rate"], "scenario"), "y")[1] == 9.5
