"""The reads of a version carry a strong ETag and `Cache-Control: no-cache`, and answer 304 without a body to a
client that holds the answer (varlib.api.validators); errors and POST forecasts carry no ETag."""

from __future__ import annotations

import pytest

from tests.api.local_store import local_client, local_registry
from varlib import Actor, make_scenario, publish_result

ADMIN = Actor("Ada Admin", "ada", via="api")
SCENARIO = "/models/var/versions/0.0.1/scenarios/gdp-path"
PINNED = (
    "/models/var/versions/0.0.1",
    "/models/var/versions/0.0.1/scenarios",
    SCENARIO,
    f"{SCENARIO}/forecast",
    "/models/var/versions/0.0.1/backtest?origins=2&horizon=2",
    "/var_predict/0.0.1?future_periods=3",
)
MOVING = ("/models/var/versions/latest", "/models/var/versions/@champion/scenarios", "/var_predict/latest")


@pytest.fixture
def store(macro_result, tmp_path):
    settings, registry = local_registry(tmp_path, macro_result, versions=2)
    first = registry.load("var", "0.0.1")
    registry.save_scenario(make_scenario(first, "gdp-path", 4, conditions={"realgdp": [12990.0, None, 13100.0]}))
    registry.set_alias("var", "champion", "0.0.1", ADMIN)
    return settings, registry


def _etag(client, path: str, **headers) -> str:
    answer = client.get(path, headers=headers)
    assert answer.status_code == 200, answer.text
    assert answer.headers["cache-control"] == "no-cache"
    return answer.headers["etag"]


@pytest.mark.parametrize("path", PINNED + MOVING)
def test_an_answer_has_the_same_strong_etag_in_every_process_and_a_match_is_a_304(store, path):
    settings, _ = store
    for client in local_client(settings):
        etag = _etag(client, path)
        assert etag.startswith('"') and etag == _etag(client, path)  # strong (no W/) and stable
        held = client.get(path, headers={"If-None-Match": etag})
        assert held.status_code == 304 and held.content == b""
        assert (held.headers["etag"], held.headers["cache-control"]) == (etag, "no-cache")
        head = client.head(path, headers={"If-None-Match": f'"other", W/{etag}'})  # weak comparison, as RFC 9110
        assert head.status_code == 304 and head.headers["etag"] == etag
        assert client.get(path, headers={"If-None-Match": '"other"'}).status_code == 200
    for client in local_client(settings):  # another replica, which runs a backtest anew: the same bytes, the same ETag
        assert _etag(client, path) == etag
        assert client.get(path, headers={"If-None-Match": etag}).status_code == 304


def test_a_compressed_answer_has_the_etag_of_its_own_bytes(store):
    settings, _ = store
    path = "/var_predict/0.0.1?future_periods=40"  # over the size that is compressed
    for client in local_client(settings):
        gzipped = _etag(client, path, **{"Accept-Encoding": "gzip"})
        plain = _etag(client, path, **{"Accept-Encoding": "identity"})
        assert gzipped != plain and gzipped == _etag(client, path, **{"Accept-Encoding": "gzip"})
        held = client.get(path, headers={"Accept-Encoding": "gzip", "If-None-Match": gzipped})
        assert held.status_code == 304 and held.headers["vary"] == "Accept-Encoding"


def test_a_withdrawal_changes_the_pinned_answers_etag(store):
    settings, registry = store
    path = f"{SCENARIO}/forecast"
    for client in local_client(settings):
        before = _etag(client, path)
    registry.withdraw("var", "0.0.1", "trained on the wrong file")
    for client in local_client(settings):
        answer = client.get(path, headers={"If-None-Match": before})
        assert answer.status_code == 200 and answer.json()["withdrawn"]["reason"] == "trained on the wrong file"
        assert answer.headers["etag"] != before


def test_latest_moves_and_its_old_etag_gets_the_new_answer(store, macro_result):
    settings, registry = store
    for client in local_client(settings):
        before = _etag(client, "/models/var/versions/latest")
        publish_result(registry, macro_result, "var")
        answer = client.get("/models/var/versions/latest", headers={"If-None-Match": before})
        assert answer.status_code == 200 and answer.json()["version"] == "0.0.3"
        assert answer.headers["etag"] != before and answer.headers["cache-control"] == "no-cache"


@pytest.mark.parametrize(
    ("path", "good"),
    [
        ("/models/var/versions/9.9.9", "/models/var/versions/0.0.1"),
        ("/models/var/versions/0.0.1/scenarios/nope/forecast", f"{SCENARIO}/forecast"),
        ("/models/var/versions/@nobody", "/models/var/versions/@champion"),
        ("/models/var/versions/0.0.1/backtest?origins=0", "/models/var/versions/0.0.1/backtest?origins=2&horizon=2"),
        ("/var_predict/0.0.1?future_periods=0", "/var_predict/0.0.1?future_periods=3"),
    ],
)
def test_errors_carry_no_validators_where_answers_do(store, path, good):
    settings, _ = store
    for client in local_client(settings):
        answer = client.get(path, headers={"If-None-Match": "*"})
        assert answer.status_code in (404, 422) and "etag" not in answer.headers, answer.text
        assert "cache-control" not in answer.headers
        assert _etag(client, good)  # the same route's answer has one


def test_a_post_forecast_carries_no_etag_and_is_never_a_304(store):
    settings, _ = store
    for client in local_client(settings):
        for _ in range(2):  # the second is the pinned cache's
            held = {"If-None-Match": "*"}
            answer = client.post("/models/var/versions/0.0.1/forecast", json={"steps": 3}, headers=held)
            assert answer.status_code == 200 and "etag" not in answer.headers
        assert client.get("/var_predict/0.0.1?future_periods=3", headers=held).status_code == 304  # the GET's is


def test_the_document_names_the_validators_where_they_are_given(store):
    settings, _ = store
    for client in local_client(settings):
        paths = client.get("/openapi.json").json()["paths"]
    read = paths["/models/{name}/versions/{version}/scenarios/{scenario}/forecast"]["get"]
    assert set(read["responses"]["304"]["headers"]) == {"ETag", "Cache-Control"}
    assert set(read["responses"]["200"]["headers"]) == {"ETag", "Cache-Control"}
    assert "content" in read["responses"]["200"]  # the answer's schema stays
    assert any(p["name"] == "If-None-Match" and p["in"] == "header" for p in read["parameters"])
    assert "304" not in paths["/models/{name}/versions/{version}/forecast"]["post"]["responses"]
    listing = paths["/models/{name}/versions"]["get"]["responses"]
    assert set(listing["200"]["headers"]) == {"ETag", "Cache-Control", "Link"} and "304" in listing  # its own kept
    backtest = paths["/models/{name}/versions/{version}/backtest"]["get"]["responses"]
    assert set(backtest["200"]["headers"]) == {"ETag", "Cache-Control", "Server-Timing"}


def test_the_api_pages_files_take_any_etag_as_held(store):
    settings, _ = store
    for client in local_client(settings):
        assert client.get("/swagger/swagger-ui.css", headers={"If-None-Match": "*"}).status_code == 304
