"""A bucket (or local folder) that does not exist is said to be missing, with the buckets beside it and the
setting to check: a mistyped MINIO_BUCKET must not read as an empty store that the first publish then fills."""

from __future__ import annotations

import shutil
from dataclasses import replace

from tests.api.local_store import local_client
from tests.conftest import new_bucket, point_cli_at
from varlib import Registry, cli, publish_result


def test_a_missing_bucket_is_named_with_the_ones_beside_it(store_settings, macro_result, monkeypatch, capsys):
    publish_result(Registry.from_settings(store_settings), macro_result, "var")
    typo = replace(store_settings, bucket=new_bucket())
    registry = Registry.from_settings(typo)
    assert registry.list_names() == []
    note = registry.missing_note()
    assert note is not None
    if typo.uses_minio:
        assert note.startswith(f"bucket '{typo.bucket}' does not exist on MinIO http://{typo.minio_endpoint} (its")
    else:
        assert note.startswith(f"the folder {typo.store_dir / typo.bucket} does not exist (beside it: ")
    beside = note.split(": ")[1].split(")")[0]  # the first ten, sorted: the test MinIO holds other tests' buckets
    assert store_settings.bucket in beside or beside.endswith(" more")
    assert "the first publish (CLI or dashboard) creates it; if you expected models here, check" in note
    assert note.endswith("MINIO_BUCKET")
    assert Registry.from_settings(store_settings).missing_note() is None  # the bucket that holds a model

    point_cli_at(typo, monkeypatch)
    assert cli.main(["models"]) == 1  # a mistyped bucket fails, as `varlib list` does; stdout holds names only
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err.strip() == f"error: no models: {note}. To start, publish one with `varlib train --publish`"
    assert cli.main(["list"]) == 1
    assert note in capsys.readouterr().err
    assert cli.main(["list", "--name", "var"]) == 1
    assert f"model 'var' does not exist in {registry.description}; {note}" in capsys.readouterr().err


def test_a_bucket_removed_under_a_running_service_is_no_longer_ready(store_settings, macro_result):
    """A long-running process remembered that the bucket existed: /ready kept answering 200 after it was removed."""
    registry = Registry.from_settings(store_settings)
    publish_result(registry, macro_result, "var")
    for client in local_client(store_settings):
        assert client.get("/ready").status_code == 200
        _remove_bucket(registry.store)
        ready = client.get("/ready")
        assert ready.status_code == 503, ready.text
        assert "does not exist" in ready.json()["error"] and store_settings.bucket in ready.json()["error"]
        assert client.get("/models").status_code == 404
    registry.check()  # as the dashboard's probe asks, each second
    assert registry.missing_note() is not None
    publish_result(registry, macro_result, "var")  # the next publish creates it again
    assert registry.missing_note() is None


def _remove_bucket(store) -> None:
    """What the product never does: delete every object and the bucket (a local store: its folder)."""
    if hasattr(store, "client"):
        for listed in store.client.list_objects(store.bucket, recursive=True):
            store.client.remove_object(store.bucket, listed.object_name)
        store.client.remove_bucket(store.bucket)
    else:
        shutil.rmtree(store.bucket_dir)
