"""Suite 6, hostile and broken objects: each is listed with its reason and refused; the rest keeps working."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import pickle
import time

import pytest
from minio import Minio

from tests.reliability.conftest import assert_clean_failure, clean_env, run_cli
from tests.support.figures import record
from tests.support.tcp_proxy import TcpProxy
from varlib import Registry, cli
from varlib.catalog.cards import METADATA_KEY, Card
from varlib.config import Settings
from varlib.errors import CorruptArtifactError, NotFoundError
from varlib.service import forecast_version

BIG = 200 * 1024 * 1024


class _Payload:
    """Unpickling this creates a file: proof that code ran."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def _resign(body: dict) -> bytes:
    """Re-compute the checksum the way artifact.encode does, so only the intended defect remains."""
    body = {k: v for k, v in body.items() if k != "checksum"}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    body["checksum"] = "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _plant_big(settings: Settings, key: str) -> None:
    """200 MB put by the SDK's own client: the product's store sends with a 2 s socket timeout (its connect
    timeout), which a loaded machine's MinIO can exceed while it writes that much (seen in CI); this is set-up,
    not what is tested."""
    client = Minio(settings.minio_endpoint, settings.access_key, settings.secret_key, secure=False)
    client.put_object(settings.bucket, key, io.BytesIO(b" " * BIG), BIG)


