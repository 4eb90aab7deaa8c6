"""The training pipeline: lag selection like statsmodels, holdout scores, refit on all rows."""

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from statsmodels.tsa.vector_ar.var_model import VAR

from varlib import ModelSpec, load_dataset, train_model
from varlib.data import Dataset
from varlib.errors import InvalidInputError
from varlib.scores import one_signed, score
from varlib.training import train


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


@pytest.mark.parametrize("ic", ["aic", "bic", "hqic", "fpe"])
def test_lag_order_is_the_statsmodels_choice_on_the_full_sample(dataset, ic):
    result = train_model(dataset, ModelSpec(variables=("realgdp", "realcons"), ic=ic, max_lags=8, holdout=0))
    values = VAR(dataset.frame.to_numpy()).select_order(8, trend="c").ics[ic]  # lags 0..8, one common sample
    expected = 1 + int(np.argmin(values[1:]))  # the search starts at lag 1
    assert result.params.k_ar == expected == result.selection.selected[ic]
    assert [row["lag"] for row in result.selection.table] == list(range(1, 9))
    zero = train_model(dataset, ModelSpec(variables=("realgdp", "realcons"), ic=ic, max_lags=8, holdout=0, min_lags=0))
    assert zero.selection.selected[ic] == int(np.argmin(values)) and len(zero.selection.table) == 9


def test_published_parameters_are_the_full_sample_fit(dataset):
    result = train_model(dataset, ModelSpec(variables=("realgdp", "realcons"), lags=3))
    reference = VAR(dataset.frame.to_numpy()).fit(3, trend="c")
    np.testing.assert_allclose(result.params.coefs, reference.coefs, rtol=1e-10)
    np.testing.assert_allclose(result.params.sigma_u, reference.sigma_u, rtol=1e-10)
    np.testing.assert_allclose(result.params.trend_coefs, reference.coefs_exog.T, rtol=1e-10)


def test_holdout_scores_the_tail_with_a_fit_on_the_head(dataset):
    result = train_model(dataset, ModelSpec(variables=("realgdp", "realcons"), lags=2, holdout=0.1))
    levels = dataset.frame.to_numpy()
    rows = round(len(levels) * 0.1)
    head, tail = levels[:-rows], levels[-rows:]
    predicted = VAR(head).fit(2, trend="c").forecast(head[-2:], rows)
    assert result.evaluation.rows == rows
    for j, name in enumerate(["realgdp", "realcons"]):
        error = predicted[:, j] - tail[:, j]
        metrics = result.evaluation.metrics[name]
        assert metrics["rmse"] == pytest.approx(np.sqrt(np.mean(error**2)), rel=1e-10)
        assert metrics["mae"] == pytest.approx(np.mean(np.abs(error)), rel=1e-10)
        assert metrics["mape"] == pytest.approx(np.mean(np.abs(error / tail[:, j])) * 100, rel=1e-10)


def test_holdout_zero_skips_evaluation(dataset):
    assert train_model(dataset, ModelSpec(variables=("realgdp", "realcons"), lags=1, holdout=0)).evaluation is None


def test_mape_is_none_when_an_actual_is_zero():
    assert score(np.array([0.0, 1.0]), np.array([0.5, 1.0]))["mape"] is None


def test_mape_is_left_out_for_a_series_crossing_zero_and_kept_for_one_of_either_sign():
    levels = np.array([[1.0, -0.2, -2.0], [2.0, 0.1, -4.0], [3.0, 0.3, -1.0]])  # the middle one crosses 0
    assert one_signed(levels).tolist() == [True, False, True]
    assert score(np.array([0.1, 0.3]), np.array([0.2, 0.3]), percent=False)["mape"] is None
    assert score(np.array([-2.0, -4.0]), np.array([-1.0, -4.0]))["mape"] == pytest.approx(25.0)


