"""The stability verdict advises trend `ct` only to a VAR in levels that does not have it: a VAR(1) of the macro
levels with trend `ct` is not stable (largest modulus 1.0158), and telling it to take trend `ct` instead sent
people back to the model they had."""

from __future__ import annotations

import pytest

from varlib import ModelSpec, load_dataset
from varlib.adequacy import stability_verdict
from varlib.artifact import build_artifact
from varlib.diagnostics import diagnose
from varlib.training import train

VARIABLES = ("realgdp", "realcons", "realinv")
ADVICE = "need trend `ct` instead"


@pytest.fixture(scope="module")
def trained():
    spec = ModelSpec(variables=VARIABLES, transform="none", trend="ct", lags=1, holdout=0)
    return train(load_dataset(variables=list(VARIABLES)), spec)


def test_an_unstable_var_with_trend_ct_is_not_told_to_take_trend_ct(trained):
    check = next(c for c in trained.adequacy.checks if c.name == "stability")
    assert not check.ok
    assert ADVICE not in check.verdict and "refit with transform `diff`, or `logdiff`" in check.verdict
    verdict = diagnose(build_artifact(trained, "var", "tester")).stability.verdict
    assert verdict.startswith("Not stable") and ADVICE not in verdict and "transform `diff`" in verdict


@pytest.mark.parametrize("trend", ["c", "n", None])
def test_a_var_in_levels_without_trend_ct_is_still_offered_it(trend):
    assert ADVICE in stability_verdict(False, 1.02 + 0j, "none", trend)
    assert "or trend `ct` if they are stationary" in stability_verdict(True, 0.97 + 0j, "none", trend)


def test_a_slow_stable_var_with_trend_ct_is_offered_differences_only():
    verdict = stability_verdict(True, 0.97 + 0j, "none", "ct")
    assert verdict.endswith("A `diff` or `logdiff` transform usually fits such data better.")
