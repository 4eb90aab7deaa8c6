"""A holdout row that a fill wrote is no observation: the holdout scores leave filled values out and say so.
With the last realinv cell empty and `ffill`, the printed RMSE scored the forecast against the value carried
forward (138.6 where the observed values give 104.8)."""

import numpy as np
import pytest
import statsmodels.api as sm

from varlib import ModelSpec, period_labels, train_model
from varlib.data import load_csv
from varlib.errors import InvalidInputError

MACRO = sm.datasets.macrodata.load_pandas().data.iloc[:64]


def _ragged(empty_last: int) -> bytes:
    lines = ["date,realgdp,realcons,realinv"]
    for n, row in MACRO.iterrows():
        date = f"{int(row['year'])}-{int(row['quarter']) * 3:02d}-01"
        invest = "" if n >= len(MACRO) - empty_last else f"{row['realinv']}"
        lines.append(f"{date},{row['realgdp']},{row['realcons']},{invest}")
    return ("\n".join(lines) + "\n").encode()


def _rmse(error: np.ndarray) -> float:
    return float(np.sqrt(np.mean(error**2)))


@pytest.mark.parametrize("fill", ["ffill", "interpolate"])
def test_filled_values_are_left_out_of_the_holdout_scores_and_said(fill):
    if fill == "interpolate":  # interpolate needs a value after the hole: an empty cell inside the holdout
        text = _ragged(0).decode().splitlines()
        cells = text[-3].split(",")
        text[-3] = ",".join([*cells[:3], ""])
        data = ("\n".join(text) + "\n").encode()
        filled_row = -3
    else:
        data, filled_row = _ragged(1), -1
    dataset = load_csv(data, name="ragged.csv", fill=fill)
    result = train_model(dataset, ModelSpec(("realgdp", "realcons", "realinv"), lags=1, holdout=0.1))
    evaluation = result.evaluation
    error = evaluation.forecast[:, 2] - evaluation.actual[:, 2]
    observed = np.delete(error, len(error) + filled_row)
    assert evaluation.metrics["realinv"]["rmse"] == pytest.approx(_rmse(observed), rel=1e-12)
    assert evaluation.metrics["realinv"]["rmse"] != pytest.approx(_rmse(error), rel=1e-6)
    gdp = evaluation.forecast[:, 0] - evaluation.actual[:, 0]  # observed throughout: every row scored
    assert evaluation.metrics["realgdp"]["rmse"] == pytest.approx(_rmse(gdp), rel=1e-12)
    said = [w for w in result.warnings if w.startswith("The holdout scores leave out 1 filled value (realinv on ")]
    assert len(said) == 1 and period_labels([evaluation.dates[filled_row]], dataset.frequency)[0] in said[0]


def test_a_variable_whose_holdout_is_all_filled_is_refused_by_name():
    dataset = load_csv(_ragged(2), name="ragged.csv", fill="ffill")
    with pytest.raises(InvalidInputError) as caught:
        train_model(dataset, ModelSpec(("realgdp", "realcons", "realinv"), lags=1, holdout=2 / 64))
    assert str(caught.value) == (
        "every value of realinv in the 2 rows of the holdout was filled, none observed: there is nothing to score"
        " its forecasts on; hold out more rows, or use fill 'drop'"
    )
