"""The version listing pages: `limit` rows from the newest, `before` a version for the next page, whose address
the `Link: <...>; rel="next"` header gives; a request without `limit` is answered every version, as it always was."""

from __future__ import annotations

import re

import pytest

from tests.api.local_store import local_client, local_registry
from tests.integration.test_damaged_listings import overwrite
from varlib import publish_result

NEXT = re.compile(r'^<(/models/var/versions\?[^>]+)>; rel="next"$')


@pytest.fixture
def served(tmp_path, macro_result):
    """`var` 0.0.1-0.0.5, and a stray object beside them (listed last); the registry, to publish more."""
    settings, registry = local_registry(tmp_path / "store", macro_result, versions=5)
    overwrite(registry, "var/notes.txt", b"not a model")
    yield from ((client, registry) for client in local_client(settings))


def pages(client, first: str) -> list[list[str]]:
    """Each page's `version`s, following the `Link` header from `first` until a page has none."""
    found, url = [], first
    while url is not None:
        answer = client.get(url)
        assert answer.status_code == 200, answer.text
        found.append([row["version"] for row in answer.json()])
        link = answer.headers.get("link")
        url = NEXT.fullmatch(link).group(1) if link is not None else None
        assert len(found) < 10
    return found


def test_a_request_without_limit_is_answered_every_version_with_no_link(served):
    client, _ = served
    answer = client.get("/models/var/versions")
    assert answer.status_code == 200 and "link" not in answer.headers
    assert [row["version"] for row in answer.json()] == ["0.0.5", "0.0.4", "0.0.3", "0.0.2", "0.0.1", "var/notes.txt"]


def test_the_link_header_pages_through_every_row_once_in_the_listings_order(served):
    client, _ = served
    whole = [row["version"] for row in client.get("/models/var/versions").json()]
    assert pages(client, "/models/var/versions?limit=2") == [whole[0:2], whole[2:4], whole[4:6]]
    assert pages(client, "/models/var/versions?limit=5") == [whole[:5], whole[5:]]  # the stray's page too
    assert pages(client, "/models/var/versions?limit=6") == [whole]  # all on one page: no link to an empty one


def test_a_version_published_between_pages_shifts_nothing(served, macro_result):
    client, registry = served
    first = client.get("/models/var/versions", params={"limit": 2})
    assert [row["version"] for row in first.json()] == ["0.0.5", "0.0.4"]
    publish_result(registry, macro_result, "var")  # 0.0.6, newest: an offset would repeat 0.0.4
    following = NEXT.fullmatch(first.headers["link"]).group(1)
    assert [row["version"] for row in client.get(following).json()] == ["0.0.3", "0.0.2"]


def test_before_takes_any_version_number_and_a_strays_key(served):
    client, _ = served
    older = client.get("/models/var/versions", params={"before": "0_0_3"})  # as paths write it too
    assert [row["version"] for row in older.json()] == ["0.0.2", "0.0.1", "var/notes.txt"]
    gone = client.get("/models/var/versions", params={"before": "0.0.9", "limit": 1})  # need not be stored
    assert [row["version"] for row in gone.json()] == ["0.0.5"]
    assert client.get("/models/var/versions", params={"before": "var/notes.txt"}).json() == []


@pytest.mark.parametrize(
    ("query", "field", "said"),
    [
        ({"before": "latest"}, "before", "`latest` and aliases move"),
        ({"before": "@champion"}, "before", "is not a version number such as 0.0.3"),
        ({"limit": "0"}, "limit", "greater than or equal to 1"),
        ({"limit": "1001"}, "limit", "less than or equal to 1000"),
        ({"limit": "3_0"}, "limit", "not a whole number written in digits"),
        ({"page": "2"}, "page", "page"),
    ],
)
def test_a_bad_page_request_is_a_422_naming_its_parameter(served, query, field, said):
    client, _ = served
    answer = client.get("/models/var/versions", params=query)
    assert answer.status_code == 422, answer.text
    assert answer.json()["field"] == field and said in answer.json()["error"], answer.text


def test_the_document_gives_the_parameters_their_bounds_and_the_link_header(served):
    client, _ = served
    operation = client.get("/openapi.json").json()["paths"]["/models/{name}/versions"]["get"]
    parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}
    limit = parameters["limit"]["schema"]["anyOf"][0]
    assert limit == {"type": "integer", "minimum": 1, "maximum": 1000}
    assert not parameters["limit"]["required"] and not parameters["before"]["required"]
    ok = operation["responses"]["200"]
    assert 'rel="next"' in ok["headers"]["Link"]["description"]
    assert ok["content"]["application/json"]["schema"]["type"] == "array"  # still a JSON list
    assert "410" not in operation["responses"]


def test_head_gives_the_link_too(served):
    client, _ = served
    answer = client.head("/models/var/versions", params={"limit": 1})
    assert answer.status_code == 200 and answer.content == b""
    assert answer.headers["link"] == '</models/var/versions?limit=1&before=0.0.5>; rel="next"'
