"""A VAR's trend regressors have one owner (model_space.trend_columns): the fit's design, a forecast's future
terms, the lag search and the exogenous checks all use it, and it lays the terms out as statsmodels does."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest
import statsmodels.datasets.macrodata.data as macrodata
from statsmodels.tsa.vector_ar.var_model import VAR

import varlib
from varlib.errors import InvalidInputError
from varlib.lag_search import information_criteria
from varlib.model_space import trend_columns

LIBRARY = Path(varlib.__file__).parent
GROWTH = np.diff(np.log(macrodata.load_pandas().data[["realgdp", "realcons", "realinv"]].to_numpy(float)), axis=0)
USERS = ("forecast.py", "intervals.py", "lag_search.py", "exog_checks.py")


@pytest.mark.parametrize(("trend", "width"), [("n", 0), ("c", 1), ("ct", 2)])
def test_the_columns_are_statsmodels_design_columns(trend, width):
    results = VAR(GROWTH).fit(3, trend=trend)
    rows = GROWTH.shape[0] - 3
    assert trend_columns(trend, rows, 4).shape == (rows, width)
    np.testing.assert_array_equal(trend_columns(trend, rows, 4), results.endog_lagged[:, :width])


def test_a_forecast_continues_the_trend_from_the_end_of_the_sample():
    assert trend_columns("ct", 3, 201).tolist() == [[1.0, 201.0], [1.0, 202.0], [1.0, 203.0]]


@pytest.mark.parametrize("path", USERS)
def test_each_user_builds_no_trend_column_of_its_own(path):
    tree = ast.parse((LIBRARY / path).read_text())
    called = {
        node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
    }
    assert "trend_columns" in called and "ones" not in called, path


def test_an_unknown_trend_is_refused_in_words_by_the_lag_search():
    with pytest.raises(InvalidInputError, match=r"^trend 't' is not one of c, ct, n$"):
        information_criteria(GROWTH, 4, "t")


def test_the_exogenous_checks_name_the_trend_terms_from_one_dict():
    tree = ast.parse((LIBRARY / "exog_checks.py").read_text())
    by_trend = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Dict) and {"c", "ct"} <= {getattr(key, "value", None) for key in node.keys}
    ]
    assert len(by_trend) == 1
