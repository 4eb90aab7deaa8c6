"""Variables far apart in size, one above the intercept's 1 and one below, are refused naming both: the fit loses
the small one's coefficients, which the message used to blame on the large one beside the intercept."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from varlib import InvalidInputError, ModelSpec, load_dataset, train_model


def test_a_huge_and_a_tiny_variable_are_named_together():
    rng = np.random.default_rng(3)
    dates = pd.date_range("2000-03-31", periods=80, freq="QE").rename("date")
    gdp = 1.4e12 + np.cumsum(rng.normal(0, 1e9, 80))
    cons = 1e-6 * (1.5 + np.cumsum(rng.normal(0, 0.01, 80)))
    dataset = load_dataset(pd.DataFrame({"gdp": gdp, "cons": cons}, index=dates))
    with pytest.raises(InvalidInputError) as refused:
        train_model(dataset, ModelSpec(("gdp", "cons"), lags=1))
    said = str(refused.value)
    assert said.startswith("the values are too far apart in size to fit a VAR on: gdp reaches 1.4e+12 while cons")
    assert "divide gdp or multiply cons by a power of ten" in said and refused.value.field == "cons"
    rescaled = load_dataset(pd.DataFrame({"gdp": gdp / 1e6, "cons": cons}, index=dates))
    assert train_model(rescaled, ModelSpec(("gdp", "cons"), lags=1)).params.k_ar == 1  # as the message says
