"""The REST service forecasts a VECM version with the same request and answer shapes as a VAR's."""

from __future__ import annotations

import pytest

from tests.api.conftest import start_server
from tests.conftest import new_bucket
from tests.support.minio_server import stop_process
from varlib import ModelSpec, Registry, forecast_artifact, load_dataset, publish_result, train_model

pytestmark = pytest.mark.minio


@pytest.fixture(scope="module")
def served(minio, macro_result, tmp_path_factory):
    bucket = new_bucket()
    registry = Registry.from_settings(minio.settings(bucket, author="api-test"))
    dataset = load_dataset()
    vecm = train_model(dataset, ModelSpec(variables=tuple(dataset.variables), kind="vecm", lags=3, coint_rank=1))
    publish_result(registry, macro_result, "var")
    publish_result(registry, vecm, "macro-vecm")
    process, url = start_server({**minio.env(bucket)}, tmp_path_factory.mktemp("serve") / "serve.log")
    yield url, registry
    stop_process(process)


def test_a_vecm_forecast_has_the_var_answer_shape(served):
    import httpx

    url, registry = served
    with httpx.Client(base_url=url, timeout=30) as client:
        var = client.post("/models/var/versions/latest/forecast", json={"steps": 4}).json()
        answer = client.post("/models/macro-vecm/versions/0.0.1/forecast", json={"steps": 4, "alpha": 0.1})
        assert answer.status_code == 200
        body = answer.json()
        assert set(body) == set(var)
        expected = forecast_artifact(registry.load("macro-vecm", "0.0.1"), 4, 0.1)
        assert body["mean"] == expected.forecast.mean.tolist() and body["lower"] == expected.forecast.lower.tolist()
        metadata = client.get("/models/macro-vecm/versions/latest").json()
        assert metadata["kind"] == "vecm" and metadata["lag_inputs_needed"] == 3
        assert metadata["spec"]["deterministic"] == "co" and metadata["spec"]["coint_rank"] == 1
        lags = registry.load("macro-vecm", "0.0.1").data.values[-3:].tolist()
        own = client.post("/models/macro-vecm/versions/latest/forecast", json={"steps": 2, "lag_inputs": lags})
        assert own.json()["mean"] == expected.forecast.mean[:2].tolist()
        wrong = client.post("/models/macro-vecm/versions/latest/forecast", json={"steps": 2, "lag_inputs": lags[1:]})
        assert wrong.status_code == 422 and "needs 3 rows" in wrong.json()["error"]
        corrected = client.post(
            "/models/macro-vecm/versions/latest/forecast", json={"steps": 2, "intervals": "corrected"}
        )
        assert corrected.status_code == 422 and "not available for VECM versions" in corrected.json()["error"]
