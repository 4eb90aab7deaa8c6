"""Models the unit tests of forecast inputs share: the bundled quarterly data as a VAR(2) and a VARX(1)."""

from __future__ import annotations

import pytest

from varlib import ModelSpec, load_dataset, train_model
from varlib.artifact import build_artifact


@pytest.fixture(scope="module")
def var2():
    """realgdp and realcons, a VAR(2), unpublished."""
    dataset = load_dataset(variables=["realgdp", "realcons"])
    return build_artifact(train_model(dataset, ModelSpec(("realgdp", "realcons"), lags=2, holdout=0)), "m", "t")


@pytest.fixture(scope="module")
def varx():
    """realgdp and realcons with realint exogenous, a VARX(1), unpublished."""
    dataset = load_dataset(variables=["realgdp", "realcons", "realint"])
    spec = ModelSpec(("realgdp", "realcons"), exog=("realint",), lags=1, holdout=0)
    return build_artifact(train_model(dataset, spec), "x", "t")
