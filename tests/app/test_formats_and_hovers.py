"""Every table of the Diagnostics and Backtest pages prints each column in one number format, and their
figures hover with period names (2006Q1), not with days."""

from __future__ import annotations

from tests.app.conftest import charts, displayed, errors, formats_of, open_app, trace, values

DIAG = "views/diagnostics.py"
BACKTEST = "views/backtest.py"


def _mixed_columns(at) -> dict[str, set[str]]:
    """Columns of the page's styled tables whose cells are printed in more than one format."""
    mixed = {}
    for n, table in enumerate(at.dataframe):
        shown = displayed(table)
        if shown is None:
            continue
        for column in shown.columns:
            found = formats_of(shown[column])
            if len(found) > 1:
                mixed[f"table {n} column {column}"] = found
    return mixed


def test_diagnostics_tables_use_one_format_per_column(seeded):
    at = open_app({"model": "var", "version": "0.0.1"}, page=DIAG)
    assert errors(at) == ""
    styled, mixed = 0, {}
    for label in [t.label for t in at.tabs]:  # the page draws the open tab only
        at.session_state["dg_tab"] = label
        at.run()
        styled += sum(displayed(t) is not None for t in at.dataframe)
        mixed |= {f"{label}: {where}": found for where, found in _mixed_columns(at).items()}
        if label == "Coefficients":
            coefficients = displayed(next(t for t in at.dataframe if "p normal" in t.value.columns))
            assert formats_of(coefficients["p"]) == {".4"}  # p-values: four decimals, never scientific
    assert styled >= 8  # lag order, coefficients (2), moduli, residual tests, Granger, instantaneous, roots
    assert mixed == {}


def test_backtest_scores_use_one_format_per_variable_and_hover_by_quarter(seeded):
    at = open_app(page=BACKTEST)
    at.number_input(key="bt_origins").set_value(3)
    at.number_input(key="bt_horizon").set_value(2)
    at.button(key="bt_run").click().run()
    assert not at.exception and errors(at) == ""
    # RMSE and MAE are in each variable's units: one format per variable, every other column one format
    assert {key.split()[-1] for key in _mixed_columns(at)} <= {"rmse", "rmse_rw", "mae", "mae_rw"}
    shown = displayed(at.dataframe[0])
    assert formats_of(shown["horizon"]) == {".0"}
    for _, rows in shown.groupby("variable"):
        assert len(formats_of([*rows["rmse"], *rows["rmse_rw"]])) == 1
    line = charts(at)[0]["data"][0]
    assert values(line, "customdata")[0] == "3 origins, 2008Q3 to 2009Q1"  # last training quarters: 2 before the end
    assert "%{customdata}" in line["hovertemplate"]


def test_residuals_hover_by_quarter(seeded):
    at = open_app({"model": "var", "version": "0.0.1", "tab": "residuals"}, page=DIAG)
    residuals = next(f for f in charts(at) if f["layout"]["title"]["text"].startswith("Residuals"))
    labels = list(values(residuals["data"][0], "customdata"))
    assert labels[-1] == "2009Q3" and all(label[4] == "Q" for label in labels)
    assert residuals["data"][0]["hovertemplate"].startswith("%{customdata}: ")


def test_forecast_hovers_name_each_values_own_period_in_full_numbers(seeded):
    """In one unified hover every trace lists its nearest point: each names its own period, so the last
    observation is never read as a value of the forecast period under the cursor; no 1.310e+4."""
    at = open_app({"model": "var", "version": "0.0.1", "steps": 4})
    assert errors(at) == ""
    chart = charts(at)[0]
    history, lags = trace(chart, "history"), trace(chart, "lag inputs")
    line = next(t for t in chart["data"] if t["name"].startswith("forecast"))
    assert values(history, "customdata")[-1] == values(lags, "customdata")[-1] == "2009Q3"
    assert list(values(line, "customdata"))[:2] == ["2009Q3 (the last lag input)", "2009Q4"]
    for shown in (history, lags, line, trace(chart, "95% interval")):
        assert "%{y:,.6~g}" in shown["hovertemplate"] and ".4g" not in shown["hovertemplate"]
    assert "%{customdata}" in history["hovertemplate"] and "%{customdata}" in line["hovertemplate"]
