"""The forecast table: one number format for the columns of a variable in the same units (varlib.shared_formats),
and the values a condition sets marked as such."""

from __future__ import annotations

import re

import pandas as pd

from tests.app.conftest import open_app
from varlib import column_format, shared_formats


def test_a_variables_bounds_share_its_format_even_across_a_power_of_ten():
    table = pd.DataFrame(
        {
            "cons": [9512.25, 9630.5],
            "cons lower": [9301.125, 9350.0],
            "cons upper": [9801.5, 10040.75],  # alone it would get one decimal fewer than its neighbours
            "cons growth": [0.51, 0.62],  # another variable whose name starts with this one's
            "cons growth lower": [0.1, 0.2],
        }
    )
    assert column_format(table["cons upper"], digits=6) != column_format(table["cons"], digits=6)
    formats = shared_formats(table, ["cons", "cons growth"])
    assert formats["cons"] == formats["cons lower"] == formats["cons upper"] == "%.1f"
    assert formats["cons growth"] == formats["cons growth lower"] != formats["cons"]


def test_a_difference_shares_its_variables_format_and_percentages_keep_theirs():
    table = pd.DataFrame(
        {
            "gdp baseline": [13050.2, 13100.9],
            "gdp scenario": [13100.4, 13300.1],
            "gdp difference": [50.2, 199.2],
            "gdp difference %": [0.38, 1.52],
        }
    )
    formats = shared_formats(table, ["gdp"])
    assert formats["gdp baseline"] == formats["gdp scenario"] == formats["gdp difference"] == "%.1f"
    assert formats["gdp difference %"] == column_format(table["gdp difference %"], digits=6)


def test_the_forecast_tables_columns_of_a_variable_share_one_format(seeded):
    import json

    at = open_app({"model": "var", "steps": 40})  # realcons (about 9,300) has upper bounds past 10,000
    at.session_state["fc_table_open"] = True
    at.run()
    element = at.dataframe[-1]
    configs = json.loads(element.proto.columns)
    for variable in ("realgdp", "realcons"):
        shown = {configs[c]["type_config"]["format"] for c in (variable, f"{variable} lower", f"{variable} upper")}
        assert len(shown) == 1, (variable, shown)
    at.pills(key="fc_fan").set_value([30, 90]).run()  # a fan's columns end in `30%`: not percentages
    table = next(f for f in at.dataframe if "realcons lower 30%" in f.value.columns)  # the table stayed open
    configs = json.loads(table.proto.columns)
    columns = [c for c in table.value.columns if c.startswith("realcons")]
    assert len(columns) == 5 and len({configs[c]["type_config"]["format"] for c in columns}) == 1


def test_the_train_pages_criteria_read_as_the_diagnostics_pages(seeded):
    """Formatted in Python, one format per column: the browser's printf wrote fpe as 2.47127e-2."""
    from tests.app.conftest import displayed

    at = open_app(page="views/train.py")
    at.selectbox(key="train_transform").set_value("logdiff").run()  # growth rates: an fpe of about 1e-9
    next(b for b in at.button if b.label == "Train").click().run()
    table = next(t for t in at.dataframe if "FPE" in t.value.columns)
    shown = displayed(table)
    assert shown is not None, "the criteria are formatted by a Styler, not by the browser"
    assert all(re.fullmatch(r"\d\.\d{5}e[-+]\d{2}", cell) for cell in shown["FPE"]), shown["FPE"].tolist()


def test_a_conditional_forecasts_table_marks_the_values_conditions_set(seeded):
    """A CSV of a conditional forecast did not say which values were conditions: each read as a forecast."""
    from ui.paths_editor import EDITOR_OPEN
    from ui.tables import forecast_table
    from varlib import forecast_artifact

    at = open_app({"model": "var", "version": "0.0.1", "steps": 4})
    at.session_state[EDITOR_OPEN] = True
    at.session_state["fc_table_open"] = True
    at.run()
    editor = next(e for e in at.data_editor if e.key.startswith("_fc_path|conditions|"))
    at.session_state[editor.key] = {"edited_rows": {1: {"realgdp": 13000.0}}, "added_rows": [], "deleted_rows": []}
    at.run()
    table = next(f.value for f in at.dataframe if {"realgdp", "realgdp conditioned"} <= set(f.value.columns))
    assert table["realgdp conditioned"].tolist() == [False, True, False, False]
    assert not table["realcons conditioned"].any() and table["realgdp"].iloc[1] == 13000.0
    assert any("A ticked *conditioned* box marks a value that a condition sets" in c.value for c in at.caption)
    plain = forecast_table(forecast_artifact(seeded.load("var", "0.0.1"), 4))
    assert not any(c.endswith("conditioned") for c in plain.columns)  # without conditions: no such column
