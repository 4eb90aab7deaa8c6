"""The normality verdict suggests a log transform only to a model not in logs already (review: a `logdiff`
VAR was told that a log transform helps skewed series)."""

from __future__ import annotations

from varlib import ModelSpec, load_dataset, train_model
from varlib.adequacy import normality_verdict

HINT = "a log transform helps skewed series"


def test_the_hint_is_given_to_levels_and_differences_only():
    for transform in ("log", "logdiff"):
        text = normality_verdict(0.001, transform)
        assert HINT not in text and text.endswith("Look for outliers or breaks.")
    for transform in ("none", "diff", None):
        assert normality_verdict(0.001, transform).endswith(f"Look for outliers or breaks; {HINT}.")
    assert normality_verdict(0.5, "none") == "The residuals look normal (Doornik-Hansen p = 0.5)."


def test_a_logdiff_var_that_fails_normality_is_not_told_to_take_logs():
    dataset = load_dataset(variables=["realgdp", "realcons", "realinv"])
    checks = {
        transform: train_model(
            dataset, ModelSpec(tuple(dataset.variables), transform=transform, lags=2, holdout=0)
        ).adequacy.checks[2]
        for transform in ("logdiff", "diff")
    }
    assert not checks["logdiff"].ok and HINT not in checks["logdiff"].verdict
    assert not checks["diff"].ok and HINT in checks["diff"].verdict