def test_a_holdout_of_one_sign_from_a_series_that_crosses_zero_has_no_mape():
    rng = np.random.default_rng(5)
    dates = pd.date_range("2000-01-01", periods=80, freq="QS")
    frame = pd.DataFrame({"a": 100 + np.cumsum(rng.normal(1, 1, 80)), "b": rng.normal(0, 1, 80)}, index=dates)
    frame.iloc[-8:, 1] = np.abs(frame.iloc[-8:, 1]) + 0.1  # the holdout's values are all positive
    result = train(Dataset("growth", frame, "0" * 64, frequency="QS-JAN"), ModelSpec(("a", "b"), lags=1, holdout=0.1))
    assert result.evaluation.metrics["b"]["mape"] is None and result.evaluation.metrics["a"]["mape"] > 0


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"transform": "log"}, "transform 'log'"),
        ({"trend": "ctt"}, "trend 'ctt'"),
        ({"ic": "aicc"}, "criterion 'aicc'"),
        ({"lags": 0}, "lag order 0"),
        ({"holdout": 0.9}, "holdout 0.9"),
        ({"variables": ("realgdp",)}, "at least 2 variables; got only realgdp: pick two"),
        ({"variables": ()}, "at least 2 variables; got none"),
    ],
)
def test_bad_specs_are_refused(changes, message):
    with pytest.raises(InvalidInputError, match=message):
        ModelSpec(**{"variables": ("realgdp", "realcons"), **changes})


def test_variables_the_dataset_lacks_are_named_with_its_columns(dataset):
    with pytest.raises(InvalidInputError, match="^realgdpp is not a column of dataset 'macrodata'; its") as caught:
        train_model(dataset, ModelSpec(variables=("realgdpp", "realcons")))
    assert caught.value.field == "variables" and "[" not in str(caught.value)  # words, not a list


def test_too_many_lags_for_the_rows_is_refused(dataset):
    short = load_dataset(end="1962-12-31")
    with pytest.raises(InvalidInputError, match="usable rows"):
        train_model(short, ModelSpec(variables=("realgdp", "realcons"), lags=10, holdout=0))


def test_logdiff_needs_positive_data():
    dataset = load_dataset(variables=["realgdp", "realint"])  # the real interest rate goes negative
    first = dataset.frame.index[(dataset.frame["realint"] <= 0).to_numpy().argmax()]
    row = dataset.frame.index.get_loc(first) + 1
    with pytest.raises(InvalidInputError) as caught:
        train_model(dataset, ModelSpec(variables=("realgdp", "realint"), transform="logdiff", lags=1, holdout=0))
    value = dataset.frame.loc[first, "realint"]
    quarter = f"{first.year}Q{first.quarter}"  # as people name it, not the ISO date of its first day
    assert str(caught.value).startswith(
        f"transform 'logdiff' needs positive data: realint is {value:g} in {quarter} (row {row} of the data);"
    )
    assert caught.value.field == "realint"


def test_a_constant_variable_is_named():
    frame = load_dataset(variables=["realgdp", "realcons"]).frame.assign(flat=5.0)
    dataset = replace(load_dataset(), frame=frame)
    message = r"^flat is constant .*: every row is 5, so a VAR cannot use it; drop it"
    with pytest.raises(InvalidInputError, match=message):
        train_model(dataset, ModelSpec(variables=("realgdp", "flat"), lags=1, holdout=0))


def test_a_counting_variable_is_named_but_a_trend_among_the_exogenous_columns_is_kept():
    base = load_dataset(variables=["realgdp", "realcons"]).frame
    frame = base.assign(t=np.arange(1.0, len(base) + 1))
    dataset = replace(load_dataset(), frame=frame)
    message = r"^t rises by the same step every row .*\(1, 2, 3, \.\.\. by 1\): a counter or a time trend"
    with pytest.raises(InvalidInputError, match=message) as caught:
        train_model(dataset, ModelSpec(variables=("realgdp", "realcons", "t"), lags=1, holdout=0))
    assert caught.value.field == "t"
    result = train_model(dataset, ModelSpec(variables=("realgdp", "realcons"), exog=("t",), lags=1, holdout=0))
    assert result.params.k_ar == 1  # a VARX may take a time trend as a regressor
