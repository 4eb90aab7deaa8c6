"""On a local store the service's refusals name "this store", a model, a version or a stored object's key, never
the server's folder, which the service's log keeps for its operator (the CLI, on the operator's own machine, names
it). Each route is asked of a store in a tmp folder whose path the answer must not hold."""

from __future__ import annotations

import logging

import pytest

from tests.api.local_store import local_client, local_registry
from tests.integration.test_damaged_listings import overwrite
from varlib import Actor, Settings

ADMIN = Actor("Ada Admin", "ada", "https://issuer.test", via="rest")
UNKNOWN_MODEL = (
    "/models/nope/versions",
    "/models/nope/versions/latest",
    "/models/nope/versions/0.0.1",
    "/models/nope/versions/0.0.1/scenarios",
    "/models/nope/versions/0.0.1/backtest",
    "/models/nope/aliases",
    "/models/nope/history",
    "/models/nope/compare?versions=0.0.1&versions=0.0.2",
)


@pytest.fixture
def store(macro_result, tmp_path):
    """`var` 0.0.1, and `broken`, whose only version is not an artifact."""
    folder = tmp_path / "srv-secret-folder"
    settings, registry = local_registry(folder, macro_result, versions=1)
    overwrite(registry, "broken/0_0_1/model.json", b"{not json")
    return settings, registry, str(folder)


def _refused(client, folder: str, path: str, status: int, method: str = "GET", **sent) -> str:
    answer = client.request(method, path, **sent)
    assert answer.status_code == status, answer.text
    assert folder not in answer.text
    return answer.json()["error"]


@pytest.mark.parametrize("path", UNKNOWN_MODEL)
def test_an_unknown_model_is_said_to_have_no_versions_in_this_store(store, path):
    settings, _, folder = store
    for client in local_client(settings):
        said = _refused(client, folder, path, 404)
        assert said.startswith("model 'nope' has no versions in this store; its models: broken, var")


def test_var_predict_on_a_store_without_var_says_this_store(macro_result, tmp_path):
    folder = tmp_path / "srv-secret-folder"
    settings, registry = local_registry(folder, macro_result, versions=0)
    overwrite(registry, "other/0_0_1/model.json", b"{not json")
    for client in local_client(settings):
        said = _refused(client, str(folder), "/var_predict/latest", 404)
        assert "as the original service did, and this store has no version of it; its models: other" in said


def test_latest_of_a_model_with_no_usable_version_says_this_store_and_the_log_keeps_the_folder(store, caplog):
    settings, _, folder = store
    caplog.set_level(logging.INFO, logger="varlib.api")
    for client in local_client(settings):
        said = _refused(client, folder, "/models/broken/versions/latest", 404)
        assert said.startswith("model 'broken' has no usable version yet in this store; train and publish one")
    assert any(folder in record.getMessage() for record in caplog.records)


def test_a_write_blocked_by_a_file_names_the_key_not_the_folder(store):
    settings, registry, folder = store
    overwrite(registry, "var/_scenarios", b"a file where a folder is")
    body = {"steps": 2, "conditions": {"realgdp": [13100.0]}}
    for client in local_client(settings, actor=ADMIN):
        said = _refused(client, folder, "/models/var/versions/0.0.1/scenarios/hold", 409, "PUT", json=body)
        assert "in this store: var/_scenarios is a file where a folder is" in said


def test_a_store_folder_that_is_a_file_is_a_503_that_names_no_path(tmp_path):
    blocked = tmp_path / "srv-secret-folder"
    blocked.write_text("not a folder")
    for client in local_client(Settings(store_dir=blocked, author="api-test")):
        said = _refused(client, str(blocked), "/models", 503)
        assert said.startswith("this store's folder is not a folder")
