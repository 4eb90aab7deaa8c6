"""A store whose bucket (a local store: its folder) does not exist is no empty, ready store to the REST service:
/ready answers 503 and the listings 404, each with the note the CLI prints (a mistyped MINIO_BUCKET or
VARLIB_STORE_DIR), as the README promises."""

from __future__ import annotations

from dataclasses import replace

from tests.api.local_store import local_client, local_registry
from varlib import Settings


def test_a_missing_bucket_is_named_by_ready_and_the_listings(macro_result, tmp_path):
    settings = local_registry(tmp_path / "store", macro_result, versions=1)[0]
    wrong = replace(settings, bucket="modelz")
    for client in local_client(wrong):
        ready = client.get("/ready")
        assert ready.status_code == 503 and "modelz" in ready.json()["error"], ready.text
        assert "does not exist" in ready.json()["error"] and "beside it: models" in ready.json()["error"]
        listing = client.get("/models")
        assert listing.status_code == 404 and "no models: the folder" in listing.json()["error"], listing.text
        latest = client.get("/models/var/versions/latest")
        assert latest.status_code == 404 and "does not exist" in latest.json()["error"], latest.text
        legacy = client.get("/var_predict/latest")
        assert legacy.status_code == 404 and "modelz" in legacy.json()["error"], legacy.text
    for client in local_client(settings):  # the right bucket: ready, and listed
        assert client.get("/ready").status_code == 200 and client.get("/models").json() == {"models": ["var"]}


def test_an_existing_empty_bucket_is_ready_and_lists_nothing(tmp_path):
    (tmp_path / "store" / "models").mkdir(parents=True)
    for client in local_client(Settings(store_dir=tmp_path / "store", author="api-test")):
        assert client.get("/ready").status_code == 200
        assert client.get("/models").json() == {"models": []}