def _plant(registry: Registry, settings: Settings, marker: str) -> dict[str, str]:
    """Broken objects next to two good versions; returns {label: expected reason fragment}."""
    store = registry.store
    good = store.get("var/0_0_1/model.json", registry.max_artifact_bytes).data
    body = json.loads(good)
    evil = pickle.dumps(_Payload(marker))
    store.create("var/0_0_3/model.pkl", evil)
    store.create("var/0_0_4/model.json", good[: len(good) // 2])
    tampered = dict(body, notes="changed after publishing")  # checksum left as it was
    store.create("var/0_0_5/model.json", json.dumps(tampered).encode())
    store.create("var/0_0_6/model.json", _resign(dict(body, schema_version=99, version="0.0.6")))
    if settings.uses_minio:
        _plant_big(settings, "var/0_0_7/model.json")
    else:  # a sparse file: as large to the store, cheap on disk
        path = settings.store_dir / settings.bucket / "var" / "0_0_7" / "model.json"
        path.parent.mkdir(parents=True)
        with open(path, "wb") as handle:
            handle.truncate(BIG)
    store.create("var/0_0_8/model.json", evil)
    store.create("var/0_0_9/model.json", good)  # a real artifact copied to the wrong key
    for stray in ("var/notes.txt", "var/0_0_10/extra.bin", "var/v11/model.json"):
        store.create(stray, b"{}")
    return {
        "0.0.3": "legacy pickle",
        "0.0.4": "not valid JSON",
        "0.0.5": "checksum mismatch",
        "0.0.6": "unknown schema version",
        "0.0.7": "too large",
        "0.0.8": "not valid JSON",
        "0.0.9": "wrong key",
        "var/notes.txt": "outside the naming pattern",
        "var/0_0_10/extra.bin": "outside the naming pattern",
        "var/v11/model.json": "outside the naming pattern",
    }


def _env(settings: Settings, minio) -> dict[str, str]:
    if settings.uses_minio:
        return minio.env(settings.bucket)
    return {"VARLIB_STORE_DIR": str(settings.store_dir)}


def test_broken_objects_are_listed_with_reasons_and_refused(
    store_settings, macro_artifact, tmp_path, monkeypatch, capsys, request
):
    backend = "minio" if store_settings.uses_minio else "local"
    minio = request.getfixturevalue("minio") if store_settings.uses_minio else None
    marker = tmp_path / "PWNED"
    registry = Registry.from_settings(store_settings)
    registry.publish(macro_artifact)
    registry.publish(macro_artifact)
    expected = _plant(registry, store_settings, str(marker))
    # `latest.json` damaged too: `latest` must fall back to the listing
    pointer = registry.store.get("var/latest.json", 10**7)
    registry.store.replace("var/latest.json", b"\x80garbage", pointer.etag)

    fresh = Registry.from_settings(store_settings)
    entries = {e.label: e for e in fresh.list_versions("var")}
    assert {label for label, e in entries.items() if e.ok} == {"0.0.1", "0.0.2"}
    for label, reason in expected.items():
        assert reason in entries[label].status, (label, entries[label].status)
    refused = 0
    for label in ("0.0.3", "0.0.4", "0.0.5", "0.0.6", "0.0.7", "0.0.8", "0.0.9"):
        with pytest.raises((CorruptArtifactError, NotFoundError)):
            fresh.load("var", label, cached=False)
        refused += 1
    assert fresh.resolve("var", "latest").key == "0_0_2"
    assert forecast_version(fresh, "var", "latest", steps=3, cached=False).steps == 3

    if not store_settings.uses_minio:  # an external MINIO_ENDPOINT (tests/conftest.py) would win over the folder
        monkeypatch.delenv("MINIO_ENDPOINT", raising=False)
    for name, value in _env(store_settings, minio).items():
        monkeypatch.setenv(name, value)
    assert cli.main(["list", "--json"]) == 0
    listed = {row["version"]: row["status"] for row in json.loads(capsys.readouterr().out)}
    assert listed == {label: e.status for label, e in entries.items()}
    for args in (
        ["show", "0.0.3"],
        ["forecast", "0.0.3"],
        ["show", "0.0.8"],
        ["forecast", "0.0.8", "--json"],
        ["show", "0.0.5"],
        ["forecast", "0.0.7"],
        ["forecast", "0.0.9"],
    ):
        assert cli.main(args) == 1, args
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("error: "), err
        refused += 1
    assert cli.main(["forecast", "latest", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["version"] == "0.0.2"

    if store_settings.uses_minio:  # and once from a real process, as a user would run it
        env = clean_env(**_env(store_settings, minio))
        assert_clean_failure(run_cli(env, "forecast", "0.0.3"), "legacy pickle")
        assert_clean_failure(run_cli(env, "show", "0.0.8"), "not valid JSON")
        refused += 2
    assert not marker.exists(), "unpickling ran code from the store"
    published = fresh.publish(macro_artifact)
    assert str(published.version) == "0.0.11"
    assert fresh.load("var", "latest", cached=False).version == published.version
    record(
        "hostile-objects",
        backend,
        objects_planted=len(expected) + 1,
        listed_with_reason=len(expected),
        refusals_checked=refused,
        code_executed=int(marker.exists()),
        next_publish=str(published.version),
        data_lost=2 - sum(entries[v].ok for v in ("0.0.1", "0.0.2")),
    )


@pytest.mark.minio
def test_a_200_mb_object_is_refused_without_downloading_it(minio, minio_settings, macro_artifact):
    """Bytes crossing the wire are counted by a proxy between the client and MinIO."""
    Registry.from_settings(minio_settings).publish(macro_artifact)
    _plant_big(minio_settings, "var/0_0_2/model.json")
    proxy = TcpProxy(("127.0.0.1", int(minio.endpoint.rsplit(":", 1)[1]))).start()
    try:
        settings = Settings(
            minio_endpoint=proxy.endpoint,
            access_key=minio.access_key,
            secret_key=minio.secret_key,
            bucket=minio_settings.bucket,
        )
        registry = Registry.from_settings(settings)
        started = time.monotonic()
        entries = {e.label: e for e in registry.list_versions("var")}
        assert "too large" in entries["0.0.2"].status and entries["0.0.1"].ok
        listed_bytes = proxy.bytes_down
        with pytest.raises(CorruptArtifactError, match="over the"):
            registry.load("var", "0.0.2", cached=False)
        seconds = time.monotonic() - started
        time.sleep(0.2)  # let the proxy count anything still in flight
        downloaded = proxy.bytes_down
    finally:
        proxy.stop()
    assert downloaded < BIG // 10, downloaded  # refused by size: far less than the object crossed the wire
    record(
        "hostile-objects",
        "200 MB object on MinIO through a byte-counting proxy",
        object_bytes=BIG,
        bytes_received_by_listing=listed_bytes,
        bytes_received_in_total=downloaded,
        seconds=round(seconds, 3),
    )


@pytest.mark.minio
def test_forged_listing_card_is_still_refused_on_load(minio, minio_settings, macro_artifact):
    """Someone with write access plants a tampered body with a card that matches its size and md5: the
    listing trusts the card (it reads no bodies), the load checks the checksum and refuses."""
    registry = Registry.from_settings(minio_settings)
    good = registry.publish(macro_artifact)
    stored = registry.store.get("var/0_0_1/model.json", registry.max_artifact_bytes)
    tampered = json.dumps(dict(json.loads(stored.data), version="0.0.2", notes="tampered")).encode()
    card = {
        **Card.from_artifact(good).to_dict(),
        "version": "0.0.2",
        "bytes": len(tampered),
        "md5": hashlib.md5(tampered).hexdigest(),
    }
    encoded = base64.urlsafe_b64encode(json.dumps(card).encode()).decode()
    registry.store.create("var/0_0_2/model.json", tampered, {METADATA_KEY: encoded})
    fresh = Registry.from_settings(minio_settings)
    with pytest.raises(CorruptArtifactError, match="checksum mismatch"):
        fresh.load("var", "0.0.2", cached=False)
    assert fresh.load("var", "0.0.1", cached=False).version == good.version
    record(
        "hostile-objects",
        "forged listing card (writer with put rights)",
        listed_status=[e.status for e in fresh.list_versions("var") if e.label == "0.0.2"][0],
        refused_on_load=1,
    )


def test_pickle_payload_is_harmless_when_the_marker_path_is_checked(tmp_path):
    """Guard for the suite itself: the planted payload really does create the file when unpickled."""
    marker = tmp_path / "PROOF"
    pickle.loads(pickle.dumps(_Payload(str(marker)))).close()
    assert marker.exists()
    os.unlink(marker)
