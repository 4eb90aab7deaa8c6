"""Residuals with fewer degrees of freedom than variables cannot have a full-rank covariance: the refusal says so
and names the lags that fit, instead of blaming the data's scale."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from varlib import InvalidInputError, ModelSpec, load_dataset, train_model


def test_thirty_variables_with_two_lags_on_eighty_rows_are_told_the_real_cause():
    rng = np.random.default_rng(1)
    dates = pd.date_range("2000-03-31", periods=80, freq="QE").rename("date")
    names = [f"v{i}" for i in range(30)]
    frame = pd.DataFrame(np.cumsum(rng.normal(size=(80, 30)), axis=0), index=dates, columns=names)
    dataset = load_dataset(frame)
    with pytest.raises(InvalidInputError) as refused:
        train_model(dataset, ModelSpec(tuple(dataset.variables), lags=2))
    said = str(refused.value)
    assert "keeps 17 residual degrees of freedom per equation, fewer than its 30 variables" in said
    assert "use at most 1 lag, fewer variables, or more rows" in said and "rescale" not in said
    assert train_model(dataset, ModelSpec(tuple(dataset.variables), lags=1)).params.k_ar == 1  # the order it names


def test_with_no_order_that_fits_it_names_only_the_ways_that_help():
    rng = np.random.default_rng(2)
    dates = pd.date_range("2000-01-31", periods=40, freq="ME").rename("date")
    frame = pd.DataFrame(
        np.cumsum(rng.normal(size=(40, 20)), axis=0), index=dates, columns=[f"v{i}" for i in range(20)]
    )
    dataset = load_dataset(frame)
    with pytest.raises(InvalidInputError) as refused:
        train_model(dataset, ModelSpec(tuple(dataset.variables), lags=1, holdout=0))
    assert str(refused.value).endswith("nothing about the fit can be tested; use fewer variables or more rows")
