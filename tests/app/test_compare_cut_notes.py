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


LONG = "real_gross_domestic_product_chained_2017_dollars_saar"


def test_a_row_name_cut_short_by_its_column_ends_in_an_ellipsis_and_stays_whole_in_its_cell(seeded):
    """Row names were the index, which Streamlit draws as it is: a score row of a long variable name was cut at
    the column's edge with no "…". They are now cells of the pinned first column, drawn as the other cells are."""
    dataset = load_dataset(variables=["realgdp", "realcons"])
    frame = dataset.frame.rename(columns={"realgdp": LONG}).rename_axis("date").reset_index()
    upload = load_dataset(frame.to_csv(index=False).encode(), date_col="date", variables=[LONG, "realcons"])
    for lags in (1, 2):
        publish_result(seeded, train_model(upload, ModelSpec((LONG, "realcons"), lags=lags)), "long")
    at = open_app({"versions": "long:0.0.2,long:0.0.1"}, page=COMPARE)
    table = at.dataframe[0]
    width = json.loads(table.proto.columns)[""]["width"]
    row = f"holdout RMSE {LONG}"
    assert column_widths.need([row]) > width  # the case: the name is wider than its column
    shown = displayed(table).set_axis(table.value.index).loc[row, ""]
    assert shown.endswith("…") and row.startswith(shown[:-1].rstrip()) and len(shown) > 20, shown
    assert column_widths.text_px(shown) <= width - column_widths.PADDING
    assert table.value.loc[row, ""] == row  # what double-clicking the cell shows
    assert displayed(table).set_axis(table.value.index).loc["rows", ""] == "rows"  # a short one stays whole
