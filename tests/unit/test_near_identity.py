"""A variable that is a combination of the others up to rounding is said at training time (varlib.near_identity)."""

import numpy as np
import pandas as pd
import pytest

from varlib import InvalidInputError, ModelSpec, train_model
from varlib.data import Dataset
from varlib.data.datasets import load_macrodata
from varlib.near_identity import near_identity_warning


@pytest.fixture(scope="module")
def macro():
    return load_macrodata(
        ["realgdp", "realcons", "realinv", "realgovt", "realdpi", "cpi", "tbilrate", "infl", "realint", "unemp"]
    ).frame


def _growth(macro: pd.DataFrame) -> pd.DataFrame:
    """80 quarters of growth rates in percent, and their total stored to two decimals, as a spreadsheet keeps it."""
    frame = (100 * np.log(macro[["realgdp", "realcons", "realinv"]]).diff()).dropna().iloc[-80:]
    frame.columns = ["g", "c", "i"]
    frame["total"] = (frame["g"] + frame["c"]).round(2)
    return frame


def test_a_total_stored_rounded_beside_its_parts_is_named_with_them(macro):
    frame = _growth(macro)
    said = near_identity_warning(frame.to_numpy(), list(frame.columns))
    assert said is not None and said.startswith("total moves almost exactly with g and c:")
    assert "99.99" in said and "drop the one computed from the others" in said


def test_a_rate_defined_from_two_others_is_said(macro):
    # the bundled data's real rate is the bill rate less inflation, each stored to two decimals
    frame = macro[["realint", "tbilrate", "infl"]]
    said = near_identity_warning(frame.to_numpy(), list(frame.columns))
    assert said is not None and "moves almost exactly with" in said
    assert all(name in said for name in ("realint", "tbilrate", "infl"))


@pytest.mark.parametrize(
    "columns",
    [
        ["realgdp", "realcons", "realinv"],  # levels that trend together for fifty years: their changes do not
        ["realgdp", "realcons", "realinv", "realgovt", "realdpi", "cpi", "unemp"],
        ["tbilrate", "infl"],
    ],
)
def test_variables_that_only_trend_together_are_not_said(macro, columns):
    frame = macro[columns]
    assert near_identity_warning(frame.to_numpy(), columns) is None
    assert near_identity_warning(np.log(frame.clip(lower=0.01)).to_numpy(), columns) is None


def test_one_variable_or_too_few_rows_say_nothing(macro):
    assert near_identity_warning(macro[["realgdp"]].to_numpy(), ["realgdp"]) is None
    frame = _growth(macro).iloc[:5]
    assert near_identity_warning(frame.to_numpy(), list(frame.columns)) is None


def test_training_keeps_the_warning_with_the_version(macro):
    frame = _growth(macro)
    dataset = Dataset("growth.csv", frame, "digest", "QS-OCT")
    result = train_model(dataset, ModelSpec(variables=tuple(frame.columns), lags=1, holdout=0))
    assert any(w.startswith("total moves almost exactly with g and c") for w in result.warnings)
    parts = train_model(dataset, ModelSpec(variables=("g", "c", "i"), lags=1, holdout=0))
    assert not any("moves almost exactly" in w for w in parts.warnings)


def test_a_total_exact_to_many_decimals_is_refused_by_name_not_as_a_scale_problem():
    """The total of the parts before they were stored to six decimals: off by at most 1e-6, it passed the
    exact-collinearity check, and its fit's residuals could not be tested. The refusal named no variable and said
    to rescale the data, which does not help."""
    rng = np.random.default_rng(5)
    dates = pd.date_range("2000-01-01", periods=80, freq="QS-JAN")
    walks = {"gdp": (2000, 10, 8), "cons": (1200, 6, 5), "inv": (500, 2, 6)}
    raw = pd.DataFrame({k: start + np.cumsum(rng.normal(m, s, 80)) for k, (start, m, s) in walks.items()}, dates)
    frame = raw.round(6)
    frame["total"] = (raw["gdp"] + raw["cons"]).round(6)
    dataset = Dataset("parts.csv", frame, "digest", "QS-JAN")
    with pytest.raises(InvalidInputError) as refused:
        train_model(dataset, ModelSpec(variables=tuple(frame.columns), lags=1, holdout=0))
    said = str(refused.value)
    assert said.startswith("total moves almost exactly with gdp and cons:") and refused.value.field == "total"
    assert "cannot be tested" in said and "rescale" not in said and said.endswith("and train again")
