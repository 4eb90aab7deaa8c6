"""Team pass on REST: an alias move (`PUT`) or deletion (`DELETE`, an optional body) keeps an optional reason
in its audit record; the original `/var_predict` names the model it lacks as `field` and `value`, as the other 404s
do; a refusal names an action in the library's words, as the dashboard says the same rule (varlib.roles)."""

from __future__ import annotations

import pytest

from tests.api.local_store import local_client, local_registry
from varlib import ACTION_WORDS, Actor, Registry, Settings, publish_result

ADMIN = Actor("Ada Admin", "ada-sub", "https://issuer.test", via="rest", origin="10.1.2.3")


@pytest.fixture(scope="module")
def http(macro_result, tmp_path_factory):
    settings, registry = local_registry(tmp_path_factory.mktemp("reasons"), macro_result)
    for client in local_client(settings, actor=ADMIN):
        yield client, registry


def test_an_alias_move_and_deletion_keep_their_reason(http):
    client, _ = http
    moved = client.put("/models/var/aliases/champion", json={"version": "0.0.1", "reason": "best backtest"})
    assert moved.status_code == 200, moved.text
    assert client.put("/models/var/aliases/champion", json={"version": "0.0.2"}).status_code == 200  # optional
    deleted = client.request("DELETE", "/models/var/aliases/champion", json={"reason": "retired"})
    assert deleted.status_code == 200, deleted.text
    trail = client.get("/models/var/history").json()
    assert [(r["action"], r["version"], r["reason"]) for r in trail[:3]] == [
        ("alias.delete", None, "retired"),
        ("alias.set", "0.0.2", ""),
        ("alias.set", "0.0.1", "best backtest"),
    ]


def test_a_reason_that_is_not_plain_text_is_refused_naming_it(http):
    client, registry = http
    for answer in (
        client.put("/models/var/aliases/staging", json={"version": "0.0.1", "reason": "a\u202eb"}),
        client.request("DELETE", "/models/var/aliases/champion", json={"reason": "a\nb"}),
    ):
        assert answer.status_code == 422, answer.text
        body = answer.json()
        assert body["field"] == "reason" and "reason has a control character" in body["error"]
    assert registry.alias("var", "staging") is None
    stray = client.request("DELETE", "/models/var/aliases/champion", json={"version": "0.0.1"})
    assert stray.status_code == 422 and stray.json()["field"] == "version"  # a body is read whole, never loosely


def test_the_original_endpoint_names_the_model_it_lacks(macro_result, tmp_path):
    settings = Settings(store_dir=tmp_path / "store", author="api-test")
    publish_result(Registry.from_settings(settings), macro_result, "macrodata")
    for client in local_client(settings):
        answer = client.get("/var_predict/0_0_1?future_periods=8")
        body = answer.json()
        assert answer.status_code == 404 and "/var_predict serves model 'var'" in body["error"]
        assert (body["field"], body["value"]) == ("name", "var")


def test_a_write_without_a_provider_names_the_action_as_the_dashboard_does(macro_result, tmp_path):
    settings, _ = local_registry(tmp_path / "store", macro_result, versions=1)
    for client in local_client(settings):
        answer = client.put("/models/var/aliases/champion", json={"version": "0.0.1"})
        assert answer.status_code == 403
        assert answer.json()["error"].startswith(f"not allowed: {ACTION_WORDS['alias']} over the REST service")
        assert ACTION_WORDS["alias"] == "moving or deleting an alias"  # the rule's words on the Models page too
