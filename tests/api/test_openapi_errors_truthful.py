"""The OpenAPI document states the error answers the service really gives, as its sign-in is configured: without a
provider every write is a 403 that says so (and nothing is a 401); a 410 only where a withdrawn version can be
named; a 503 that may be the sign-in provider's where a token is checked; a 404 for an unknown alias on the alias
routes; and the writes' answers as typed shapes whose fields are the JSON the routes answer."""

from __future__ import annotations

import pytest

from tests.api.local_store import local_client, local_registry
from tests.support.minio_server import free_port
from varlib import Actor, AuthSettings

ADMIN = Actor("Ada Admin", "ada", "https://issuer.test", via="rest")
SET = ("put", "/models/{name}/aliases/{alias}")
DELETE = ("delete", "/models/{name}/aliases/{alias}")
WITHDRAW = ("post", "/models/{name}/versions/{version}/withdraw")
SAVE = ("put", "/models/{name}/versions/{version}/scenarios/{scenario}")
UNSAVE = ("delete", "/models/{name}/versions/{version}/scenarios/{scenario}")
# each write, asked of a version that does not exist: a service with sign-in would answer 404
WRITES = [
    (SET, "/models/var/aliases/champion", {"version": "0.0.9"}),
    (DELETE, "/models/var/aliases/nope", None),
    (WITHDRAW, "/models/var/versions/0.0.9/withdraw", {"reason": "leaky holdout"}),
    (SAVE, "/models/var/versions/0.0.9/scenarios/hold", {"steps": 2}),
    (UNSAVE, "/models/var/versions/0.0.9/scenarios/hold", None),
]


@pytest.fixture
def settings(macro_result, tmp_path):
    """Three versions of `var`; 0.0.1 withdrawn, with the alias @gone still pointing at it."""
    settings, registry = local_registry(tmp_path, macro_result, versions=3)
    registry.set_alias("var", "gone", "0.0.1")
    registry.withdraw("var", "0.0.1", "leaky holdout")
    return settings


def provider(open_reads: bool = True) -> AuthSettings:
    """Sign-in configured, with a provider that nothing answers for (the document needs none)."""
    return AuthSettings(issuer=f"http://127.0.0.1:{free_port()}", audience="varlib", open_reads=open_reads)


def answers(client, method: str, path: str) -> dict[int, str]:
    """The documented answers of an operation: status -> description."""
    operation = client.get("/openapi.json").json()["paths"][path][method]
    return {int(code): answer["description"] for code, answer in operation["responses"].items()}


def test_without_a_provider_every_write_documents_the_403_it_answers_and_nothing_a_401(settings):
    for client in local_client(settings, AuthSettings()):
        document = client.get("/openapi.json").json()
        for (method, path), url, body in WRITES:
            answer = client.request(method.upper(), url, json=body)
            assert answer.status_code == 403, answer.text
            assert "no identity provider configured" in answer.json()["error"]
            documented = answers(client, method, path)
            assert "no identity provider configured" in documented[403], (method, path)
            assert {code for code in documented if code >= 400} <= {403, 413, 422}, (method, path, documented)
            stray = client.request(method.upper(), f"{url}?x=1", json=body)
            assert stray.status_code == 422 and 422 in documented, stray.text
        documented_401 = [
            (method, path)
            for path, operations in document["paths"].items()
            for method, operation in operations.items()
            if "401" in operation["responses"]
        ]
        assert not documented_401
        assert client.get("/models/var/history").status_code == 200  # the trail is open without a provider
    for client in local_client(settings, provider()):  # with one, a write without a token is a 401, as documented
        for (method, path), url, body in WRITES:
            answer = client.request(method.upper(), url, json=body)
            assert answer.status_code == 401, answer.text
            documented = answers(client, method, path)
            assert "does not verify" in documented[401] and "no identity provider" not in documented[403]
            assert "role" in documented[403]


