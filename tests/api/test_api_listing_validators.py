"""A comparison and a model's version listing carry validators as the reads of a version do (a strong ETag of the
bytes sent, `Cache-Control: no-cache`, 304 to a client that holds it), changed by a publish or a withdrawal; and the
listing's `verify=true` checks each version's bytes, as `varlib list --verify` does."""

from __future__ import annotations

import pytest

from tests.api.local_store import local_client, local_registry
from varlib import publish_result

COMPARE = "/models/var/compare?versions=0.0.1&versions=0.0.2&steps=3"
LISTING = "/models/var/versions"


@pytest.fixture
def store(macro_result, tmp_path):
    return local_registry(tmp_path, macro_result, versions=2)


def _etag(client, path: str) -> str:
    answer = client.get(path)
    assert answer.status_code == 200, answer.text
    assert answer.headers["cache-control"] == "no-cache"
    return answer.headers["etag"]


@pytest.mark.parametrize("path", [COMPARE, LISTING, f"{LISTING}?limit=1"])
def test_the_same_answer_has_the_same_etag_in_every_process_and_a_match_is_a_304(store, path):
    settings, _ = store
    etags = []
    for client in local_client(settings):
        etags.append(_etag(client, path))
        held = client.get(path, headers={"If-None-Match": etags[0]})
        assert held.status_code == 304 and held.content == b"" and held.headers["etag"] == etags[0]
        assert client.head(path, headers={"If-None-Match": etags[0]}).status_code == 304
    for client in local_client(settings):  # another replica
        etags.append(_etag(client, path))
    assert etags[0] == etags[1] and etags[0].startswith('"')


@pytest.mark.parametrize("path", [LISTING, f"{LISTING}?limit=1"])
def test_a_publish_changes_the_listings_etag_and_the_old_one_gets_the_new_list(store, macro_result, path):
    settings, registry = store
    for client in local_client(settings):
        before = _etag(client, path)
        publish_result(registry, macro_result, "var")
        answer = client.get(path, headers={"If-None-Match": before})
        assert answer.status_code == 200 and answer.json()[0]["version"] == "0.0.3"
        assert answer.headers["etag"] != before


def test_a_withdrawal_changes_the_listings_and_the_comparisons_etags(store):
    settings, registry = store
    for client in local_client(settings):
        before = {path: _etag(client, path) for path in (LISTING, COMPARE)}
    registry.withdraw("var", "0.0.1", "trained on the wrong file")
    for client in local_client(settings):
        for path, etag in before.items():
            answer = client.get(path, headers={"If-None-Match": etag})
            assert answer.status_code == 200 and answer.headers["etag"] != etag, path
            assert "trained on the wrong file" in answer.text


def test_a_refused_comparison_carries_no_etag(store):
    settings, _ = store
    for client in local_client(settings):
        answer = client.get("/models/var/compare?versions=0.0.1&versions=9.9.9", headers={"If-None-Match": "*"})
        assert answer.status_code == 404 and "etag" not in answer.headers


def _changed_in_place(registry, key: str) -> None:
    """The object's bytes cut in half behind the registry's back: its card in the index still reads."""
    stored = registry.store.get(key, 10**7)
    registry.store.replace(key, stored.data[: len(stored.data) // 2], stored.etag)


def test_verify_finds_a_version_changed_in_place_that_the_quick_listing_calls_ok(store):
    settings, registry = store
    _changed_in_place(registry, "var/0_0_1/model.json")
    for client in local_client(settings):
        quick = {row["version"]: row["status"] for row in client.get(LISTING).json()}
        verified = {row["version"]: row["status"] for row in client.get(LISTING, params={"verify": "true"}).json()}
        assert quick == {"0.0.2": "ok", "0.0.1": "ok"}  # the metadata reads
        assert verified["0.0.2"] == "ok" and verified["0.0.1"] != "ok"
        assert client.get(LISTING, params={"verify": "false"}).json()[1]["status"] == "ok"


def test_verifys_next_page_is_verified_too(store):
    settings, registry = store
    _changed_in_place(registry, "var/0_0_1/model.json")
    for client in local_client(settings):
        first = client.get(LISTING, params={"limit": 1, "verify": "true"})
        assert first.json()[0]["status"] == "ok"
        link = first.headers["link"]
        assert link == '</models/var/versions?limit=1&before=0.0.2&verify=true>; rel="next"'
        following = client.get(link[1 : link.index(">")]).json()
        assert [row["version"] for row in following] == ["0.0.1"] and following[0]["status"] != "ok"


def test_a_verify_that_is_no_yes_or_no_is_refused_by_name(store):
    settings, _ = store
    for client in local_client(settings):
        answer = client.get(LISTING, params={"verify": "maybe"})
        assert answer.status_code == 422 and answer.json()["field"] == "verify", answer.text
        assert "verify 'maybe' must be true or false" in answer.json()["error"]
        assert client.get(LISTING, params={"verify": "True"}).status_code == 200
        document = client.get("/openapi.json").json()
    listing = document["paths"]["/models/{name}/versions"]["get"]
    assert any(parameter["name"] == "verify" for parameter in listing["parameters"])
    status = document["components"]["schemas"]["VersionRow"]["properties"]["status"]["description"]
    assert "with verify=true, when its bytes match their checksum" in status
