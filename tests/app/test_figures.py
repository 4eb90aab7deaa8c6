"""Figure and table builders: pure functions, checked without Streamlit."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from ui.figures import PREVIEW_MARGIN, forecast_figure, series_preview_figure
from varlib import editor_table as editor_frame
from varlib import parse_lag_table as parse_table
from varlib.errors import InvalidInputError


def _series(values, start="2020-01-01"):
    return pd.Series(values, index=pd.date_range(start, periods=len(values), freq="QS"), dtype=float)


def test_dated_forecast_continues_from_the_last_lag_input():
    history = _series(np.arange(10.0))
    fig = forecast_figure(
        "gdp",
        history,
        history.iloc[-3:],
        ["2022-07-01", "2022-10-01"],
        np.array([10.0, 11.0]),
        np.array([9.0, 9.5]),
        np.array([11.0, 12.5]),
        95,
    )
    names = [t.name for t in fig.data]
    assert names == ["history", "95% interval upper", "95% interval", "forecast (mean)", "lag inputs"]
    line = fig.data[3]
    assert list(line.y) == [9.0, 10.0, 11.0] and pd.Timestamp(line.x[0]) == history.index[-1]
    assert fig.layout.xaxis.title.text == "date" and fig.layout.yaxis.title.text == "gdp"
    assert fig.data[2].fill == "tonexty"


def test_undated_forecast_uses_relative_periods_for_every_trace():
    history = _series(np.arange(6.0))
    fig = forecast_figure(
        "x", history, history.iloc[-2:], ["+1", "+2", "+3"], np.ones(3), np.zeros(3), np.full(3, 2.0), 80, "median"
    )
    assert list(fig.data[0].x) == [-5, -4, -3, -2, -1, 0]
    assert list(fig.data[3].x) == [0, 1, 2, 3] and fig.data[3].name == "forecast (median)"
    assert list(fig.data[4].x) == [-1, 0]
    assert fig.layout.xaxis.title.text == "periods after the last observation"


def test_lag_table_round_trip_and_errors_name_the_cell():
    lags = pd.DataFrame({"a": [1.0, 2.0], "b": [3.0, 4.0]}, index=pd.to_datetime(["2020-01-01", "2020-04-01"]))
    table = editor_frame(lags)
    assert table["date"].tolist() == ["2020-01-01", "2020-04-01"]
    parsed = parse_table(table, ["a", "b"], 2, "none")
    pd.testing.assert_frame_equal(parsed, lags, check_names=False, check_freq=False)
    table.loc[1, "b"] = -1.0
    with pytest.raises(InvalidInputError, match="b on 2020-04-01 is -1; this model works on logs"):
        parse_table(table, ["a", "b"], 2, "logdiff")
    with pytest.raises(InvalidInputError, match="the model needs 3 rows of lag inputs .* got 2"):
        parse_table(table, ["a", "b"], 3, "none")


def test_granger_heatmap_puts_each_direction_in_its_own_cell():
    from statsmodels.tsa.api import VAR

    from ui.diagnostics_figures import granger_figure
    from varlib import ModelSpec, diagnose, load_dataset, train_model
    from varlib.artifact import build_artifact

    names = ["realgdp", "realcons", "realinv"]
    result = train_model(load_dataset(variables=names), ModelSpec(tuple(names), transform="logdiff", lags=2, holdout=0))
    diag = diagnose(build_artifact(result, "three", "tester"))
    figure = granger_figure(diag)
    heat = figure.data[0]
    # room for the names made from the labels, in the report's stand-alone chart too (it printed `sumption`)
    assert figure.layout.yaxis.automargin is True and figure.layout.xaxis.automargin is True
    z = np.array(heat.z, dtype=float)
    assert list(heat.x) == list(heat.y) == [*names, "all others"] and z.shape == (4, 4)
    levels = load_dataset(variables=names).frame.to_numpy()
    reference = VAR(np.diff(np.log(levels), axis=0)).fit(2, trend="c")

    def p(caused, causing):
        return reference.test_causality(caused, causing, kind="f").pvalue

    assert z[0, 1] == pytest.approx(p([0], [1]))  # realcons -> realgdp
    assert z[0, 3] == pytest.approx(p([0], [1, 2]))  # all others -> realgdp
    assert z[3, 2] == pytest.approx(p([0, 1], [2]))  # realinv -> all others
    assert np.isnan(z[3, 3]) and np.isnan(z[1, 1])
    shown = [cell for row in heat.text for cell in row if cell]
    # four decimals, as the table; one too small for them `< 0.0001`, never 0.0000 nor 9.35e-13
    assert all(cell == "< 0.0001" or (len(cell) == 6 and cell[1] == "." and "e" not in cell) for cell in shown), shown
    assert p([0], [1]) < 0.00005 and heat.text[0][1] == "< 0.0001"
    assert heat.text[3][2] == f"{p([0, 1], [2]):.4f}"
    # the hover names the direction with the arrow of the impulse-response titles
    assert heat.customdata[0][1].startswith("realcons → realgdp<br>F = ")
    assert heat.customdata[3][2].startswith("realinv → all others<br>")


@pytest.mark.parametrize("columns", [2, 3, 6])
def test_the_upload_previews_panels_leave_room_for_each_title(columns):
    """A panel's title sits in the gap above it: at least 30 px, or it covers the tick labels above."""
    dates = pd.date_range("2000-01-01", periods=8, freq="QS")
    frame = pd.DataFrame(np.ones((8, columns)), index=dates, columns=[f"series {i}" for i in range(columns)])
    fig = series_preview_figure(frame)
    plotted = fig.layout.height - PREVIEW_MARGIN["t"] - PREVIEW_MARGIN["b"]
    domains = sorted((fig.layout[f"yaxis{i if i > 1 else ''}"].domain for i in range(1, columns + 1)), reverse=True)
    gaps = [(upper[0] - lower[1]) * plotted for upper, lower in zip(domains, domains[1:], strict=False)]
    assert len(gaps) == columns - 1 and min(gaps) >= 29.9
