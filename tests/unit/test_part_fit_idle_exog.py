"""A VARX whose exogenous column does not vary on a part of its sample (a dummy that is 1 until the last
quarters): the holdout's and the backtest origins' fits leave it out, so their forecasts carry none of its
effect, and a note says so; before, the part's least squares split the intercept between the constant and the
column arbitrarily, and the scores rested on that split."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.support.calm_dummy import quarters_calm_until
from varlib import ModelSpec, load_dataset, macro_columns, train_model
from varlib.artifact import build_artifact
from varlib.backtest import backtest
from varlib.kinds import kind_of
from varlib.part_fit import fit_part

ENDOG = ("realgdp", "realcons")


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    """The last 60 quarters of the bundled data (1994Q4-2009Q3) with `calm`: 1 until 2008Q3, then 0."""
    data = load_dataset(variables=list(macro_columns())).frame.iloc[-60:][list(ENDOG)].copy()
    data["calm"] = np.where(data.index < "2008-10-01", 1.0, 0.0)
    return data


def _train(frame: pd.DataFrame, exog: tuple[str, ...], holdout: float = 0.1):
    dataset = load_dataset(frame, variables=[*ENDOG, *exog])
    return train_model(dataset, ModelSpec(ENDOG, transform="logdiff", lags=2, exog=exog, holdout=holdout))


def test_the_holdout_fit_leaves_out_a_column_it_never_sees_vary_and_says_so(frame):
    varx, plain = _train(frame, ("calm",)), _train(frame, ())
    assert varx.params.exog_coefs is not None and np.all(varx.params.exog_coefs != 0)  # every row estimates it
    # the 54 rows before the 6-row holdout hold calm = 1 throughout: their fit is the plain VAR's
    np.testing.assert_allclose(varx.evaluation.forecast, plain.evaluation.forecast, rtol=1e-12)
    assert varx.warnings[-1] == (
        "On the 54 rows before the holdout (the fit it scores), calm is 1 on every row the fit uses, so its effect"
        " cannot be estimated there: that fit leaves calm out and its forecasts carry none of its effect, which the"
        " fit on every row estimates; the scores are those of a model without calm."
    )
    assert not any("calm" in warning for warning in plain.warnings)


def test_backtest_origins_that_never_see_it_vary_leave_it_out_in_one_note(frame):
    varx = build_artifact(_train(frame, ("calm",), holdout=0), "varx", "tester")
    plain = build_artifact(_train(frame, (), holdout=0), "var", "tester")
    result, baseline = backtest(varx, origins=8, horizon=4), backtest(plain, origins=8, horizon=4)
    np.testing.assert_allclose(result.forecast, baseline.forecast, rtol=1e-12)  # calm is 1 before every origin
    assert [note for note in result.notes if "calm" in note] == [
        "On the training part of every origin, calm is 1 on every row those fits use, so its effect cannot be"
        " estimated there: those fits leave calm out and their forecasts carry none of its effect, which the fit"
        " on every row estimates; the scores are those of a model without calm."
    ]


def test_a_column_that_varies_on_the_part_is_fitted_as_before(frame):
    varied = frame.assign(calm=np.where(frame.index < "2001-01-01", 1.0, 0.0))  # a break well inside the part
    result = _train(varied, ("calm",))
    assert not any("calm" in warning for warning in result.warnings)
    plain = _train(varied, ())
    assert not np.allclose(result.evaluation.forecast, plain.evaluation.forecast)


def test_a_column_that_moves_only_before_the_order_a_criterion_chose_is_left_out_too():
    """A dummy whose one move (row 1) is among the rows an order of 1 fits, but not the rows of the order 3 that
    the criterion chose on the part: there it is 1 throughout, and its coefficient was the intercept's split."""
    rng, rows = np.random.default_rng(3), 80
    levels = np.zeros((rows, 2))
    for t in range(3, rows):  # a VAR(3), which AIC finds on the part
        levels[t] = 1 + 0.3 * levels[t - 1] - 0.2 * levels[t - 2][::-1] + 0.5 * levels[t - 3] + rng.normal(0, 0.3, 2)
    data = pd.DataFrame(levels + 10, index=pd.date_range("2000-01-01", periods=rows, freq="QS"), columns=["a", "b"])
    data["calm"] = np.where(np.arange(rows) < rows - 6, 1.0, 0.0)
    data.loc[data.index[1], "calm"] = 0.0
    varx = train_model(load_dataset(data, variables=["a", "b", "calm"]), ModelSpec(("a", "b"), exog=("calm",)))
    plain = train_model(load_dataset(data, variables=["a", "b"]), ModelSpec(("a", "b"), lags=3))
    assert varx.evaluation.k_ar == 3
    np.testing.assert_allclose(varx.evaluation.forecast, plain.evaluation.forecast, rtol=1e-10)
    assert any(
        w.startswith("On the 72 rows before the holdout") and "calm is 1 on every row" in w for w in varx.warnings
    )


def test_a_column_left_out_is_not_counted_in_a_backtest_fits_degrees_of_freedom():
    """A VAR(5) of 2 variables on the first origins' 22-23 rows keeps 11-12 residual degrees of freedom, half its
    rows or more: no thin fit. Counting the column the fits left out made them 10-11, and a note said the VARX's
    forecasts, the plain VAR's to the digit, rested on thin fits."""
    dataset = load_dataset(quarters_calm_until(60), variables=["a", "b", "calm"])
    varx = train_model(dataset, ModelSpec(("a", "b"), lags=5, exog=("calm",), holdout=0))
    result = backtest(build_artifact(varx, "varx", "tester"), origins=30, horizon=4)
    assert any("calm is 1 on every row" in note for note in result.notes)  # every origin left it out
    assert not any("residual degrees of freedom" in note for note in result.notes), result.notes


def test_a_refit_without_a_column_warns_of_its_own_degrees_of_freedom():
    """A criterion's order 3 leaves out a dummy that moves only in row 1, and the part is refitted without it: its
    VAR(3) of 4 variables estimates 13 coefficients per equation from 26 rows, keeping 13 residual degrees of
    freedom, half its rows, which is no thin fit. The search's fit, with the dummy, estimated 14, and its thin-fit
    warning was kept for a fit that no longer had the column."""
    rng, rows, k = np.random.default_rng(0), 29, 4
    levels = np.zeros((rows, k))
    for t in range(3, rows):
        levels[t] = 0.3 * levels[t - 1] - 0.2 * levels[t - 2][::-1] + 0.6 * levels[t - 3] + rng.normal(0, 0.3, k)
    exog = np.ones((rows, 1))
    exog[1] = 0
    spec = ModelSpec(("a", "b", "c", "d"), exog=("calm",), max_lags=3)
    fitted, _, idle = fit_part(kind_of(spec), levels + 10, spec, "the part", None, exog)
    assert fitted.params.k_ar == 3 and idle == {"calm": "is 1 on every row"}
    assert not any("coefficients per equation" in warning for warning in fitted.warnings), fitted.warnings
    assert any("chose the largest order searched (3)" in warning for warning in fitted.warnings)  # the search's stays
