"""Which statsmodels results a legacy pickle may hold: the kind is told by the results' public `model`, so a
results wrapper is read through it, and any other object is refused naming its class."""

from __future__ import annotations

import numpy as np
import pytest

from varlib.errors import CorruptArtifactError
from varlib.legacy_results import read_results


@pytest.fixture(scope="module")
def var_results():
    from statsmodels.tsa.vector_ar.var_model import VAR

    levels = np.cumsum(np.random.default_rng(5).normal(size=(60, 2)), axis=0) + 40
    return VAR(levels).fit(2)


def test_a_results_wrapper_is_read_by_its_model(var_results):
    legacy = read_results(var_results, "var/0_0_1/model.pkl")
    assert legacy.source_class == "VARResults" and type(var_results).__name__ == "VARResultsWrapper"
    np.testing.assert_array_equal(legacy.params.coefs, var_results.coefs)
    np.testing.assert_allclose(legacy.mean, var_results.forecast(var_results.endog[-2:], len(legacy.mean)))


def test_other_statsmodels_results_are_refused_by_name():
    import statsmodels.api as sm

    rng = np.random.default_rng(1)
    ols = sm.OLS(rng.normal(size=30), sm.add_constant(rng.normal(size=30))).fit()
    with pytest.raises(CorruptArtifactError, match="holds results of a statsmodels.regression.linear_model.OLS model"):
        read_results(ols, "m/0_0_1/model.pkl")
    with pytest.raises(CorruptArtifactError, match="holds a builtins.dict"):
        read_results({"model": "VAR"}, "m/0_0_1/model.pkl")
