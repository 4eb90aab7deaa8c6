"""Scenarios over HTTP: `exog` and `conditions` in the forecast body (the same numbers as the library, the
same refusals as 422), saved scenarios listed, read and forecast, and saving guarded by sign-in and roles
(against a real Dex)."""

from __future__ import annotations

import httpx
import numpy as np
import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import start_server
from tests.conftest import new_bucket
from tests.support.minio_server import stop_process
from varlib import (
    ModelSpec,
    Registry,
    forecast_artifact,
    load_dataset,
    make_scenario,
    publish_result,
    train_model,
)
from varlib.api import create_app

pytestmark = pytest.mark.minio
CONDITIONS = {"realgdp": [12990.0, None, 13100.0]}


@pytest.fixture(scope="module")
def served(minio, macro_result):
    """A bucket with `var` 0.0.1 (plus a saved scenario) and a VARX `varx` 0.0.1, and the app on it."""
    settings = minio.settings(new_bucket(), author="api-test")
    registry = Registry.from_settings(settings)
    var = publish_result(registry, macro_result, "var")
    registry.save_scenario(make_scenario(var, "gdp-path", 4, conditions=CONDITIONS, notes="GDP recovers"))
    dataset = load_dataset(variables=["realgdp", "realcons", "realint"])
    spec = ModelSpec(variables=("realgdp", "realcons"), exog=("realint",), lags=2, holdout=0)
    publish_result(registry, train_model(dataset, spec), "varx")
    with TestClient(create_app(settings)) as client:
        yield client, registry


def test_conditions_and_exog_in_the_forecast_body(served):
    client, registry = served
    answer = client.post("/models/var/versions/0.0.1/forecast", json={"steps": 4, "conditions": CONDITIONS})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    expected = forecast_artifact(registry.load("var", "0.0.1"), 4, conditions=CONDITIONS)
    np.testing.assert_array_equal(body["mean"], expected.forecast.mean)
    plain_path = forecast_artifact(registry.load("var", "0.0.1"), 4).forecast  # how far each condition lies from it
    far = [
        (12990.0 - plain_path.center[0, 0]) / plain_path.sd[0, 0],
        (13100.0 - plain_path.center[2, 0]) / plain_path.sd[2, 0],
    ]
    assert body["conditions"] == [
        {
            "variable": "realgdp",
            "step": 1,
            "date": "2009-10-01",
            "value": 12990.0,
            "sd_from_forecast": pytest.approx(far[0]),
        },
        {
            "variable": "realgdp",
            "step": 3,
            "date": "2010-04-01",
            "value": 13100.0,
            "sd_from_forecast": pytest.approx(far[1]),
        },
    ]
    assert body["upper"][0][0] == body["lower"][0][0] == 12990.0 and body["scenario"] is None
    plain = client.post("/models/var/versions/0.0.1/forecast", json={"steps": 4}).json()
    assert plain["conditions"] == [] and plain["exog"] == {} and plain["mean"] != body["mean"]
    exog = {"realint": [1.0, 2.0, 2.0, 2.5]}
    varx = client.post("/models/varx/versions/latest/forecast", json={"steps": 4, "exog": exog})
    assert varx.status_code == 200, varx.text
    assert varx.json()["exog"] == exog
    expected = forecast_artifact(registry.load("varx", "0.0.1"), 4, exog=exog)
    np.testing.assert_array_equal(varx.json()["mean"], expected.forecast.mean)


@pytest.mark.parametrize(
    "body, message",
    [
        ({"steps": 4, "conditions": {"realgdp": [None] * 4 + [1.0]}}, "realgdp has a value at step 5, which"),
        ({"steps": 4, "conditions": {"gdp": [1.0]}}, "'gdp' is not a variable of this model"),
        ({"steps": 4, "conditions": {"realgdp": [1.0]}, "intervals": "corrected"}, "conditional forecasts use"),
        ({"steps": 4, "exog": {"realint": [1.0] * 4}}, "has no exogenous variables"),
    ],
)
def test_impossible_scenarios_are_422_naming_the_value(served, body, message):
    client, _ = served
    answer = client.post("/models/var/versions/0.0.1/forecast", json=body)
    assert answer.status_code == 422 and message in answer.json()["error"], answer.text


def test_a_varx_without_its_exogenous_values_is_422_naming_them(served):
    client, _ = served
    answer = client.post("/models/varx/versions/0.0.1/forecast", json={"steps": 4})
    assert answer.status_code == 422
    assert "exogenous variable realint: a forecast needs its values" in answer.json()["error"]
    nan = client.post(
        "/models/varx/versions/0.0.1/forecast",
        content=b'{"steps": 2, "exog": {"realint": [1.0, NaN]}}',
        headers={"content-type": "application/json"},
    )
    assert nan.status_code == 422 and "realint at step 2" in nan.json()["error"]


