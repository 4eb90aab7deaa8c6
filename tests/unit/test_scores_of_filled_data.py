"""Scores of a version whose data were filled, and MAPEs near 0.

- A backtest scored the values a fill wrote as observations, and at an origin whose last training value was
  interpolated it forecast a period whose value it had already seen (interpolated from it): consumption's
  RMSE at horizon 3 was 15% off. Here the empty cells are read from the CSV itself, not from the product.
- A MAPE of a series one-signed but near 0 (a bill rate of 0.12) was in the hundreds of percent.
"""

import dataclasses

import numpy as np
import pytest
import statsmodels.api as sm

from varlib import ModelSpec, train_model
from varlib.artifact import build_artifact
from varlib.backtest import backtest
from varlib.data import load_csv
from varlib.scores import percent_scorable

MACRO = sm.datasets.macrodata.load_pandas().data.iloc[:80]
VARIABLES = ("realgdp", "realcons", "realinv")
EMPTY = {(60, "realcons"), (71, "realinv"), (74, "realgdp")}  # (row, column) of cells left empty in the CSV


def _csv() -> bytes:
    lines = ["date," + ",".join(VARIABLES)]
    for n, row in MACRO.iterrows():
        cells = ["" if (n, v) in EMPTY else f"{row[v]}" for v in VARIABLES]
        lines.append(f"{int(row['year'])}-{int(row['quarter']) * 3 - 2:02d}-01," + ",".join(cells))
    return ("\n".join(lines) + "\n").encode()


def _artifact(fill: str, holdout: float = 0.0):
    dataset = load_csv(_csv(), name="holes.csv", fill=fill)
    result = train_model(dataset, ModelSpec(VARIABLES, lags=2, holdout=holdout))
    return build_artifact(result, "holes", "tester"), result


def _rmse(error):
    return float(np.sqrt(np.mean(np.square(error)))) if len(error) else None


@pytest.mark.parametrize("fill", ["interpolate", "ffill"])
def test_backtest_scores_observed_values_only_and_no_origin_that_saw_the_future(fill):
    artifact, _ = _artifact(fill)
    result = backtest(artifact, origins=20, horizon=3)
    first_cut = len(MACRO) - 3 - 20 + 1
    # an origin ends on an interpolated value when the row before its cut is one the CSV left empty
    leaked = {n for n in range(20) if fill == "interpolate" and any(row == first_cut + n - 1 for row, _ in EMPTY)}
    assert bool(leaked) == (fill == "interpolate")
    scores = result.scores().set_index(["variable", "horizon"])
    for j, variable in enumerate(VARIABLES):
        for h in range(3):
            kept = [
                n for n in range(20) if n not in leaked and (first_cut + n + h, variable) not in EMPTY
            ]  # the row scored at origin n, horizon h+1, is first_cut + n + h
            error = result.forecast[kept, h, j] - result.actual[kept, h, j]
            assert scores.loc[(variable, h + 1), "rmse"] == pytest.approx(_rmse(error), rel=1e-12)
            assert scores.loc[(variable, h + 1), "forecasts"] == len(kept)  # what each row's scores rest on
    notes = " ".join(result.notes)
    assert "The scores leave out 3 values the fill wrote (" in notes
    assert ("are not scored: the value there was interpolated" in notes) == bool(leaked)


def test_a_version_stored_before_the_filled_cells_says_its_scores_count_them():
    artifact, _ = _artifact("interpolate")
    preparation = {k: v for k, v in artifact.provenance["preparation"].items() if k != "filled_cells"}
    older = dataclasses.replace(artifact, provenance={**artifact.provenance, "preparation": preparation})
    result = backtest(older, origins=20, horizon=3)
    assert result.scored is None
    assert any("trained before the values a fill wrote were stored" in note for note in result.notes)


def test_a_holdout_after_an_interpolated_value_says_so():
    _, result = _artifact("interpolate", holdout=6 / 80)  # the training part ends on row 73; row 74 is empty
    said = [w for w in result.warnings if w.startswith("The holdout's forecasts start from")]
    assert said == [] and result.evaluation.rows == 6
    _, result = _artifact("interpolate", holdout=5 / 80)  # ends on row 74, interpolated from row 75, scored
    said = [w for w in result.warnings if w.startswith("The holdout's forecasts start from")]
    assert len(said) == 1 and "realgdp in 1977Q3" in said[0] and "1977Q4" in said[0]


def test_mape_leaves_out_a_series_near_zero_where_it_is_scored():
    levels = np.array([[15.5, 8000.0], [8.0, 8100.0], [2.0, 8200.0], [0.12, 8300.0]])
    assert percent_scorable(levels, levels[-2:]).tolist() == [False, True]  # 0.12 < 5% of 15.5
    assert percent_scorable(levels, levels[:2]).tolist() == [True, True]  # scored where it is far from 0
    assert percent_scorable(-levels, -levels[:2]).tolist() == [True, True]
    crossing = levels.copy()
    crossing[0, 0] = -1.0
    assert percent_scorable(crossing, crossing[:2]).tolist() == [False, True]


def test_holdout_rows_round_half_up():
    rows = sm.datasets.macrodata.load_pandas().data.iloc[:100]
    lines = "date,realgdp,realcons\n" + "".join(
        f"{int(r['year'])}-{int(r['quarter']) * 3 - 2:02d}-01,{r['realgdp']},{r['realcons']}\n"
        for _, r in rows.iterrows()
    )
    dataset = load_csv(lines.encode(), name="hundred.csv")
    result = train_model(dataset, ModelSpec(("realgdp", "realcons"), lags=1, holdout=0.125))  # 12.5 rows
    assert result.evaluation.rows == 13  # Python's round gives 12
