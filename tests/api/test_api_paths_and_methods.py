"""Paths and methods: HEAD answers every read, the API page ignores the Host header and query strings, a path
value with blanks is named in words, an unknown model points at GET /models, refusals name the action."""

from __future__ import annotations

import pytest

from tests.api.local_store import local_client, local_registry
from varlib.api.docs_page import ASSETS

FORECAST = "/models/var/versions/0.0.1/forecast"


@pytest.fixture(scope="module")
def store(macro_result, tmp_path_factory):
    return local_registry(tmp_path_factory.mktemp("paths"), macro_result)


@pytest.fixture(scope="module")
def client(store):
    yield from local_client(store[0])


@pytest.mark.parametrize(
    "path",
    [
        "/var_predict/0_0_1",
        "/models",
        "/models/var/versions",
        "/models/var/versions/latest",
        "/models/var/history",
        "/models/nope/versions",  # a 404 too: the same status and headers
        "/metrics",
        "/docs",
        *ASSETS,
    ],
)
def test_head_answers_every_get_with_its_status_and_headers_and_no_body(client, path):
    for _ in range(2):  # the second pinned /var_predict answer comes from the middleware's cache
        got, head = client.get(path), client.head(path)
        assert head.status_code == got.status_code and head.content == b"", head.text
        same = ("content-type", "etag", "cache-control") + (("content-length",) if path != "/metrics" else ())
        assert {k: head.headers.get(k) for k in same} == {k: got.headers.get(k) for k in same}  # /metrics: it grew
        assert int(head.headers["content-length"]) > 0


def test_head_adds_no_operation_to_the_document_and_is_in_allow(client):
    spec = client.get("/openapi.json").json()
    assert not [path for path, operations in spec["paths"].items() if "head" in operations]
    refused = client.post("/models")
    assert refused.status_code == 405 and refused.headers["allow"] == "GET, HEAD"
    assert client.head(FORECAST).headers["allow"] == "POST"  # a path without GET still has none


def test_the_api_page_links_paths_not_the_host_the_caller_names(client):
    page = client.get("/docs", headers={"Host": "evil.example"})
    assert page.status_code == 200 and "evil.example" not in page.text
    for path in ASSETS:
        assert f'"{path}"' in page.text
    moved = client.get("/apidocs", headers={"Host": "evil.example"}, follow_redirects=False)
    assert moved.status_code == 307 and moved.headers["location"] == "/docs"


@pytest.mark.parametrize("path", ["/docs?x=1", "/apidocs?from=old", *(f"{asset}?v=5" for asset in ASSETS)])
def test_the_api_page_and_its_files_ignore_a_query_string(client, path):
    assert client.get(path, follow_redirects=False).status_code in (200, 307)


def test_endpoints_still_refuse_a_parameter_they_do_not_take(client):
    answer = client.get("/models?x=1")
    assert answer.status_code == 422 and "query parameter 'x' is not a parameter" in answer.json()["error"]


@pytest.mark.parametrize(
    ("path", "named"),
    [
        ("/var_predict/0.0.1%20", "version '0.0.1 ' is not valid: it has blank characters around it; send '0.0.1'"),
        ("/models/var/versions/%20latest", "version ' latest' is not valid: it has blank characters around it"),
        ("/models/var%20/versions", "model name 'var ' is not valid: it has blank characters around it; send 'var'"),
    ],
)
def test_a_path_value_with_blanks_is_named_in_words_not_a_pattern(client, path, named):
    answer = client.get(path)
    assert answer.status_code == 422 and named in answer.json()["error"], answer.text
    assert "should match pattern" not in answer.text


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/models/nope/versions/0.0.1/forecast"),
        ("POST", "/models/nope/versions/latest/forecast"),
        ("GET", "/models/nope/versions/0.0.1"),
        ("GET", "/models/nope/versions/0.0.1/scenarios"),
        ("GET", "/models/nope/versions/@champion"),
    ],
)
def test_an_unknown_model_points_at_the_list_of_models(client, method, path):
    answer = client.request(method, path, json={"steps": 2} if method == "POST" else None)
    assert answer.status_code == 404, answer.text
    message = answer.json()["error"]
    assert "model 'nope' has no versions" in message and message.endswith("(GET /models lists the models)")
    assert "; its models: var (GET" in message  # named, as the CLI names them
    assert (
        client.get("/models/var/versions/9.9.9").json()["error"].endswith("GET /models/var/versions lists the versions")
    )


def test_refusals_name_the_action_and_quote_the_model_once(client):
    saving = client.put("/models/var/versions/0.0.1/scenarios/s", json={"steps": 2})
    assert saving.status_code == 403
    assert saving.json()["error"].startswith("not allowed: saving a scenario over the REST service needs sign-in")
    before = client.get("/models/var/history", params={"before": "zzz"})
    assert before.status_code == 422 and "''" not in before.json()["error"], before.text
    assert "is not the key of a record in the audit trail of 'var':" in before.json()["error"]


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("/models/" + "a" * 5000 + "/versions", "model name 'aaaa"),
        ("/models/var/versions/" + "9" * 3000, "version '9999"),
        ("/models/var/versions/@" + "b" * 3000 + "/forecast", "version '@bbb"),
    ],
)
def test_a_huge_name_or_version_in_the_path_is_not_echoed_whole(client, path, said):
    """A 5,000-character model name came back twice in a 10 kB answer; values in a body are shortened."""
    answer = client.post(path, json={}) if path.endswith("/forecast") else client.get(path)
    assert answer.status_code == 422 and said in answer.json()["error"]
    assert len(answer.content) < 1000 and "..." in answer.json()["error"]
