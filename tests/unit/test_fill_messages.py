"""Fills on a user's own quarterly CSV: drop leaves out an incomplete last row (a ragged edge) on its own and
refuses, naming the hole, when a late one would leave too few rows; interpolate says that nothing comes after
a missing last value, and how to end the data before it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from varlib import InvalidInputError, ModelSpec, forecast_artifact, load_dataset, train_model
from varlib.artifact import build_artifact
from varlib.data import load_macrodata

LAST, GAP = "1978-10-01", "1977-10-01"  # the 80th quarter from 1959Q1, and the 76th
LAST_Q, GAP_Q = "1978Q4", "1977Q4"  # as messages name them


def _frame(rows: int = 80) -> pd.DataFrame:
    """The first `rows` quarters of the bundled realgdp and realcons, as a user's CSV holds them."""
    frame = load_macrodata(["realgdp", "realcons"]).frame.iloc[:rows].copy()
    frame.index = frame.index.strftime("%Y-%m-%d")
    return frame


def _load(frame: pd.DataFrame, fill: str, name: str = "ragged.csv"):
    return load_dataset(csv=frame.rename_axis("date").to_csv().encode(), csv_name=name, fill=fill)


def _refusal(frame: pd.DataFrame, fill: str, name: str = "ragged.csv") -> str:
    with pytest.raises(InvalidInputError) as caught:
        _load(frame, fill, name)
    return str(caught.value)


def test_drop_leaves_out_an_incomplete_last_row_on_its_own_and_the_forecast_starts_there():
    frame = _frame()
    frame.loc[LAST, "realgdp"] = np.nan  # the newest quarter, not published yet
    dataset = _load(frame, "drop")
    assert len(dataset.frame) == 79 and dataset.frame.index[-1] == pd.Timestamp("1978-07-01")
    prep = dataset.preparation
    assert (prep.dropped_rows, prep.dropped_last) == (1, 1) and prep.to_dict()["dropped_last"] == 1
    assert prep.summary() == "drop: 1 incomplete last row dropped"
    artifact = build_artifact(train_model(dataset, ModelSpec(variables=("realgdp", "realcons"), lags=1)), "r", "t")
    assert forecast_artifact(artifact, 2).index == [LAST, "1979-01-01"]  # the missing quarter is forecast


def test_drop_says_both_the_earlier_rows_and_the_incomplete_last_ones():
    frame = _frame()
    frame.loc["1959-01-01", "realcons"] = np.nan
    frame.loc[["1978-07-01", LAST], "realgdp"] = np.nan  # a ragged edge of two quarters
    prep = _load(frame, "drop").preparation
    assert (prep.dropped_rows, prep.dropped_last) == (3, 2)
    assert prep.summary() == "drop: 1 earlier row dropped, 2 incomplete last rows dropped"


def test_drop_refuses_a_late_gap_naming_it_and_what_it_would_cost():
    frame = _frame()
    frame.loc[GAP, "realgdp"] = np.nan
    message = _refusal(frame, "drop", "gap.csv")
    assert message.startswith(
        f"fill 'drop' would keep only 4 of the 80 rows of 'gap.csv' and discard 76: realgdp has no value on {GAP_Q},"
        " and drop keeps only the rows after it. Fill it instead: use fill 'interpolate' or 'ffill'"
    )
    assert len(_load(frame, "interpolate", "gap.csv").frame) == 80  # and that works


def test_a_late_gap_with_a_ragged_edge_names_both_and_how_interpolate_can_fill():
    frame = _frame()
    frame.loc[GAP, ["realgdp", "realcons"]] = np.nan
    frame.loc[LAST, "realcons"] = np.nan
    message = _refusal(frame, "drop")
    assert "keep only 3 of the 80 rows of 'ragged.csv' and discard 77" in message
    assert f"realgdp and realcons have no value on {GAP_Q}" in message
    assert f"(and the incomplete last row: realcons on {LAST_Q})" in message
    assert f"Fill them instead: use fill 'interpolate' with the data ending before {LAST_Q} or 'ffill'" in message


