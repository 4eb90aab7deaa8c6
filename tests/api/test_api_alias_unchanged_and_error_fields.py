"""PUT of an alias to the version it points at already answers 200 with the alias as it is and `changed: false`,
storing and recording nothing; error bodies give `field` and `value` for a refused value (shortened, as the
message quotes it, without a stray quote), a version an alias cannot be pointed at as the body's `version` (not
`alias`, the one being moved), a model that does not exist as `field` `name`, and a store object's `key` whole."""

from __future__ import annotations

import pytest

from tests.api.local_store import local_client, local_registry
from varlib import Actor, CorruptArtifactError, InvalidInputError
from varlib.api.handlers import error_response

ADMIN = Actor("Ada Admin", "ada-sub", "https://issuer.test", via="rest", origin="10.1.2.3")


@pytest.fixture(scope="module")
def http(macro_result, tmp_path_factory):
    settings, registry = local_registry(tmp_path_factory.mktemp("unchanged"), macro_result)
    for client in local_client(settings, actor=ADMIN):
        yield client, registry


def test_a_second_put_of_the_same_version_changes_nothing(http):
    client, registry = http
    first = client.put("/models/var/aliases/champion", json={"version": "0.0.1"})
    assert first.status_code == 200 and first.json()["changed"] is True and first.json()["revision"] == 1
    trail = client.get("/models/var/history").json()
    second = client.put("/models/var/aliases/champion", json={"version": "0.0.1"})
    assert second.status_code == 200, second.text
    body = second.json()
    assert body["changed"] is False
    assert (body["version"], body["revision"], body["at"]) == ("0.0.1", 1, first.json()["at"])
    assert client.get("/models/var/history").json() == trail  # no audit record `0.0.1 -> 0.0.1`
    assert registry.alias("var", "champion").revision == 1
    moved = client.put("/models/var/aliases/champion", json={"version": "0.0.2"}).json()
    assert (moved["changed"], moved["revision"], moved["previous"]) == (True, 2, "0.0.1")


def test_a_version_that_is_not_valid_is_named_by_field_and_value(http):
    client, _ = http
    for sent in ("v1", "@Not An Alias"):
        answer = client.put("/models/var/aliases/champion", json={"version": sent})
        assert answer.status_code == 422, answer.text
        body = answer.json()
        assert body["type"] == "InvalidInputError" and "is not valid" in body["error"]
        assert (body["field"], body["value"]) == ("version", sent)


@pytest.fixture(scope="module")
def withdrawn(macro_result, tmp_path_factory):
    """A store of its own whose 0.0.1 is withdrawn and pointed at by @gone."""
    settings, registry = local_registry(tmp_path_factory.mktemp("withdrawn"), macro_result)
    registry.set_alias("var", "gone", "0.0.1")
    registry.withdraw("var", "0.0.1", "superseded")
    for client in local_client(settings, actor=ADMIN):
        yield client, registry


@pytest.mark.parametrize(
    ("sent", "status", "said"),
    [
        ("@nobody", 404, "model 'var' has no alias @nobody"),  # the alias resolution's own field was `alias`
        ("0.0.9", 404, "var 0.0.9 does not exist"),  # the version's load named no field
        ("@gone", 410, "points at 0.0.1, which was withdrawn"),  # an alias given as the version was `alias`
    ],
)
def test_a_version_given_that_cannot_be_pointed_at_is_named_as_the_body_version(withdrawn, sent, status, said):
    client, registry = withdrawn
    answer = client.put("/models/var/aliases/other", json={"version": sent})
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert said in body["error"]
    # the request's `alias` is `other`, which is fine: the refused input is the body's version
    assert (body["field"], body["value"]) == ("version", sent)
    assert registry.alias("var", "other") is None  # nothing stored


def test_a_long_alias_in_the_path_is_named_shortened_without_a_stray_quote(http):
    client, _ = http
    alias = "a" * 5000
    answer = client.put(f"/models/var/aliases/{alias}", json={"version": "0.0.1"})
    assert answer.status_code == 422, answer.text
    body = answer.json()
    shown = f"{'a' * 40}...{'a' * 17}"  # as the message quotes it
    assert body["error"].startswith(f"alias '{shown}' is not valid: use 1-40")
    assert '"' not in body["error"]
    assert (body["field"], body["value"]) == ("alias", shown)


def test_a_key_is_given_whole_and_a_received_value_shortened():
    key = "var/_audit/2026-01-02T03-04-05.678901Z-withdraw-0_0_1-" + "1d174" * 8 + ".json"
    refused = CorruptArtifactError("damaged", key=key, field="alias", value="b" * 500)
    body = error_response(409, refused).body.decode()
    assert f'"key":"{key}"' in body
    assert '"value":"' + "b" * 40 + "..." + "b" * 17 + '"' in body
    escaped = error_response(422, InvalidInputError("bad", value="x\ny")).body.decode()
    assert '"value":"x\\\\ny"' in escaped  # a control character received is escaped, as the message names it


@pytest.mark.parametrize(
    "path",
    [
        "/models/nope/versions",
        "/models/nope/versions/latest",
        "/models/nope/aliases",
        "/models/nope/history",
        "/models/nope/compare?versions=0.0.1&versions=0.0.2",
    ],
)
def test_a_model_that_does_not_exist_is_named_by_field_and_value(http, path):
    client, _ = http
    answer = client.get(path)
    assert answer.status_code == 404, answer.text
    body = answer.json()
    assert body["error"].startswith("model 'nope' has no versions in")
    assert (body["field"], body["value"]) == ("name", "nope")  # as the alias and the version are named
    sent = client.post("/models/nope/versions/latest/forecast", json={})
    assert (sent.status_code, sent.json()["field"], sent.json()["value"]) == (404, "name", "nope")


def test_a_delete_of_an_alias_not_set_says_where_the_aliases_are_listed(http):
    client, _ = http
    answer = client.delete("/models/var/aliases/nobody")
    assert answer.status_code == 404, answer.text
    body = answer.json()
    assert body["error"] == "model 'var' has no alias @nobody; GET /models/var/aliases lists them"
    assert (body["field"], body["value"]) == ("alias", "nobody")
