"""The Compare page keeps the order the versions were picked in, names every row in full, formats each
row one way and hovers with period names."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from tests.app.conftest import charts, displayed, errors, formats_of, open_app, values, version_columns
from varlib import ModelSpec, load_dataset, train_model
from varlib.service import publish_result

COMPARE = "views/compare.py"


@pytest.fixture
def two_versions(seeded):
    """var 0.0.1 (the seed, lags by AIC) and var 0.0.2 (one lag, fewer lag inputs)."""
    dataset = load_dataset()
    publish_result(seeded, train_model(dataset, ModelSpec(variables=tuple(dataset.variables), lags=1)), "var")
    return seeded


def test_versions_stay_in_the_order_they_were_picked(two_versions):
    at = open_app(page=COMPARE)
    assert at.multiselect(key="cmp_versions").value == ["var 0.0.2", "var 0.0.1"]  # default: newest first
    at.multiselect(key="cmp_versions").set_value(["var 0.0.1", "var 0.0.2"]).run()  # oldest picked first
    assert not at.exception and errors(at) == ""
    assert version_columns(at.dataframe[0]) == ["var 0.0.1", "var 0.0.2"]
    legend = [t["name"] for t in charts(at)[0]["data"] if t.get("mode") == "lines+markers"]
    assert legend == ["var 0.0.1", "var 0.0.2"]
    # the first picked version is the one whose lag inputs are shared, and the page says so
    seed = two_versions.load("var", "0.0.1")
    editor = at.data_editor[0].value
    assert len(editor) == seed.lag_rows
    assert any("Versions with the variables of var 0.0.1 (the first picked)" in c.value for c in at.caption)
    assert any("from var 0.0.1" in e.proto.label for e in at.expander)
    # picked the other way round, everything follows
    at.multiselect(key="cmp_versions").set_value(["var 0.0.2", "var 0.0.1"]).run()
    assert version_columns(at.dataframe[0]) == ["var 0.0.2", "var 0.0.1"]
    assert any("from var 0.0.2" in e.proto.label for e in at.expander)


def test_row_names_are_shown_whole_and_each_row_has_one_number_format(two_versions):
    at = open_app(page=COMPARE)
    table = at.dataframe[0]
    names = list(table.value.index)
    config = json.loads(table.proto.columns)
    width = config[""]["width"]  # the row names are the first column's cells, headed by nothing
    assert isinstance(width, int) and width >= 7 * max(len(n) for n in names)  # "holdout RMSE realcons" fits
    assert config[""].get("pinned") is True and config["_index"] == {"hidden": True}
    assert list(displayed(table)[""]) == names  # drawn whole
    for column in version_columns(table):  # nor a version's cells: with many versions the table scrolls instead
        cells = [column, *displayed(table)[column]]
        assert config[column]["width"] >= 7 * max(len(str(cell)) for cell in cells), column
    rows = dict(zip(names, displayed(table)[version_columns(table)].to_numpy().tolist(), strict=True))
    for name in ("holdout RMSE realgdp", "holdout MAE realcons", "holdout MAPE % realgdp", "holdout fraction"):
        assert len(formats_of(rows[name])) == 1, (name, rows[name])
    assert rows["rows"] == [rows["rows"][0]] * 2 and re.fullmatch(r"\d+", rows["rows"][0])


def test_hover_names_quarters(two_versions):
    at = open_app(page=COMPARE)
    figure = charts(at)[0]
    history = next(t for t in figure["data"] if t.get("name") == "history")
    assert values(history, "customdata")[-1] == "2009Q3" and "%{customdata}" in history["hovertemplate"]
    line = next(t for t in figure["data"] if t.get("name") == "var 0.0.2")
    assert list(values(line, "customdata"))[:3] == ["2009Q3 (the last lag input)", "2009Q4", "2010Q1"]
    assert "Jan" not in json.dumps(figure["data"])  # no day-of-month dates in any hover


def test_each_forecast_line_starts_at_the_last_lag_input_it_was_made_from(two_versions):
    at = open_app(page=COMPARE)
    figure = charts(at)[0]
    history = next(t for t in figure["data"] if t.get("name") == "history")
    for label in ("var 0.0.2", "var 0.0.1"):  # both on the shared lag inputs: they join the history's last point
        line = next(t for t in figure["data"] if t.get("name") == label)
        assert pd.Timestamp(values(line, "x")[0]) == pd.Timestamp(values(history, "x")[-1])
        assert values(line, "y")[0] == values(history, "y")[-1]
        assert len(values(line, "y")) == 8 + 1  # the start, then the 8 steps


def test_a_varx_beside_a_var_says_what_it_assumed_for_its_exogenous_values(seeded):
    dataset = load_dataset(variables=["realgdp", "realcons", "realint"])
    spec = ModelSpec(variables=("realgdp", "realcons"), exog=("realint",), lags=2)
    publish_result(seeded, train_model(dataset, spec), "varx")
    at = open_app(page=COMPARE)
    at.multiselect(key="cmp_versions").set_value(["var 0.0.1", "varx 0.0.1"]).run()
    assert errors(at) == ""
    last = float(dataset.frame["realint"].iloc[-1])
    said = [c.value for c in at.caption if c.value.startswith("**varx 0.0.1**")]
    assert said == [f"**varx 0.0.1**: exogenous values held at their last observed (realint {last:g})."]
    assert len([t for t in charts(at)[0]["data"] if t.get("mode") == "lines+markers"]) == 2  # both forecast


def test_the_shared_lag_table_names_periods_as_the_forecast_pages_does(two_versions):
    at = open_app(page=COMPARE)
    editor = at.data_editor[0]
    column = json.loads(editor.proto.columns)["date"]
    labels = [option["label"] for option in column["type_config"]["options"]]
    assert labels[-1] == "2009Q3" and all(label[4] == "Q" for label in labels)  # not 2009-07-01
    assert editor.value["date"].tolist()[-1] == "2009-07-01"  # the cells keep the ISO dates they are parsed from
