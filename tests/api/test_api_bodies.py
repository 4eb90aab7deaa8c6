"""Bodies and refusals: sign-in is checked before the body, a refused value is named with its reason, a body
that is not JSON (or gives a key twice) is an InvalidInputError naming the spot, and a scenario of a model
that does not exist says so."""

from __future__ import annotations

import pytest

from tests.api.local_store import local_client, local_registry
from varlib import Actor, AuthSettings

FORECAST = "/models/var/versions/0.0.2/forecast"
JSON = {"content-type": "application/json"}


@pytest.fixture(scope="module")
def store(macro_result, tmp_path_factory):
    return local_registry(tmp_path_factory.mktemp("bodies"), macro_result)


@pytest.fixture(scope="module")
def client(store):
    yield from local_client(store[0])


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("PUT", "/models/var/aliases/zz"),
        ("POST", "/models/var/versions/0.0.1/withdraw"),
        ("PUT", "/models/var/versions/0.0.1/scenarios/s"),
    ],
)
def test_a_write_without_a_token_is_refused_before_its_body_is_checked(store, method, path):
    auth = AuthSettings(issuer="http://127.0.0.1:8797", audience="varlib")  # never asked: no token to verify
    for client in local_client(store[0], auth):
        answer = client.request(method, path, json={"bogus": 1})
        assert answer.status_code == 401, answer.text
        assert answer.json()["type"] == "AuthenticationError"


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"steps": 401}, "steps: steps 401 must be a whole number from 1 to 400"),  # the CLI's words
        ({"steps": 2, "alpha": "0.1"}, 'alpha: "0.1": send a JSON number (0.1), not a string'),
        ({"steps": 2, "alpha": 0}, "alpha: alpha 0 must be between 0.0001 and 0.5 (0.05 gives a 95% interval)"),
        ({"steps": 2, "intervals": ["x" * 100]}, '["xxxxxxxx'),
        ({"steps": 2, "bogus": 1}, "body.bogus: not a field of this body; send only these fields: steps,"),
    ],
)
def test_a_refused_value_is_named(client, body, words):
    answer = client.post(FORECAST, json=body)
    assert answer.status_code == 422 and answer.json()["type"] == "InvalidInputError", answer.text
    assert words in answer.json()["error"]
    assert len(answer.json()["error"]) < 400  # a long value is shortened


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b'{"steps": 2', "the body is not valid JSON at character 11"),
        (b"\xff\xfe{}", "the body is UTF-16 text"),
        (b'{"steps": 2, "intervals": "\xe9"}', "the body is not UTF-8 text: byte 27 (0xE9)"),
        (b"[" * 100_000, "nests arrays or objects too deeply"),
        (b'{"steps": 2, "steps": 3}', "the key 'steps' twice"),
        (b'{"steps": 2, "conditions": {"realgdp": [1e3], "realgdp": [2e3]}}', "the key 'realgdp' twice"),
    ],
)
def test_a_body_that_is_not_one_clear_json_object_is_bad_input(client, raw, words):
    answer = client.post(FORECAST, content=raw, headers=JSON)
    assert answer.status_code == 422, answer.text
    assert answer.json()["type"] == "InvalidInputError" and words in answer.json()["error"], answer.text


def test_the_body_limit_still_applies_before_parsing(client):
    answer = client.post(FORECAST, content=b'{"steps": 2, "x": "' + b"x" * 1_100_000 + b'"}', headers=JSON)
    assert answer.status_code == 413 and answer.json()["type"] == "InvalidInputError"


@pytest.mark.parametrize("path", ["/scenarios/x", "/scenarios/x/forecast"])
def test_a_scenario_of_an_unknown_model_or_version_says_so(client, path):
    model = client.get(f"/models/nope/versions/0.0.1{path}")
    assert model.status_code == 404 and "model 'nope' has no versions" in model.json()["error"], model.text
    version = client.get(f"/models/var/versions/9.9.9{path}")
    assert version.status_code == 404 and "var 9.9.9 does not exist" in version.json()["error"], version.text
    scenario = client.get(f"/models/var/versions/0.0.1{path}")
    assert scenario.status_code == 404 and "has no scenario 'x'" in scenario.json()["error"], scenario.text


def test_a_bad_alias_is_named_once_signed_in(store):
    for client in local_client(store[0], actor=Actor("Ada Admin", "ada", "https://issuer.test", via="rest")):
        answer = client.put("/models/var/aliases/Champion", json={"version": "0.0.1"})
        assert answer.status_code == 422 and "alias 'Champion' is not valid" in answer.json()["error"], answer.text


@pytest.mark.parametrize(
    "body",
    [
        {"steps": 2, "k" * 100_000: 1},  # an unknown key, echoed in the message and in each detail's place
        {"steps": 2, "conditions": {"v" * 200_000: [1.0]}},  # an unknown variable, in the message, field and value
    ],
)
def test_a_huge_bad_value_is_named_not_echoed_whole(client, body):
    """A 200 kB name came back up to three times (a 600 kB answer); it is named by its start."""
    answer = client.post(FORECAST, json=body)
    assert answer.status_code == 422, answer.text[:300]
    assert len(answer.content) < 6_000 and ("kkkk" in answer.text or "vvvv" in answer.text)


def test_the_document_lists_the_interval_kinds_and_the_steps_bounds(client):
    """A client generated from the document offers the interval kinds the service takes, and no other."""
    properties = client.get("/openapi.json").json()["components"]["schemas"]["ForecastRequest"]["properties"]
    steps, kinds = properties["steps"], properties["intervals"]["enum"]
    assert (steps["type"], steps["minimum"], steps["maximum"]) == ("integer", 1, 400)
    for kind in kinds:
        assert client.post(FORECAST, json={"steps": 2, "intervals": kind}).json()["intervals"] == kind
    refused = client.post(FORECAST, json={"steps": 2, "intervals": "wide"})
    assert refused.status_code == 422 and "'wide'" in refused.json()["error"], refused.text
