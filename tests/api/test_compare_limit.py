"""At most MAX_COMPARED versions are compared at once, refused in the same words by the CLI and REST before any
version is loaded (707 versions picked at once made the dashboard's tab crash), and a Compare link naming more
is cut to the first ones with a warning."""

from __future__ import annotations

import pytest

from tests.api.local_store import local_client
from tests.app.conftest import open_app
from tests.conftest import point_cli_at
from varlib import MAX_COMPARED, ModelSpec, Registry, Settings, load_dataset, publish_result, train_model
from varlib.cli import main

TOO_MANY = [f"0.0.{n}" for n in range(1, MAX_COMPARED + 2)]
SAID = f"compare at most {MAX_COMPARED} versions at once, not {MAX_COMPARED + 1}: pick the ones to read side by side"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A model with one version more than may be compared."""
    settings = Settings(store_dir=tmp_path_factory.mktemp("many"), author="limit-test")
    registry = Registry.from_settings(settings)
    dataset = load_dataset()
    result = train_model(dataset, ModelSpec(variables=tuple(dataset.variables), lags=1))
    for _ in TOO_MANY:
        publish_result(registry, result, "var")
    return settings, registry


def test_the_cli_refuses_more_versions_than_can_be_read(store, monkeypatch, capsys):
    point_cli_at(store[0], monkeypatch)
    assert main(["compare", "--name", "var", *TOO_MANY]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err == f"error: {SAID}\n"
    assert main(["compare", "--name", "var", *TOO_MANY[:MAX_COMPARED], "--json"]) == 0


def test_rest_refuses_them_in_the_clis_words(store):
    for client in local_client(store[0]):
        answer = client.get("/models/var/compare", params={"versions": TOO_MANY})
        assert answer.status_code == 422 and answer.json()["error"] == SAID and answer.json()["field"] == "versions"
        schema = client.get("/openapi.json").json()
        parameter = next(
            p for p in schema["paths"]["/models/{name}/compare"]["get"]["parameters"] if p["name"] == "versions"
        )
        assert parameter["schema"]["maxItems"] == MAX_COMPARED


def test_a_link_naming_more_compares_the_first_ones_and_says_so(store, monkeypatch):
    point_cli_at(store[0], monkeypatch)  # the dashboard reads the same settings, an external MINIO_ENDPOINT unset
    at = open_app({"versions": ",".join(f"var:{v}" for v in TOO_MANY)}, page="views/compare.py")
    assert not at.exception
    warned = [w.value for w in at.warning if "versions; the first" in w.value]
    assert warned == [f"The link names {MAX_COMPARED + 1} versions; the first {MAX_COMPARED} are compared."]
    assert at.multiselect[0].value == [f"var {v}" for v in TOO_MANY[:MAX_COMPARED]]
