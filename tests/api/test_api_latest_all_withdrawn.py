"""`latest` of a model whose every usable version is withdrawn is a 410 (Gone: there were versions, none is in use),
as an alias of a withdrawn version is, naming `latest` by `field` and `value` as every refusal names its input; a
model with no versions at all stays a 404."""

from __future__ import annotations

import pytest

from tests.api.local_store import local_client, local_registry
from varlib import Actor

ADMIN = Actor("Ada Admin", "ada", via="api")


@pytest.fixture
def client(tmp_path, macro_result):
    settings, registry = local_registry(tmp_path / "store", macro_result, versions=2)
    for version in ("0.0.1", "0.0.2"):
        registry.withdraw("var", version, "leaky holdout")
    yield from local_client(settings, actor=ADMIN)


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/models/var/versions/latest", None),
        ("POST", "/models/var/versions/latest/forecast", {"steps": 2}),
        ("GET", "/models/var/versions/latest/scenarios", None),
        ("GET", "/var_predict/latest", None),
        ("PUT", "/models/var/aliases/champion", {"version": "latest"}),  # an alias cannot follow it either
    ],
)
def test_latest_with_every_version_withdrawn_is_gone_and_names_latest(client, method, path, body):
    answer = client.request(method, path, json=body)
    assert answer.status_code == 410, answer.text
    said = answer.json()
    assert said["type"] == "AllWithdrawnError" and (said["field"], said["value"]) == ("version", "latest")
    assert said["error"].startswith("every usable version of 'var' is withdrawn (2 withdrawals)")


def test_a_withdrawn_version_named_by_number_still_answers_and_an_unknown_model_is_404(client):
    assert client.get("/models/var/versions/0.0.2").status_code == 200
    missing = client.get("/models/nope/versions/latest")
    assert missing.status_code == 404 and missing.json()["field"] == "name", missing.text


def test_the_document_says_what_a_410_of_latest_means(client):
    operation = client.get("/openapi.json").json()["paths"]["/models/{name}/versions/{version}"]["get"]
    assert "every usable version of the model is withdrawn" in operation["responses"]["410"]["description"]