def test_saved_scenarios_are_listed_read_and_forecast(served):
    client, registry = served
    listed = client.get("/models/var/versions/latest/scenarios")
    assert listed.status_code == 200 and [s["scenario"] for s in listed.json()] == ["gdp-path"]
    one = client.get("/models/var/versions/0.0.1/scenarios/gdp-path").json()
    assert one["conditions"] == {"realgdp": [12990.0, None, 13100.0, None]} and one["notes"] == "GDP recovers"
    forecast = client.get("/models/var/versions/0.0.1/scenarios/gdp-path/forecast")
    assert forecast.status_code == 200, forecast.text
    again = client.get("/models/var/versions/0.0.1/scenarios/gdp-path/forecast")  # the pinned answer, reused
    assert again.content == forecast.content
    body = forecast.json()
    direct = client.post("/models/var/versions/0.0.1/forecast", json={"steps": 4, "conditions": CONDITIONS}).json()
    assert body == {**direct, "scenario": "gdp-path"}
    missing = client.get("/models/var/versions/0.0.1/scenarios/nope")
    assert missing.status_code == 404 and "saved: gdp-path" in missing.json()["error"]


def test_a_scenario_of_a_withdrawn_version_says_so(minio, macro_result):
    """Named by its number, a withdrawn version's scenario still forecasts, carrying the withdrawal."""
    settings = minio.settings(new_bucket(), author="api-test")
    registry = Registry.from_settings(settings)
    first = publish_result(registry, macro_result, "var")
    publish_result(registry, macro_result, "var")
    registry.save_scenario(make_scenario(first, "gdp-path", 4, conditions=CONDITIONS))
    registry.withdraw("var", "0.0.1", "trained on the wrong file")
    with TestClient(create_app(settings)) as client:
        answer = client.get("/models/var/versions/0.0.1/scenarios/gdp-path/forecast")
    assert answer.status_code == 200 and answer.json()["withdrawn"]["reason"] == "trained on the wrong file"
    assert answer.json()["scenario"] == "gdp-path"


def test_saving_needs_sign_in(served):
    client, registry = served
    refused = client.put("/models/var/versions/0.0.1/scenarios/mine", json={"steps": 4})
    assert refused.status_code == 403 and "needs sign-in" in refused.json()["error"]
    assert [s.scenario for s in registry.scenarios("var", "0.0.1")] == ["gdp-path"]


@pytest.fixture(scope="module")
def secured(minio, dex, macro_result, tmp_path_factory):
    """`varlib serve` verifying Dex's tokens, on a bucket with `var` 0.0.1."""
    bucket = new_bucket()
    registry = Registry.from_settings(minio.settings(bucket, author="api-test"))
    publish_result(registry, macro_result, "var")
    process, url = start_server({**minio.env(bucket), **dex.env()}, tmp_path_factory.mktemp("scen") / "serve.log")
    yield url, registry
    stop_process(process)


def test_saving_needs_the_publisher_role_and_is_never_overwritten(secured, dex):
    url, registry = secured
    body = {"steps": 4, "conditions": CONDITIONS, "notes": "from REST"}
    with httpx.Client(base_url=url, timeout=30) as http:
        viewer = http.put("/models/var/versions/latest/scenarios/gdp", json=body, headers=_bearer(dex, "viewer"))
        assert viewer.status_code == 403 and "scenario needs the publisher role" in viewer.json()["error"]
        assert registry.scenarios("var", "0.0.1") == []
        saved = http.put("/models/var/versions/latest/scenarios/gdp", json=body, headers=_bearer(dex, "publisher"))
        assert saved.status_code == 201, saved.text
        assert saved.json()["version"] == "0.0.1" and saved.json()["actor"]["via"] == "rest"
        assert saved.headers["location"] == "/models/var/versions/0.0.1/scenarios/gdp"  # under its version, not latest
        assert http.get(saved.headers["location"]).json()["notes"] == "from REST"
        twice = http.put("/models/var/versions/0.0.1/scenarios/gdp", json={"steps": 8}, headers=_bearer(dex, "admin"))
        assert twice.status_code == 409 and "already exists" in twice.json()["error"]
        assert http.get("/models/var/versions/0.0.1/scenarios/gdp").json()["steps"] == 4
        bad = http.put(
            "/models/var/versions/0.0.1/scenarios/late",
            json={"steps": 2, "conditions": {"realgdp": [1.0, 2.0, 3.0]}},
            headers=_bearer(dex, "publisher"),
        )
        assert bad.status_code == 422 and "lies beyond the horizon" in bad.json()["error"]
        trail = http.get("/models/var/history", headers=_bearer(dex, "viewer")).json()
        assert trail[0]["action"] == "scenario.save" and trail[0]["scenario"] == "gdp"
        registry.withdraw("var", "0.0.1", "trained on the wrong file")
        gone = http.put("/models/var/versions/0.0.1/scenarios/after", json=body, headers=_bearer(dex, "publisher"))
        assert gone.status_code == 410 and "a scenario cannot be saved on it" in gone.json()["error"]
        assert [s.scenario for s in registry.scenarios("var", "0.0.1")] == ["gdp"]


def _bearer(dex, role: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {dex.access_token(role)}"}


def test_every_example_the_api_page_offers_works_as_it_stands(served):
    """Swagger UI built its one example body from every field's example at once, which every model refused."""
    client, _ = served
    post = client.get("/openapi.json").json()["paths"]["/models/{name}/versions/{version}/forecast"]["post"]
    examples = post["requestBody"]["content"]["application/json"]["examples"]
    assert set(examples) == {"plain", "level", "conditions", "exog"}
    for key, example in examples.items():
        model = "varx" if "exog" in example["value"] else "var"
        answer = client.post(f"/models/{model}/versions/latest/forecast", json=example["value"])
        assert answer.status_code == 200, (key, answer.text)
    assert client.post("/models/var/versions/latest/forecast", json={}).json()["steps"] == 8  # as the CLI's default
