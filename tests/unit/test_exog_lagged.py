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
    assert "A VAR(2) already has that lag as regressors" in message and message.endswith("the VAR's lags carry it")
    assert refused.value.field == "exog" and refused.value.value == [column]


def test_the_lag_order_the_fit_chose_decides(frame):
    # by criterion the order is chosen first; a copy of lag 1 is inside any order, so it is refused whatever it is
    with pytest.raises(InvalidInputError, match=r"already has that lag as regressors") as refused:
        _train(frame, ("gdp_lag1",), lags=None)
    assert "A VAR(" in str(refused.value)


def test_a_lag_beyond_the_order_is_a_regressor_the_fit_can_identify(frame):
    # realgdp three periods earlier is no regressor of a VAR(2): the VARX is identified and equals statsmodels'
    result = _train(frame, ("gdp_lag3",))
    direct = VAR(frame[list(ENDOG)], exog=frame[["gdp_lag3"]]).fit(2, trend="c")
    np.testing.assert_allclose(result.params.coefs, direct.coefs, rtol=1e-9, atol=1e-12)


def test_an_honest_driver_trains(frame):
    result = _train(frame, ("infl",))
    assert result.spec.exog == ("infl",) and result.params.k_ar == 2
