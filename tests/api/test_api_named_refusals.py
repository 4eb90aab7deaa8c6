"""Refusals name what was wrong as `field` and `value`, as sent: a version the store does not hold (404, by the
path's `version` or compare's `versions`), blanks around an alias move's body `version` (refused as the path's
version is, in the same words), an unknown `lag_policy` (the service's words, listing the policies), and a query
value our own validators refuse (their words in `details` too, without pydantic's "Value error," label); a damaged
version's 409 names its object by `key`, however it is damaged."""

from __future__ import annotations

import pytest

from tests.api.local_store import local_client, local_registry
from varlib import Actor

ADMIN = Actor("Ada Admin", "ada-sub", "https://issuer.test", via="rest")
MISSING = "var 9.9.9 does not exist; GET /models/var/versions lists the versions"


@pytest.fixture(scope="module")
def http(macro_result, tmp_path_factory):
    settings, registry = local_registry(tmp_path_factory.mktemp("named"), macro_result)
    for client in local_client(settings, actor=ADMIN):
        yield client, registry


@pytest.mark.parametrize(
    ("method", "path", "field", "value"),
    [
        ("POST", "/models/var/versions/9.9.9/forecast", "version", "9.9.9"),
        ("POST", "/models/var/versions/9_9_9/forecast", "version", "9_9_9"),  # as sent, not as the message writes it
        ("GET", "/var_predict/9_9_9", "version", "9_9_9"),
        ("GET", "/var_predict/9.9.9?future_periods=3", "version", "9.9.9"),
        ("GET", "/models/var/versions/9.9.9", "version", "9.9.9"),
        ("GET", "/models/var/versions/9.9.9/backtest", "version", "9.9.9"),
        ("GET", "/models/var/versions/9.9.9/scenarios/hold/forecast", "version", "9.9.9"),
        ("GET", "/models/var/compare?versions=0.0.1&versions=9_9_9", "versions", "9_9_9"),
    ],
)
def test_a_version_the_store_lacks_is_named_by_field_and_value(http, method, path, field, value):
    client, _ = http
    answer = client.request(method, path, json={} if method == "POST" else None)
    assert answer.status_code == 404, answer.text
    body = answer.json()
    assert (body["error"], body["type"]) == (MISSING, "NotFoundError")  # the words as they were
    assert (body["field"], body["value"], body["key"]) == (field, value, "var/9_9_9/model.json")


def test_an_unknown_model_is_still_named_as_the_path_names_it(http):
    client, _ = http
    answer = client.post("/models/nope/versions/9.9.9/forecast", json={})
    assert answer.status_code == 404, answer.text
    assert (answer.json()["field"], answer.json()["value"]) == ("name", "nope")


@pytest.mark.parametrize("sent", [" 0.0.1", "0.0.1 ", "\t0.0.2", " latest", "@champion "])
def test_blanks_around_a_body_version_are_refused_as_in_a_path(http, sent):
    client, registry = http
    registry.set_alias("var", "champion", "0.0.1")
    path = client.get(f"/models/var/versions/{sent.replace(' ', '%20').replace(chr(9), '%09')}")
    assert path.status_code == 422, path.text
    said = path.json()["details"][0]["msg"]
    assert said.startswith(f"version {sent!r} is not valid: it has blank characters around it; send")
    answer = client.put("/models/var/aliases/other", json={"version": sent})
    assert answer.status_code == 422, answer.text
    body = answer.json()
    assert (body["error"], body["type"]) == (said, "InvalidInputError")
    # named as the path's refusal names it (a tab escaped, as the message quotes it)
    assert (body["field"], body["value"]) == (path.json()["field"], path.json()["value"])
    assert body["field"] == "version"
    assert registry.alias("var", "other") is None  # nothing moved


def test_an_unknown_lag_policy_is_named_with_the_policies(http):
    client, _ = http
    answer = client.get("/models/var/versions/0.0.1/backtest", params={"lag_policy": "Fixed"})
    assert answer.status_code == 422, answer.text
    body = answer.json()
    said = "lag_policy 'Fixed' must be one of fixed, reselect"
    assert body["error"] == f"invalid request: query.lag_policy: {said}"
    assert (body["field"], body["value"], body["details"][0]["msg"]) == ("lag_policy", "Fixed", said)


def test_a_query_value_refused_by_our_validators_has_their_words_in_details_too(http):
    client, _ = http
    answer = client.get("/var_predict/0.0.1", params={"alpha": "0,05"})
    assert answer.status_code == 422, answer.text
    said = "'0,05' is not a number written with digits and a decimal point (write 0.05)"
    assert answer.json()["details"][0]["msg"] == said
    assert answer.json()["error"] == f"invalid request: query.alpha: {said}"


def _damaged(raw: bytes, how: str) -> bytes:
    if how == "truncated":
        return raw[:500]
    if how == "changed":  # still JSON, no longer what was signed
        return raw.replace(b'"author":"api-test"', b'"author":"api-tesT"', 1)
    if how == "no format":
        return raw.replace(b'"format":"varlib/var-model"', b'"format":"other"', 1)
    return raw.replace(b'"schema_version":', b'"schema_version":99,"was":', 1)  # an unknown schema


DAMAGES = ("truncated", "changed", "no format", "unknown schema")


@pytest.fixture(scope="module")
def damaged(macro_result, tmp_path_factory):
    """Versions 0.0.1 to 0.0.4 of `var`, each damaged in one of DAMAGES; 0.0.5 intact."""
    settings, _ = local_registry(tmp_path_factory.mktemp("damaged"), macro_result, versions=len(DAMAGES) + 1)
    for patch, how in enumerate(DAMAGES, start=1):
        path = settings.store_dir / "models" / "var" / f"0_0_{patch}" / "model.json"
        changed = _damaged(path.read_bytes(), how)
        assert changed != path.read_bytes(), how
        path.write_bytes(changed)
    yield from local_client(settings)


@pytest.mark.parametrize(("patch", "how"), list(enumerate(DAMAGES, start=1)))
def test_a_damaged_version_is_named_by_its_key(damaged, patch, how):
    """A 409 named the object only in its message when it was not JSON, not an artifact, of an unknown schema or
    changed since publishing: `key`, which a client reads, was left out (it was given only for a malformed one)."""
    answer = damaged.get(f"/models/var/versions/0.0.{patch}")
    assert answer.status_code == 409, answer.text
    assert answer.json()["type"] == "CorruptArtifactError"
    assert answer.json()["key"] == f"var/0_0_{patch}/model.json", how
