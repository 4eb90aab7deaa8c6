"""The Diagnostics page of a VECM of VAR order 1 whose deterministic terms are all inside its relation: the
Coefficients tab says it has no short-run coefficients, instead of building tables of nothing (which raised
KeyError in the library)."""

from __future__ import annotations

from tests.app.conftest import errors, open_app
from varlib import ModelSpec, load_dataset, publish_result, train_model


def test_the_coefficients_tab_says_there_are_none(registry):
    dataset = load_dataset(variables=["realgdp", "realcons"])
    spec = ModelSpec(("realgdp", "realcons"), kind="vecm", lags=1, coint_rank=1, deterministic="ci")
    publish_result(registry, train_model(dataset, spec), "v1ci")
    at = open_app({"model": "v1ci", "tab": "coefficients"}, page="views/diagnostics.py")
    assert not at.exception and errors(at) == ""
    assert any(i.value.startswith("No short-run coefficients: at VAR order 1") for i in at.info)
    assert not [d for d in at.dataframe if "coef" in getattr(d.value, "columns", [])]
