"""Lag inputs and future paths dated another way than the model's periods: quarter ends (pandas' `resample("QE")`)
for a model dated by the quarters' first days, and the other way round, are read as the periods they fall in and
forecast exactly as the model's own dates do; dates not alike in their periods are still refused by name."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from varlib import InvalidInputError, ModelSpec, forecast_artifact, load_dataset, train_model
from varlib.artifact import build_artifact
from varlib.data import read_lag_inputs
from varlib.data.periods import in_their_periods

VARIABLES = ["realgdp", "realcons"]


@pytest.fixture(scope="module")
def quarterly():
    """A VAR(2) on the bundled data, dated by the quarters' first days (QS-JAN); its last two observations."""
    dataset = load_dataset(variables=VARIABLES)
    artifact = build_artifact(train_model(dataset, ModelSpec(variables=tuple(VARIABLES), lags=2)), "var", "tester")
    return artifact, dataset.frame[VARIABLES].iloc[-2:]


def _csv(dates, values: pd.DataFrame) -> bytes:
    rows = [",".join(["date", *values.columns])]
    pairs = zip(dates, values.to_numpy(), strict=True)
    rows += [",".join([date, *(repr(float(x)) for x in row)]) for date, row in pairs]
    return ("\n".join(rows) + "\n").encode()


def test_lag_inputs_dated_by_quarter_ends_forecast_as_the_models_own_dates(quarterly):
    artifact, last = quarterly
    assert list(last.index.strftime("%Y-%m-%d")) == ["2009-04-01", "2009-07-01"]
    ends = read_lag_inputs(_csv(["2009-06-30", "2009-09-30"], last), VARIABLES, 2, "none", frequency="QS-JAN")
    assert ends.index.equals(last.index)
    own = forecast_artifact(artifact, steps=4, lag_inputs=last)
    dated_by_ends = forecast_artifact(artifact, steps=4, lag_inputs=ends)
    assert dated_by_ends.index == own.index == ["2009-10-01", "2010-01-01", "2010-04-01", "2010-07-01"]
    np.testing.assert_array_equal(dated_by_ends.forecast.mean, own.forecast.mean)


def test_a_conditions_file_dated_by_quarter_ends_conditions_those_quarters(quarterly):
    artifact, _ = quarterly
    own = forecast_artifact(artifact, steps=3, conditions=pd.DataFrame({"date": ["2010-01-01"], "realgdp": ["13100"]}))
    ends = forecast_artifact(artifact, steps=3, conditions=pd.DataFrame({"date": ["2010-03-31"], "realgdp": ["13100"]}))
    assert ends.forecast.mean[1, 0] == pytest.approx(13100.0) and not np.isclose(ends.forecast.mean[0, 0], 13100.0)
    np.testing.assert_array_equal(ends.forecast.mean, own.forecast.mean)


@pytest.mark.parametrize(
    ("dates", "frequency", "periods"),
    [
        (["2009-06-30", "2009-09-30"], "QS-JAN", ["2009-04-01", "2009-07-01"]),  # quarter ends, quarters by start
        (["2009-04-01", "2009-07-01"], "QE-DEC", ["2009-06-30", "2009-09-30"]),  # the other way round
        (["2009-05-15", "2009-08-15"], "QS-JAN", ["2009-04-01", "2009-07-01"]),  # one day of one month of each
        (["2009-01-31", "2009-02-28"], "MS", ["2009-01-01", "2009-02-01"]),  # month ends
        (["2008-12-31", "2009-12-31"], "YS-JAN", ["2008-01-01", "2009-01-01"]),
    ],
)
def test_dates_alike_in_their_periods_are_read_as_those_periods(dates, frequency, periods):
    assert list(in_their_periods(pd.DatetimeIndex(dates), frequency).strftime("%Y-%m-%d")) == periods


@pytest.mark.parametrize(
    ("dates", "frequency"),
    [
        (["2009-05-15", "2009-08-16"], "QS-JAN"),  # mixed days: a slip, not a way of dating
        (["2009-02-01", "2009-03-01"], "QS-JAN"),  # two months of one quarter
        (["2009-06-30 12:00", "2009-09-30 12:00"], "QS-JAN"),  # a time of day
        (["2009-06-30", "2009-09-30"], "W-SUN"),  # weeks have no months to fall in
        (["2009-06-30", "2009-09-30"], None),
    ],
)
def test_other_dates_are_left_as_written(dates, frequency):
    assert in_their_periods(pd.DatetimeIndex(dates), frequency) is None


def test_lag_inputs_of_mixed_days_or_a_skipped_quarter_are_refused_by_their_dates(quarterly):
    _, last = quarterly
    with pytest.raises(InvalidInputError, match="date 2009-06-29 is not a quarterly period of this model"):
        read_lag_inputs(_csv(["2009-06-29", "2009-09-30"], last), VARIABLES, 2, "none", frequency="QS-JAN")
    with pytest.raises(InvalidInputError, match=r"skip 2009Q3 \(between 2009Q2 and 2009Q4\)"):
        read_lag_inputs(_csv(["2009-06-30", "2009-12-31"], last), VARIABLES, 2, "none", frequency="QS-JAN")
