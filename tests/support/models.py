"""Models several test modules publish, built one way: the VARX of the bundled data."""

from __future__ import annotations

from varlib import Artifact, Dataset, ModelSpec, Registry, load_dataset, publish_result, train_model


def publish_varx(registry: Registry, name: str = "varx") -> tuple[Artifact, Dataset]:
    """`name` 0.0.1 (or the next version): realgdp and realcons given realint, 2 lags, no holdout; the published
    artifact and the dataset it was trained on."""
    dataset = load_dataset(variables=["realgdp", "realcons", "realint"])
    spec = ModelSpec(variables=("realgdp", "realcons"), exog=("realint",), lags=2, holdout=0)
    return publish_result(registry, train_model(dataset, spec), name), dataset
