"""Every status an operation answers is in the OpenAPI document: provoked on a local store (an alias of a
withdrawn version, a body over the limit, a stray query parameter, closed reads without a token) and looked
up among the operation's documented responses."""

from __future__ import annotations

import pytest

from tests.api.local_store import local_client, local_registry
from varlib import AuthSettings

POST_FORECAST = ("post", "/models/{name}/versions/{version}/forecast")
BIG = {"steps": 2, "notes": "x" * 1_100_000}  # over the 1 MB body limit


@pytest.fixture(scope="module")
def store(macro_result, tmp_path_factory):
    settings, registry = local_registry(tmp_path_factory.mktemp("statuses"), macro_result)
    registry.set_alias("var", "gone", "0.0.1")
    registry.withdraw("var", "0.0.1", "leaky holdout")
    return settings, registry


def documented(client, method: str, path: str) -> set[int]:
    return {int(code) for code in client.get("/openapi.json").json()["paths"][path][method]["responses"]}


@pytest.mark.parametrize(
    ("method", "path", "url", "body", "status"),
    [
        ("get", "/models/{name}/versions/{version}", "/models/var/versions/@gone", None, 410),
        (*POST_FORECAST, "/models/var/versions/@gone/forecast", {"steps": 2}, 410),
        ("get", "/var_predict/{version}", "/var_predict/@gone", None, 410),
        (*POST_FORECAST, "/models/var/versions/0.0.2/forecast", BIG, 413),
        ("put", "/models/{name}/versions/{version}/scenarios/{scenario}", "/models/var/versions/0.0.2/scenarios/a", BIG,
         413),
        ("put", "/models/{name}/aliases/{alias}", "/models/var/aliases/a", BIG, 413),
        ("get", "/models", "/models?x=1", None, 422),
        ("get", "/health", "/health?x=1", None, 422),
    ],
)  # fmt: skip
def test_provoked_statuses_are_documented(store, method, path, url, body, status):
    for client in local_client(store[0]):
        answer = client.request(method.upper(), url, json=body)
        assert answer.status_code == status, answer.text
        assert status in documented(client, method, path), (method, path, status)


def test_closed_reads_document_their_refusal(store):
    auth = AuthSettings(issuer="http://127.0.0.1:8797", audience="varlib", open_reads=False)
    for client in local_client(store[0], auth):
        answer = client.get("/models/var/versions/0.0.2")
        assert answer.status_code == 401, answer.text
        assert {401, 403} <= documented(client, "get", "/models/{name}/versions/{version}")
        assert 401 not in documented(client, "get", "/health")  # open to all


def test_every_field_an_error_answer_carries_is_in_its_documented_body(store):
    """A refused value answers `field` and `value`, a schema refusal `details`, a store error `key`: the
    document's error body listed only `error` and `type`."""
    for client in local_client(store[0]):
        documented_fields = set(client.get("/openapi.json").json()["components"]["schemas"]["ErrorBody"]["properties"])
        rows = [[1.0, 2.0]] * 3 + [[1.0, None]]
        answers = [
            client.post("/models/var/versions/0.0.2/forecast", json={"steps": 2, "lag_inputs": rows}),
            client.post("/models/var/versions/0.0.2/forecast", json={"steps": 0}),
            client.get("/models/var/versions/0.0.9"),
            client.post("/models/var/versions/0.0.2/forecast", json={"steps": 2, "conditions": {"nope": [1.0]}}),
        ]
        seen = set().union(*(answer.json() for answer in answers))
        assert {"field", "details", "key"} <= seen and seen <= documented_fields, seen - documented_fields
