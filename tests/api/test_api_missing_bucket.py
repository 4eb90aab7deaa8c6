"""A store whose bucket (a local store: its folder) does not exist is no empty, ready store to the REST service:
/ready answers 503 with the note the CLI prints (a mistyped MINIO_BUCKET or VARLIB_STORE_DIR), and the listings
404 saying the store has no models, without the server's folder, which the service's log names, as the README
promises."""

from __future__ import annotations

from dataclasses import replace

from tests.api.local_store import local_client, local_registry
from varlib import Settings

NO_MODELS = "the store the service reads holds no models"


def test_a_missing_bucket_is_named_by_ready_and_the_listings(macro_result, tmp_path):
    settings = local_registry(tmp_path / "store", macro_result, versions=1)[0]
    wrong = replace(settings, bucket="modelz")
    for client in local_client(wrong):
        ready = client.get("/ready")
        assert ready.status_code == 503 and "modelz" in ready.json()["error"], ready.text
        assert "does not exist" in ready.json()["error"] and "beside it: models" in ready.json()["error"]
        listing = client.get("/models")
        assert listing.status_code == 404 and listing.json()["error"].startswith(NO_MODELS), listing.text
        latest = client.get("/models/var/versions/latest")
        assert latest.status_code == 404 and f"has no versions: {NO_MODELS}" in latest.json()["error"], latest.text
        legacy = client.get("/var_predict/latest")
        assert legacy.status_code == 404 and NO_MODELS in legacy.json()["error"], legacy.text
    for client in local_client(settings):  # the right bucket: ready, and listed
        assert client.get("/ready").status_code == 200 and client.get("/models").json() == {"models": ["var"]}


def test_an_existing_empty_bucket_is_ready_and_lists_nothing(tmp_path):
    (tmp_path / "store" / "models").mkdir(parents=True)
    for client in local_client(Settings(store_dir=tmp_path / "store", author="api-test")):
        assert client.get("/ready").status_code == 200
        assert client.get("/models").json() == {"models": []}


def test_a_missing_folder_is_not_named_to_a_rest_caller_but_logged(macro_result, tmp_path, caplog):
    """The 404s named the server's folder and told a caller to check VARLIB_STORE_DIR, which it cannot see or set."""
    settings = local_registry(tmp_path / "store", macro_result, versions=1)[0]
    folder = str(tmp_path / "store" / "modelz")
    for client in local_client(replace(settings, bucket="modelz")):
        with caplog.at_level("WARNING", logger="varlib.api"):
            answers = [client.get(path) for path in ("/models", "/models/var/versions", "/var_predict/latest")]
        for answer in answers:
            words = answer.json()["error"]
            assert answer.status_code == 404 and NO_MODELS in words, answer.text
            assert folder not in words and "VARLIB_STORE_DIR" not in words and "modelz" not in words, words
        assert folder in caplog.text and "VARLIB_STORE_DIR" in caplog.text, caplog.text  # for the operator
        assert folder in client.get("/ready").json()["error"]  # the operator's own check still names it
