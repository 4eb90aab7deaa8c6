"""The lag-order criteria from one QR decomposition equal statsmodels' select_order, order by order, for every
trend, with exogenous columns, on levels and on growth rates; a degenerate design is left to statsmodels."""

from __future__ import annotations

import numpy as np
import pytest
import statsmodels.datasets.macrodata.data as macrodata
from statsmodels.tsa.vector_ar.var_model import VAR

from varlib.errors import InvalidInputError
from varlib.lag_search import information_criteria
from varlib.model import select_lags

LEVELS = macrodata.load_pandas().data[["realgdp", "realcons", "realinv"]].to_numpy(float)
GROWTH = np.diff(np.log(LEVELS), axis=0)


@pytest.mark.parametrize(
    "series, max_lags, trend, exog",
    [
        (LEVELS, 15, "c", None),  # trending levels: the least well conditioned
        (LEVELS, 8, "ctt", None),
        (GROWTH, 12, "ct", None),
        (GROWTH, 10, "n", None),  # from lag 1, as statsmodels (no VAR(0) without terms)
        (GROWTH[:, :2], 8, "c", GROWTH[:, 2:]),
        (GROWTH[:, :2], 8, "n", GROWTH[:, 2:]),  # with exogenous columns: from lag 0
        (GROWTH[-60:], 4, "c", None),  # a short sample
    ],
)
def test_the_criteria_equal_statsmodels_select_order(series, max_lags, trend, exog):
    expected = VAR(series, exog).select_order(max_lags, trend=trend).ics
    found = information_criteria(series, max_lags, trend, exog)
    assert set(found) == set(expected)
    for ic, values in expected.items():
        np.testing.assert_allclose(found[ic], values, rtol=1e-11, err_msg=ic)
        assert int(np.argmin(found[ic])) == int(np.argmin(values))


def test_a_long_sample_gives_the_same_table_and_choices():
    rng = np.random.default_rng(3)
    series = np.cumsum(rng.standard_normal((3000, 4)), axis=0)
    expected = VAR(series).select_order(30, trend="c")
    found = information_criteria(series, 30, "c")
    for ic, values in expected.ics.items():
        np.testing.assert_allclose(found[ic], values, rtol=1e-11, err_msg=ic)
    assert {ic: int(np.argmin(v)) for ic, v in found.items()} == {
        ic: int(v) for ic, v in expected.selected_orders.items()
    }


def test_a_degenerate_design_is_left_to_statsmodels():
    collinear = np.column_stack([GROWTH[:, 0], 2 * GROWTH[:, 0], GROWTH[:, 1]])
    assert information_criteria(collinear, 4, "c") is None
    with pytest.raises(InvalidInputError, match="collinear"):
        select_lags(collinear, 4, "c")
