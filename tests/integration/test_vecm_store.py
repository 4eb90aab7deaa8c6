"""A VECM version on both stores: published, listed with its kind, loaded exactly, forecast, and guarded by shape."""

from __future__ import annotations

import numpy as np
import pytest

from varlib import ConflictError, ModelSpec, forecast_version, load_dataset, publish_result, train_model
from varlib.artifact import encode


@pytest.fixture(scope="module")
def vecm_result():
    dataset = load_dataset()
    return train_model(dataset, ModelSpec(variables=tuple(dataset.variables), kind="vecm", max_lags=8))


def test_round_trip_through_the_store_is_exact(registry, vecm_result):
    published = publish_result(registry, vecm_result, "macro-vecm", notes="cointegrated")
    loaded = registry.load("macro-vecm", "latest", cached=False)
    assert encode(loaded) == encode(published)  # the same bytes, checksum and all
    for field in ("alpha", "beta", "gamma", "det_coef", "det_coef_coint", "sigma_u"):
        assert np.array_equal(getattr(loaded.params, field), getattr(vecm_result.params, field)), field
    assert loaded.params.johansen == vecm_result.params.johansen and loaded.params.rank_method == "trace test at 5%"
    entry = registry.list_versions("macro-vecm")[0]
    assert entry.ok and entry.card.kind == "vecm" and entry.card.trend == "co"
    assert entry.card.model == loaded.description and "VAR order 4 in levels" in entry.card.model
    result = forecast_version(registry, "macro-vecm", "latest", steps=6, alpha=0.1, cached=False)
    direct = vecm_result.params.var
    assert result.forecast.mean.shape == (6, 2) and result.forecast.intervals == "standard"
    assert loaded.params.var.n_totobs == direct.n_totobs == len(loaded.data.values)


def test_a_name_keeps_its_kind_within_a_major_version(registry, macro_result, vecm_result):
    publish_result(registry, macro_result, "macro")
    with pytest.raises(ConflictError, match="kind var -> vecm"):
        publish_result(registry, vecm_result, "macro", "minor")
    assert str(publish_result(registry, vecm_result, "macro", "major").version) == "1.0.0"
    assert [entry.card.kind for entry in registry.list_versions("macro")] == ["vecm", "var"]
