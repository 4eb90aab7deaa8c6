"""Johansen's table of a VECM is the model's own likelihood-ratio test where statsmodels has that case (no
deterministic terms, a constant outside the relation), and says so where it only approximates it (a
constant inside the relation, any trend): the trace statistics against 2(llf at full rank - llf at r) of
statsmodels' VECM with the version's own terms, on 80 quarters of three log series."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from statsmodels.tsa.vector_ar.vecm import VECM

from varlib import ModelSpec, johansen_caveat, load_dataset, train_model
from varlib.diagnostics import diagnose

NAMES = ("realgdp", "realcons", "realinv")
LAGGED = 2


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(variables=list(NAMES), start="1984-01-01", end="2003-12-31")


def _own_trace(levels: np.ndarray, deterministic: str) -> np.ndarray:
    """The model's own trace statistics for ranks 1..K-1, from the log-likelihoods of its fits at each rank."""
    k = levels.shape[1]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fits = {r: VECM(levels, k_ar_diff=LAGGED, coint_rank=r, deterministic=deterministic) for r in range(1, k + 1)}
        llf = {r: model.fit().llf for r, model in fits.items()}
    return np.array([2 * (llf[k] - llf[r]) for r in range(1, k)])


def _version(dataset, deterministic: str):
    spec = ModelSpec(NAMES, kind="vecm", transform="log", lags=LAGGED + 1, coint_rank=1, deterministic=deterministic)
    return train_model(dataset, spec)


@pytest.mark.parametrize("deterministic", ["n", "co"])
def test_without_terms_or_with_a_constant_outside_the_table_is_the_models_own_test(dataset, deterministic):
    result = _version(dataset, deterministic)
    own = _own_trace(np.log(dataset.frame[list(NAMES)].to_numpy()), deterministic)
    np.testing.assert_allclose(result.params.johansen.trace[1:], own, rtol=1e-6, atol=1e-6)
    assert johansen_caveat(deterministic) is None


@pytest.mark.parametrize("deterministic", ["ci", "lo", "colo", "cili"])
def test_with_a_restricted_constant_or_a_trend_the_table_is_said_to_approximate(dataset, deterministic):
    result = _version(dataset, deterministic)
    own = _own_trace(np.log(dataset.frame[list(NAMES)].to_numpy()), deterministic)
    assert np.max(np.abs(np.array(result.params.johansen.trace[1:]) - own) / own) > 0.03  # not the model's own
    caveat = johansen_caveat(deterministic)
    assert caveat is not None and "approximate this model's own test" in caveat


def test_the_caveat_reaches_the_diagnostics(dataset):
    from varlib.artifact import build_artifact

    diagnostics = diagnose(build_artifact(_version(dataset, "cili"), "vecm", "tester"))
    assert diagnostics.cointegration.to_dict()["johansen_caveat"].startswith("statsmodels' Johansen test removes")
