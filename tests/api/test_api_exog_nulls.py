"""A null among a VARX's exogenous values is refused in the library's words, naming the variable, the step and its
date, as the CLI says it, not in the schema's words (a zero-based index, no step, no date). Conditions without a
value are refused in the library's words too."""

from __future__ import annotations

import pytest

from tests.api.local_store import local_client
from tests.support.models import publish_varx
from varlib import (
    Actor,
    InvalidInputError,
    ModelSpec,
    Registry,
    Settings,
    forecast_version,
    load_dataset,
    publish_result,
    train_model,
)

FORECAST = "/models/varx/versions/0.0.1/forecast"
ADMIN = Actor("Ada Admin", "ada", "https://issuer.test", via="rest")


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> tuple[Settings, Registry]:
    """A local store with a VARX `varx` 0.0.1 (realgdp and realcons, given realint)."""
    settings = Settings(store_dir=tmp_path_factory.mktemp("exog-nulls"), author="api-test")
    registry = Registry.from_settings(settings)
    publish_varx(registry)
    return settings, registry


@pytest.fixture(scope="module")
def client(store):
    yield from local_client(store[0], actor=ADMIN)


@pytest.mark.parametrize(
    ("method", "path"), [("POST", FORECAST), ("PUT", "/models/varx/versions/0.0.1/scenarios/with-a-hole")]
)
def test_a_null_exogenous_value_is_named_by_its_step_and_date(client, method, path):
    answer = client.request(method, path, json={"steps": 3, "exog": {"realint": [1.0, None, 2.0]}})
    assert answer.status_code == 422, answer.text
    message = answer.json()["error"]
    assert message.startswith("exogenous values: realint has no value for step 2 (2010Q1); a forecast needs"), message
    assert "Input should be a valid number" not in message and "realint.1" not in message


def test_a_null_after_the_last_step_is_not_used(client):
    """Values after the horizon are not used, so one path serves any horizon: a null there is no hole."""
    answer = client.post(FORECAST, json={"steps": 2, "exog": {"realint": [1.0, 2.0, None]}})
    assert answer.status_code == 200, answer.text
    assert answer.json()["exog"] == {"realint": [1.0, 2.0]}


def test_text_among_exogenous_values_is_still_refused_by_the_schema(client):
    answer = client.post(FORECAST, json={"steps": 2, "exog": {"realint": [1.0, "2"]}})
    assert answer.status_code == 422 and "body.exog.realint.1" in answer.json()["error"], answer.text


@pytest.mark.parametrize("conditions", [{"realgdp": [None, None]}, {"realgdp": [1.0], "realcons": []}, {}])
def test_conditions_without_a_value_are_refused_in_the_librarys_words(client, store, conditions):
    """One rule and one wording for every caller: the library's."""
    body = {"steps": 2, "exog": {"realint": [1.0, 2.0]}, "conditions": conditions}
    answer = client.post(FORECAST, json=body)
    assert answer.status_code == 422 and answer.json()["type"] == "InvalidInputError", answer.text
    with pytest.raises(InvalidInputError) as library:
        forecast_version(store[1], "varx", "0.0.1", steps=2, exog=body["exog"], conditions=conditions)
    assert answer.json()["error"] == str(library.value)


def test_a_refusal_echoes_the_value_refused_not_its_step(client):
    """`value` is the refused input: a condition past the horizon echoed 3 (its step), not the value sent; a
    missing exogenous value echoed its step too, where nothing was sent."""
    answer = client.post(
        FORECAST, json={"steps": 2, "exog": {"realint": [1, 2]}, "conditions": {"realgdp": [None, 1, 3]}}
    )
    assert answer.status_code == 422 and answer.json()["field"] == "conditions.realgdp", answer.text
    assert answer.json()["value"] == 3 and "realgdp has a value at step 3" in answer.json()["error"]
    answer = client.post(
        FORECAST, json={"steps": 2, "exog": {"realint": [1, 2]}, "conditions": {"realgdp": [None, 1, 12700]}}
    )
    assert (answer.json()["field"], answer.json()["value"]) == ("conditions.realgdp", 12700), answer.text
    answer = client.post(FORECAST, json={"steps": 3, "exog": {"realint": [1.0, None, 2.0]}})
    assert answer.json()["field"] == "exog.realint" and "value" not in answer.json(), answer.text


def test_the_original_endpoint_sends_a_varx_to_the_forecast_route_that_takes_its_values(store):
    """/var_predict takes no exogenous values, yet was told to send `exog`, which it refuses as no parameter."""
    settings, registry = store
    dataset = load_dataset(variables=["realgdp", "realcons", "realint"])
    spec = ModelSpec(variables=("realgdp", "realcons"), exog=("realint",), lags=2, holdout=0)
    publish_result(registry, train_model(dataset, spec), "var")
    for legacy in local_client(settings):
        answer = legacy.get("/var_predict/0_0_1?future_periods=3")
        assert answer.status_code == 422 and answer.json()["field"] == "exog", answer.text
        assert answer.json()["error"] == (
            "var 0.0.1 has 1 exogenous variable (realint), whose future values /var_predict cannot take:"
            " POST /models/var/versions/0.0.1/forecast with `exog` instead"
        )
