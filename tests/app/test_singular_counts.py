"""A VAR(1) starts from one observation: the Forecast page says so in the singular ("the last 1 observations"
before, then "the last 1 observation ..., oldest first"), as the lag upload's label does."""

from __future__ import annotations

from tests.app.conftest import open_app
from varlib import ModelSpec, load_dataset, train_model
from varlib.service import publish_result


def test_a_var_of_order_one_starts_from_the_last_observation(registry):
    dataset = load_dataset()
    publish_result(registry, train_model(dataset, ModelSpec(tuple(dataset.variables), lags=1)), "var", "patch", "one")
    at = open_app()
    captions = " ".join(c.value for c in at.caption)
    assert "The last observation the forecast starts from, at full precision." in captions
    assert "observations the forecast" not in captions
    labels = [u.label for u in at.get("file_uploader")]
    assert any("; 1 row (of more, the last)" in label for label in labels), labels