def test_410_is_documented_only_where_a_withdrawn_version_can_be_named(settings):
    for client in local_client(settings, provider(), actor=ADMIN):
        for (method, path), url, body in [
            (SET, "/models/var/aliases/champion", {"version": "0.0.1"}),
            (SET, "/models/var/aliases/champion", {"version": "@gone"}),
            (SAVE, "/models/var/versions/0.0.1/scenarios/hold", {"steps": 2}),
            (SAVE, "/models/var/versions/@gone/scenarios/hold", {"steps": 2}),
        ]:
            answer = client.request(method.upper(), url, json=body)
            assert answer.status_code == 410 and answer.json()["type"] == "WithdrawnError", answer.text
            text = answers(client, method, path)[410]
            assert "withdrawn" in text and text != "the alias points at a withdrawn version", (method, path, text)
        through_alias = client.post("/models/var/versions/@gone/withdraw", json={"reason": "again"})
        assert through_alias.status_code == 422, through_alias.text
        assert client.delete("/models/var/aliases/gone").status_code == 200  # an alias of a withdrawn version goes
        assert 410 not in answers(client, *DELETE) and 410 not in answers(client, *WITHDRAW)
        assert 422 in answers(client, *WITHDRAW)


def test_404_of_the_alias_routes_names_an_unknown_alias(settings):
    for client in local_client(settings, provider(), actor=ADMIN):
        deleted = client.delete("/models/var/aliases/nope")
        assert deleted.status_code == 404 and deleted.json()["field"] == "alias", deleted.text
        assert "alias" in answers(client, *DELETE)[404]
        pointed = client.put("/models/var/aliases/champion", json={"version": "@nope"})
        # the alias given as the body's `version` is named by that field: the path's `alias` (champion) is fine
        assert pointed.status_code == 404 and pointed.json()["field"] == "version", pointed.text
        assert "alias" in answers(client, *SET)[404]


def test_503_names_the_sign_in_provider_where_a_token_is_checked(settings):
    token = {"Authorization": "Bearer not-checked-before-the-provider-answers"}
    for client in local_client(settings, provider()):
        ready = client.get("/ready")
        assert ready.status_code == 503 and ready.json()["type"] == "ProviderUnavailableError", ready.text
        assert "ProviderUnavailableError" in answers(client, "get", "/ready")[503]
        for (method, path), url, body in WRITES:
            answer = client.request(method.upper(), url, json=body, headers=token)
            assert answer.status_code == 503 and answer.json()["type"] == "ProviderUnavailableError", answer.text
            text = answers(client, method, path)[503]
            assert "ProviderUnavailableError" in text and "StoreUnavailableError" in text, (method, path)
        trail = client.get("/models/var/history", headers=token)
        assert (
            trail.status_code == 503
            and "ProviderUnavailableError" in answers(client, "get", "/models/{name}/history")[503]
        )
        read = "/models/{name}/versions/{version}"  # open reads check no token: only the store can be down there
        assert client.get("/models/var/versions/0.0.2").status_code == 200
        assert "ProviderUnavailableError" not in answers(client, "get", read)[503]
    for client in local_client(settings, provider(open_reads=False)):  # closed reads: every read checks a token
        answer = client.get("/models/var/versions/0.0.2", headers=token)
        assert answer.status_code == 503 and answer.json()["type"] == "ProviderUnavailableError", answer.text
        assert "ProviderUnavailableError" in answers(client, "get", "/models/{name}/versions/{version}")[503]
    for client in local_client(settings, AuthSettings()):  # no provider: nothing to be down but the store
        assert "ProviderUnavailableError" not in answers(client, "get", "/ready")[503]


def test_the_writes_answers_are_typed_with_exactly_the_fields_they_carry(settings):
    for client in local_client(settings, provider(), actor=ADMIN):
        document = client.get("/openapi.json").json()
        shapes = document["components"]["schemas"]
        for (method, path), url, body in [
            (SET, "/models/var/aliases/champion", {"version": "0.0.2"}),
            (SET, "/models/var/aliases/champion", {"version": "0.0.2"}),  # unchanged: `changed` false
            (DELETE, "/models/var/aliases/champion", None),
            (WITHDRAW, "/models/var/versions/0.0.2/withdraw", {"reason": "leaky holdout"}),
        ]:
            answer = client.request(method.upper(), url, json=body)
            assert answer.status_code == 200, answer.text
            schema = document["paths"][path][method]["responses"]["200"]["content"]["application/json"]["schema"]
            shape = shapes[schema["$ref"].rsplit("/", 1)[-1]]
            assert list(answer.json()) == list(shape["properties"]), (method, path)  # none added, none left out
            assert set(shape["required"]) == set(shape["properties"])
        assert "changed" in shapes["AliasMove"]["properties"] and "reason" in shapes["WithdrawAnswer"]["properties"]
        assert "latest" in shapes["WithdrawAnswer"]["properties"]  # where `latest` went, as the CLI says it
