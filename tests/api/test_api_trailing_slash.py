"""A path with a trailing slash is not redirected: Starlette's redirect wrote the request's Host header into its
Location (`Host: evil.example` sent `/models/` to http://evil.example/models). The 404 names the endpoint."""

from __future__ import annotations

import pytest

from tests.api.local_store import local_client, local_registry


@pytest.fixture(scope="module")
def settings(macro_result, tmp_path_factory):
    return local_registry(tmp_path_factory.mktemp("slash"), macro_result, versions=1)[0]


@pytest.mark.parametrize(
    ("path", "endpoint"), [("/models/", "/models"), ("/models/var/versions/", "/models/var/versions")]
)
def test_a_trailing_slash_is_a_404_that_names_the_endpoint_not_a_redirect(settings, path, endpoint):
    for client in local_client(settings):
        answer = client.get(path, headers={"Host": "evil.example"}, follow_redirects=False)
        assert answer.status_code == 404 and "location" not in answer.headers, answer.headers
        assert answer.json()["error"] == f"Not Found: {path} ends with a slash; the endpoint is {endpoint}"
        assert client.get(endpoint).status_code == 200


def test_an_unknown_path_still_points_at_the_docs(settings):
    for client in local_client(settings):
        assert "the endpoints are listed at /docs" in client.get("/nowhere/").json()["error"]
