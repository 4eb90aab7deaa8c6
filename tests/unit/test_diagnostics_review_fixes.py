"""What a review of the Diagnostics and Backtest pages found. The Unit roots tab's Johansen test takes the lagged
differences of the VAR in levels that the version stands for: a VAR(p) of differences is a VAR(p + 1) in levels
(p lagged differences), a VAR(p) in levels has p - 1; it took p - 1 for every transform. A backtest too large
for a VECM names a VECM, not a VAR."""

from __future__ import annotations

import pytest

from studies.samples import danish
from varlib import ModelSpec, train_model
from varlib.artifact import build_artifact
from varlib.diagnostics import diagnose

VARIABLES = ("lrm", "lry", "lpy", "ibo")


@pytest.mark.parametrize(("transform", "lagged"), [("none", 1), ("diff", 2)])
def test_johansen_lags_follow_the_levels_order_the_model_stands_for(transform, lagged):
    result = train_model(danish(), ModelSpec(VARIABLES, lags=2, transform=transform, holdout=0))
    johansen = diagnose(build_artifact(result, "danish", "tester")).integration.johansen
    assert johansen is not None and johansen.lagged_differences == lagged


def test_a_vecm_backtest_too_large_names_a_vecm_not_a_var():
    from varlib import InvalidInputError
    from varlib.backtest import backtest

    result = train_model(danish(), ModelSpec(VARIABLES, kind="vecm", lags=2, coint_rank=1, holdout=0))
    artifact = build_artifact(result, "danish", "tester")
    with pytest.raises(InvalidInputError, match=r"for a VECM of VAR order 2 of 4 variables"):
        backtest(artifact, origins=50, horizon=4)
