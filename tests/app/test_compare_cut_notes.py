"""The Compare page's caption promises that a text cut short shows "…"; a long note was cut at its column's edge
with no sign that it goes on. It is drawn with "…" where it is cut, and the cell keeps it whole for its overlay."""

from __future__ import annotations

import json

from tests.app.conftest import displayed, open_app
from ui import column_widths
from varlib import ModelSpec, load_dataset, train_model
from varlib.service import publish_result

COMPARE = "views/compare.py"
NOTE = "A note long enough to run past its column: why this version was published, from which data, and for whom"


def test_a_note_cut_short_by_its_column_ends_in_an_ellipsis_and_stays_whole_in_its_cell(seeded):
    dataset = load_dataset()
    publish_result(seeded, train_model(dataset, ModelSpec(tuple(dataset.variables), lags=1)), "var", notes=NOTE)
    at = open_app({"versions": "var:0.0.2,var:0.0.1"}, page=COMPARE)
    table = at.dataframe[0]
    assert any("A text cut short (…)" in c.value for c in at.caption)
    width = json.loads(table.proto.columns)["var 0.0.2"]["width"]
    shown = displayed(table).set_axis(table.value.index).loc["notes", "var 0.0.2"]
    assert shown.endswith("…") and NOTE.startswith(shown[:-1].rstrip()) and len(shown) > 20, shown
    assert column_widths.text_px(shown) <= width - column_widths.PADDING  # drawn whole, the "…" included
    assert table.value.loc["notes", "var 0.0.2"] == NOTE  # what double-clicking the cell shows
    assert displayed(table).set_axis(table.value.index).loc["variables", "var 0.0.2"] == "realgdp, realcons"