def test_a_late_missing_period_is_named_as_a_period():
    frame = _frame().drop(index=GAP)
    message = _refusal(frame, "drop", "gap.csv")
    assert f"keep only 4 of the 79 rows of 'gap.csv' and discard 75: the period {GAP_Q} has no row" in message


def test_a_variable_that_stops_early_is_named_with_where_it_stops():
    frame = _frame()
    frame.iloc[20:, 1] = np.nan  # realcons ends in 1963Q4; a dated row is kept while realgdp has a value
    message = _refusal(frame, "drop")
    assert "keep only 20 of the 80 rows of 'ragged.csv' and discard 60: the last 60 rows are incomplete" in message
    assert "(realcons on 60 dates from 1964Q1). Add those values or use fill 'ffill'" in message


def test_no_complete_row_is_said_as_such():
    frame = _frame()
    frame.iloc[::2, 0] = np.nan
    frame.iloc[1::2, 1] = np.nan
    message = _refusal(frame, "drop")
    assert message.startswith("fill 'drop' would keep none of the 80 rows of 'ragged.csv' and discard 80: no row has")


@pytest.mark.parametrize(
    "rows, hole, kept",
    [(80, 20, 59), (80, 50, 29), (68, 38, 29), (12, 0, 11)],  # kept >= MIN_ROWS (30), a third, or a short file
)
def test_drop_keeps_enough_rows_without_a_word(rows, hole, kept):
    frame = _frame(rows)
    frame.iloc[hole, 0] = np.nan
    dataset = _load(frame, "drop")
    assert len(dataset.frame) == kept and dataset.preparation.dropped_rows == rows - kept


def test_drop_refuses_below_both_the_minimum_and_a_third():
    frame = _frame()
    frame.iloc[53, 0] = np.nan  # 26 kept: under 30 and under 80 / 3
    assert "keep only 26 of the 80 rows" in _refusal(frame, "drop")
    gaps = "date,a,b\n" + "".join(
        f"{d.date()},{10 + i},{100 + 2 * i}\n"
        for i, d in enumerate(pd.date_range("2000-01-01", periods=12, freq="QS"))
        if i not in (3, 4, 9)
    )
    with pytest.raises(InvalidInputError, match="keep only 2 of the 9 rows of 'gdp.csv' and discard 7: the period"):
        load_dataset(csv=gaps.encode(), csv_name="gdp.csv", fill="drop")


def test_interpolate_names_a_missing_last_value_as_having_nothing_after_it():
    frame = _frame()
    frame.loc[LAST, "realgdp"] = np.nan
    assert _refusal(frame, "interpolate") == (
        f"realgdp has no value on {LAST_Q} and nothing after it to interpolate to; end the data before {LAST_Q}"
        " (CLI --end, the Train page's To) or use fill 'ffill'"
    )
    assert _load(frame, "ffill").frame.loc[LAST, "realgdp"] == frame.loc["1978-07-01", "realgdp"]


def test_interpolate_names_the_earliest_of_several_missing_ends():
    frame = _frame()
    frame.loc[LAST, "realgdp"] = np.nan
    frame.loc[["1978-07-01", LAST], "realcons"] = np.nan
    message = _refusal(frame, "interpolate")
    assert message.startswith("realcons has no value on 1978Q3 and nothing after it to interpolate to")
    assert "end the data before 1978Q3" in message


def test_a_missing_first_value_keeps_its_message():
    frame = _frame()
    frame.loc["1959-01-01", "realgdp"] = np.nan
    frame.loc[LAST, "realcons"] = np.nan
    for fill in ("interpolate", "ffill"):
        assert _refusal(frame, fill).startswith(
            f"realgdp has no value on 1959Q1 and nothing before it to {fill} from; start the data later"
        )
