"""Comparing versions: differences flagged, forecasts overlaid from one lag table where it can serve."""

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from varlib import ModelSpec, forecast_artifact, load_dataset
from varlib.artifact import build_artifact
from varlib.compare import compare_table, holdout_notes, overlay_forecasts, overlay_frame, shared_lag_table
from varlib.errors import InvalidInputError
from varlib.scores import exog_note
from varlib.training import train
from varlib.versions import parse_version


def _version(number, variables, **spec):
    dataset = load_dataset(variables=list(variables))
    artifact = build_artifact(
        train(dataset, ModelSpec(variables=tuple(variables), **spec)), "var", "tester", notes=f"v{number}"
    )
    return replace(artifact, version=parse_version(f"0.0.{number}"))


@pytest.fixture(scope="module")
def versions():
    return [
        _version(1, ("realgdp", "realcons"), lags=2),
        _version(2, ("realgdp", "realcons"), transform="logdiff", lags=3),
        _version(3, ("realgdp", "realinv"), lags=1),
    ]


def test_table_side_by_side_with_differences(versions):
    table = compare_table(versions)
    assert list(table.columns) == ["var 0.0.1", "var 0.0.2", "var 0.0.3", "differs"]
    assert table.loc["transform"].tolist() == ["none", "logdiff", "none", True]
    assert table.loc["lag order (k_ar)"].tolist()[:3] == [2, 3, 1]
    assert table.loc["lag inputs needed"].tolist()[:3] == [2, 4, 1]
    assert bool(table.loc["trend", "differs"]) is False and bool(table.loc["dataset", "differs"]) is False
    assert table.loc["trend", "var 0.0.1"] == "constant (c)" and table.loc["deterministic", "var 0.0.1"] == ""
    assert table.loc["first date"].tolist()[:3] == ["1959Q1"] * 3 and table.loc["last date"].tolist()[0] == "2009Q3"
    assert table.loc["frequency", "var 0.0.1"] == "quarterly (QS-JAN)"
    assert table.loc["created", "var 0.0.1"] == versions[0].created_at[:19].replace("T", " ") + " UTC"
    rmse = versions[0].evaluation["metrics"]["realgdp"]["rmse"]
    assert table.loc["holdout RMSE realgdp", "var 0.0.1"] == pytest.approx(rmse)
    assert table.loc["holdout RMSE realinv", "var 0.0.1"] is None  # not a variable of 0.0.1
    with pytest.raises(InvalidInputError, match="picked twice"):
        compare_table([versions[0], versions[0]])


def test_a_varxs_exogenous_variables_have_a_row_of_their_own(versions):
    dataset = load_dataset(variables=["realgdp", "realcons", "realint"])
    spec = ModelSpec(variables=("realgdp", "realcons"), exog=("realint",), lags=2)
    varx = replace(build_artifact(train(dataset, spec), "varx", "tester"), version=parse_version("0.0.1"))
    table = compare_table([versions[0], varx])
    assert table.loc["exogenous"].tolist() == ["", "realint", True]
    overlaid = overlay_forecasts([versions[0], varx], steps=3)
    last = float(dataset.frame["realint"].iloc[-1])
    assert overlaid[1].forecast is not None and f"held at their last observed (realint {last:g})" in overlaid[1].assumed
    expected = forecast_artifact(varx, 3, exog={"realint": [last] * 3})
    np.testing.assert_allclose(overlaid[1].forecast.forecast.mean, expected.forecast.mean, rtol=1e-12)
    # its scores were given realint's observed path: said under the comparison, as under every table of scores
    assert holdout_notes([versions[0], varx]) == [f"varx 0.0.1: {exog_note(['realint'], varx.data.exog)}"]


def test_a_missing_mape_is_explained_and_a_variable_a_version_lacks_is_not_one(versions):
    """Compare left a MAPE of a rate near 0 blank without a word; a version without the variable has none."""
    assert holdout_notes(versions) == []  # 0.0.1 has no realinv: its empty cells are no left-out MAPE
    rate = _version(4, ("realgdp", "tbilrate"), lags=2)  # the T-bill rate is 0.12 in 2009Q3
    assert rate.evaluation["metrics"]["tbilrate"]["mape"] is None
    notes = holdout_notes([versions[0], rate])
    assert len(notes) == 1 and notes[0].startswith("MAPE is left out where a variable's values")


def test_overlay_uses_the_shared_table_where_variables_match(versions):
    table = shared_lag_table(versions)
    assert len(table) == 4 and list(table.columns) == ["realgdp", "realcons"]  # 0.0.2 needs 3 + 1 rows
    overlaid = overlay_forecasts(versions, steps=5, alpha=0.1)
    assert [o.shared for o in overlaid] == [True, True, False]
    assert "realinv" in overlaid[2].note and "own" in overlaid[2].note
    for item, artifact in zip(overlaid[:2], versions[:2], strict=False):
        expected = forecast_artifact(artifact, 5, 0.1, table.iloc[-artifact.lag_rows :])
        np.testing.assert_allclose(item.forecast.forecast.mean, expected.forecast.mean)
    own = forecast_artifact(versions[2], 5, 0.1)
    np.testing.assert_allclose(overlaid[2].forecast.forecast.upper, own.forecast.upper)
    frame = overlay_frame(overlaid)
    assert len(frame) == 5 * 2 * 3 and set(frame["version"]) == {"var 0.0.1", "var 0.0.2", "var 0.0.3"}


def test_custom_shared_table_too_short_or_invalid_for_one_version(versions):
    history = versions[0].history
    short = history.iloc[-2:]
    overlaid = overlay_forecasts(versions[:2], steps=3, lag_table=short)
    assert overlaid[0].shared and not overlaid[1].shared and "needs 4 lag rows" in overlaid[1].note
    negative = history.iloc[-4:] * -1
    overlaid = overlay_forecasts(versions[:2], steps=3, lag_table=negative)
    assert overlaid[0].forecast is not None  # a levels model forecasts from any numbers
    assert overlaid[1].forecast is None and "positive" in overlaid[1].note
    assert isinstance(overlay_frame(overlaid), pd.DataFrame)
