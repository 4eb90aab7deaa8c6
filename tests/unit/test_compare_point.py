"""The comparison's JSON says, per version, what its `mean` column is, as `forecast --json` does: a log model's
point forecast is the median in levels."""

from __future__ import annotations

from dataclasses import replace

from varlib import ModelSpec, Version, comparison_dict, load_dataset, train_model
from varlib.artifact import build_artifact


def test_each_forecast_names_its_point():
    dataset = load_dataset()
    fitted = []
    for major, transform in ((1, "logdiff"), (2, "none")):
        result = train_model(dataset, ModelSpec(tuple(dataset.variables), transform=transform, lags=2))
        fitted.append(replace(build_artifact(result, "m", "t"), version=Version(major, 0, 0)))
    compared = comparison_dict(fitted, steps=2)
    assert [f["point"] for f in compared["forecasts"]] == ["median", "mean"]
    assert all(f["rows"] for f in compared["forecasts"])
