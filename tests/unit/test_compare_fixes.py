"""Comparing versions of different frequencies: a monthly version beside a quarterly one is forecast from its own
months, never from the quarterly version's quarters read as months (the page: tests/app/test_compare_fixes.py)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from varlib import ModelSpec, compare_table, forecast_artifact, load_dataset
from varlib.artifact import build_artifact
from varlib.compare import overlay_forecasts, shared_lag_table
from varlib.training import train
from varlib.versions import parse_version

VARIABLES = ("realgdp", "realcons")


def _monthly_csv(rows: int = 120) -> bytes:
    """Monthly series named as the macro data's, in the same units (13,000 and 9,000)."""
    rng = np.random.default_rng(0)
    dates = pd.date_range("2000-01-01", periods=rows, freq="MS")
    gdp, cons = 13000 + 10 * rng.normal(size=rows).cumsum(), 9000 + 10 * rng.normal(size=rows).cumsum()
    lines = "".join(f"{d.date()},{x:.3f},{y:.3f}\n" for d, x, y in zip(dates, gdp, cons, strict=True))
    return ("date,realgdp,realcons\n" + lines).encode()


@pytest.fixture(scope="module")
def quarterly():
    dataset = load_dataset(variables=list(VARIABLES))
    artifact = build_artifact(train(dataset, ModelSpec(variables=VARIABLES, lags=1)), "var", "tester")
    return replace(artifact, version=parse_version("0.0.1"))


@pytest.fixture(scope="module")
def monthly():
    dataset = load_dataset(csv=_monthly_csv(), csv_name="monthly.csv")
    artifact = build_artifact(train(dataset, ModelSpec(variables=VARIABLES, lags=3)), "monthly", "tester")
    return replace(artifact, version=parse_version("0.0.1"))


def test_a_version_of_another_frequency_forecasts_from_its_own_lag_inputs(quarterly, monthly):
    assert (quarterly.data.frequency, monthly.data.frequency) == ("QS-JAN", "MS")
    table = shared_lag_table([quarterly, monthly])
    assert len(table) == quarterly.lag_rows  # the monthly VAR(3) does not lengthen the quarterly table
    overlaid = overlay_forecasts([quarterly, monthly], steps=4)
    assert [item.shared for item in overlaid] == [True, False]
    assert "its data are monthly (MS)" in overlaid[1].note and "quarterly (QS-JAN)" in overlaid[1].note
    own = forecast_artifact(monthly, 4)
    np.testing.assert_allclose(overlaid[1].forecast.forecast.mean, own.forecast.mean, rtol=1e-12)
    assert overlaid[1].forecast.index == own.index  # its own months follow its own last month
    # a table edited from the quarterly version's rows is still quarters: the monthly version keeps its own
    edited = overlay_forecasts([quarterly, monthly], steps=4, lag_table=table * 1.01)
    assert not edited[1].shared
    np.testing.assert_allclose(edited[1].forecast.forecast.mean, own.forecast.mean, rtol=1e-12)


def test_versions_of_one_frequency_still_share_the_lag_inputs(quarterly):
    other = replace(quarterly, version=parse_version("0.0.2"))
    assert [item.shared for item in overlay_forecasts([quarterly, other], steps=2)] == [True, True]


def test_the_spec_rows_read_as_given(quarterly):
    """The holdout fraction as given (not 0.1000 in the table's number format) and max lags said even when the
    sample-aware default bounded the search (the row was empty for every such version)."""
    dataset = load_dataset(variables=list(VARIABLES))
    searched = build_artifact(train(dataset, ModelSpec(variables=VARIABLES, holdout=0.2)), "var", "tester")
    table = compare_table([quarterly, replace(searched, version=parse_version("0.0.2"))])
    assert table.loc["holdout fraction"].iloc[:2].tolist() == ["0.1", "0.2"]
    assert table.loc["max lags"].iloc[:2].tolist() == ["", "default"]  # a fixed order searched nothing


def test_a_version_on_its_own_lag_inputs_is_worded_by_its_count(quarterly, monthly):
    """`its own last 3 observations`, `its own last observation` (not `last 1 observations`), and `none of its
    variables` when no variable is shared."""
    overlaid = overlay_forecasts([quarterly, monthly], steps=2)
    assert overlaid[1].note.endswith("forecast from its own last 3 observations")
    assert overlay_forecasts([monthly, quarterly], steps=2)[1].note.endswith("forecast from its own last observation")
    renamed = load_dataset(csv=_monthly_csv().replace(b"realgdp,realcons", b"sales,price"), csv_name="m.csv")
    other = build_artifact(train(renamed, ModelSpec(variables=("sales", "price"), lags=1)), "other", "tester")
    note = overlay_forecasts([monthly, other], steps=2)[1].note
    assert note == (
        "none of its variables (sales and price) are in the shared lag table: forecast from its own last observation"
    )
