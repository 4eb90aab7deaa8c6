"""A bucket (or local folder) that does not exist is said to be missing, with the buckets beside it and the
setting to check: a mistyped MINIO_BUCKET must not read as an empty store that the first publish then fills."""

from __future__ import annotations

from dataclasses import replace

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
