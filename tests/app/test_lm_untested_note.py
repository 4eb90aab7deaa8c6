"""A whiteness check the sample leaves no lagged residual for (a VAR(8) of five differenced series on 60 quarters)
is not tested at all: the Train page showed its `Not tested` in green with a tick, as a pass, while a pass on one
lagged residual is a note. It is a note too (the page: test_lm_partial_pass.py), and its words say what to do."""

from __future__ import annotations

import pytest

from tests.app.test_lm_partial_pass import VARIABLES
from varlib import ModelSpec, load_dataset, train_model

START = "1994-10-01"  # 60 quarters: one row fewer than a VAR(8) of five needs for one lagged residual


@pytest.fixture(scope="module")
def untested_var8():
    dataset = load_dataset(variables=list(VARIABLES), start=START)
    return train_model(dataset, ModelSpec(variables=VARIABLES, lags=8, transform="diff", holdout=0))


def test_a_whiteness_check_on_no_lagged_residual_is_no_all_clear(untested_var8):
    whiteness = next(check for check in untested_var8.adequacy.checks if check.name == "whiteness")
    assert whiteness.ok and whiteness.lags is None and whiteness.partial  # not failed, and not passed either
    assert whiteness.verdict.startswith("Not tested: too few rows for even one lagged residual")
    assert "not ruled out" in whiteness.verdict and "fewer lags or variables" in whiteness.verdict
