"""An exogenous column that is a variable's own lag (gdp_lag1 beside realgdp) is refused with the lag order the
fit chose; a lag beyond that order, or an honest driver, trains and fits as statsmodels does."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from statsmodels.tsa.vector_ar.var_model import VAR

from varlib import InvalidInputError, ModelSpec, load_dataset, train_model

ENDOG = ("realgdp", "realcons")


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    """Growth rates of statsmodels' macrodata, 1980Q1-1999Q4 (80 rows), with lagged copies as analysts make them."""
    data = sm.datasets.macrodata.load_pandas().data
    data.index = pd.PeriodIndex.from_fields(year=data.year.astype(int), quarter=data.quarter.astype(int), freq="Q")
    growth = 100 * np.log(data[["realgdp", "realcons"]]).diff()
    growth["infl"] = data.infl
    growth["gdp_lag1"] = growth.realgdp.shift(1)
    growth["cons_lag2_scaled"] = 3 * growth.realcons.shift(2) + 7
    growth["gdp_lag3"] = growth.realgdp.shift(3)
    growth = growth.loc["1980Q1":"1999Q4"].copy()
    growth.index = growth.index.to_timestamp().rename("date")
    growth["pulse"] = np.eye(len(growth))[0]
    growth["step"] = 1.0 - np.eye(len(growth))[0]
    return growth


def _train(frame: pd.DataFrame, exog: tuple[str, ...], lags: int | None = 2, trend: str = "c"):
    columns = [*ENDOG, *exog]
    dataset = load_dataset(frame[columns].to_csv().encode(), variables=columns, csv_name="growth.csv")
    spec = ModelSpec(variables=ENDOG, exog=exog, lags=lags, trend=trend, holdout=0.1)
    return train_model(dataset, spec)


@pytest.mark.parametrize(
    ("column", "lagged"), [("gdp_lag1", "realgdp 1 period earlier"), ("cons_lag2_scaled", "realcons 2 periods earlier")]
)
def test_an_exogenous_copy_of_a_lag_is_refused_naming_the_lag(frame, column, lagged):
    with pytest.raises(InvalidInputError) as refused:
        _train(frame, (column,))
    message = str(refused.value)
    assert f"the exogenous {column} moves exactly with {lagged} (up to a constant) in levels of growth.csv" in message
    assert "A VAR(2) already has that lag as a regressor" in message and message.endswith("the VAR's lags carry it")
    assert refused.value.field == "exog" and refused.value.value == [column]


def test_the_lag_order_the_fit_chose_decides(frame):
    # a copy of lag 3 is a regressor of its own in a VAR(2), and a copy of one of a VAR(3)'s lags
    assert _train(frame, ("gdp_lag3",), lags=2).params.k_ar == 2
    with pytest.raises(InvalidInputError, match=r"A VAR\(3\) already has that lag as a regressor"):
        _train(frame, ("gdp_lag3",), lags=3)


def test_two_copies_of_two_lags_are_both_to_drop(frame):
    with pytest.raises(InvalidInputError) as refused:
        _train(frame, ("gdp_lag1", "cons_lag2_scaled"))
    message = str(refused.value)
    assert "gdp_lag1 with realgdp 1 period earlier; cons_lag2_scaled with realcons 2 periods earlier" in message
    assert "drop gdp_lag1 and cons_lag2_scaled: the VAR's lags carry them" in message


@pytest.mark.parametrize(
    ("column", "said"),
    [("pulse", "is 0 on every row a VAR(2) fits"), ("step", "moves only as the trend terms (a constant) on the rows")],
)
def test_a_column_the_fitted_rows_hold_as_the_trend_terms_is_refused(frame, column, said):
    # a pulse in row 1 and a step from row 2 vary over the data, but not over the rows a VAR(2) fits
    with pytest.raises(InvalidInputError) as refused:
        _train(frame, (column,))
    assert f"the exogenous {column} {said}" in str(refused.value) and refused.value.value == column


def test_a_lag_beyond_the_order_is_a_regressor_the_fit_can_identify(frame):
    # realgdp three periods earlier is no regressor of a VAR(2): the VARX is identified and equals statsmodels'
    result = _train(frame, ("gdp_lag3",))
    direct = VAR(frame[list(ENDOG)], exog=frame[["gdp_lag3"]]).fit(2, trend="c")
    np.testing.assert_allclose(result.params.coefs, direct.coefs, rtol=1e-9, atol=1e-12)


def test_an_honest_driver_trains(frame):
    result = _train(frame, ("infl",))
    assert result.spec.exog == ("infl",) and result.params.k_ar == 2
