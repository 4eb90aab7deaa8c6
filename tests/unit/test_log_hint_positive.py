"""A failed normality check said "a log transform helps skewed series" of data with zeros or negative values, where
no log can be taken. The hint is now given only where every value is positive: at training (the Train page, the
CLI's train output, the version's card and report) and in a version's diagnostics."""

from __future__ import annotations

import numpy as np
import pytest

from studies.samples import as_quarterly
from varlib import ModelSpec, load_dataset, train_model
from varlib.adequacy import normality_verdict
from varlib.artifact import build_artifact
from varlib.diagnostics import diagnose

HINT = "a log transform helps skewed series"


@pytest.mark.parametrize("low", [0.0, -2.5])
def test_no_hint_for_data_with_a_value_of_zero_or_less(low):
    levels = np.array([[3.0, 1.0], [4.0, low], [5.0, 2.0]])
    text = normality_verdict(0.001, "none", ["gdp", "rate"], levels)
    assert HINT not in text and text.endswith("Look for outliers or breaks.")
    assert normality_verdict(0.001, "none", ["gdp", "rate"], np.abs(levels) + 1).endswith(f"breaks; {HINT}.")


def test_a_var_of_shifted_data_fits_the_same_differences_without_the_hint():
    dataset = load_dataset(variables=["realgdp", "realcons", "realinv"])
    # the same differences, so the same failed check, of data with negative values: realinv less its mean
    shifted = dataset.frame.assign(realinv=dataset.frame["realinv"] - dataset.frame["realinv"].mean())
    verdicts = {}
    for name, data in (("positive", dataset), ("shifted", as_quarterly(shifted, "shifted"))):
        result = train_model(data, ModelSpec(tuple(data.variables), transform="diff", lags=2, holdout=0))
        check = result.adequacy.checks[2]
        assert not check.ok  # premise: the check fails, where the hint is given or not
        verdicts[name] = (check.verdict, diagnose(build_artifact(result, name, "t")).normality.verdict)
    assert all(HINT in text for text in verdicts["positive"])
    assert not any(HINT in text for text in verdicts["shifted"])
