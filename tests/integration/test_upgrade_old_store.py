"""A store filled by an older varlib (f7ffd51, 2026-11-29), read by this one: listings describe its versions as
`show` does, `reindex` writes their cards again, and `show`, `list` and REST name the schema the object holds.

The old objects are written here by hand as f7ffd51 wrote them: model.json at schema 1 without adequacy,
warnings or spec fields of later schemas, and a card (in the index and the object's metadata) without
frequency, model, holdout order or card format."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import replace

import orjson
import pytest
from fastapi.testclient import TestClient

from tests.integration.test_card_index import counting_registry
from ui.tables import versions_table
from varlib import Registry, cli, publish_result, version_metadata
from varlib.api import create_app
from varlib.artifact import build_artifact
from varlib.catalog.index import decode_shard, shard_key
from varlib.catalog.layout import model_key, pointer_key
from varlib.jsonsafe import to_json_safe
from varlib.store import open_store
from varlib.versions import Version

NAME = "monthly"
OLD = [Version(0, 0, 1), Version(0, 0, 2)]
SHARD = shard_key(NAME, Version(0, 0, 1))
OLD_SPEC = ("variables", "kind", "transform", "trend", "lags", "max_lags", "ic", "holdout")
OLD_PROVENANCE = ("dataset", "dataset_sha256", "train_seconds", "packages")
OLD_CARD = ("name", "version", "created_at", "author", "notes", "dataset", "variables", "k_ar", "lag_method")
OLD_CARD += ("transform", "trend", "kind")
# what the old cards left blank and the artifact says (frequency and model are checked against `show`)
FILLED = ("frequency", "model", "holdout_k_ar", "k_ar", "checked", "schema_version")


def _signed(body: dict) -> bytes:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    body = {**body, "checksum": "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _old_objects(result, version: Version) -> tuple[bytes, dict]:
    """model.json and the card of `version` as f7ffd51 wrote them."""
    artifact = replace(build_artifact(result, NAME, "old-f7ffd51", f"old {version}"), version=version)
    body = {k: v for k, v in to_json_safe(artifact.to_body()).items() if k not in ("adequacy", "warnings")}
    body["schema_version"] = 1
    body["spec"] = {k: body["spec"][k] for k in OLD_SPEC}
    body["provenance"] = {k: body["provenance"][k] for k in OLD_PROVENANCE}
    card = {k: v for k, v in body.items() if k in ("name", "version", "created_at", "author", "notes")}
    card |= {"dataset": artifact.data.name, "variables": artifact.variables, "k_ar": artifact.k_ar}
    card |= {"lag_method": artifact.lag_method, "transform": "none", "trend": "c", "kind": "var"}
    card |= {"holdout_rmse": {v: m["rmse"] for v, m in body["evaluation"]["metrics"].items()}, "schema_version": 1}
    assert set(card) == {*OLD_CARD, "holdout_rmse", "schema_version"}
    return _signed(body), card


def plant_old_versions(settings, result, index: bool = True) -> None:
    """0.0.1 and 0.0.2 published by f7ffd51: objects with their metadata card, the index shard (with `index`: a
    bucket from before the index has none) and latest.json."""
    store = open_store(settings)
    cards = {}
    for version in OLD:
        body, card = _old_objects(result, version)
        header = {**card, "bytes": len(body), "md5": hashlib.md5(body).hexdigest()}
        encoded = base64.urlsafe_b64encode(json.dumps(header, sort_keys=True).encode()).decode()
        etag = store.create(model_key(NAME, version), body, {"varlib-card": encoded})
        cards[str(version)] = {**card, "etag": etag, "bytes": len(body)}
    shard = {"format": "varlib/card-index", "schema_version": 1, "name": NAME, "cards": cards}
    if index:
        store.create(SHARD, orjson.dumps(shard, option=orjson.OPT_SORT_KEYS))
    store.create(pointer_key(NAME), body)  # the newest one's copy


def with_old_versions(settings, result, index: bool = True):
    plant_old_versions(settings, result, index)
    publish_result(Registry.from_settings(settings), result, NAME, notes="new")  # 0.0.3, by this varlib
    return settings


@pytest.fixture
def old_store(store_settings, macro_result):
    return with_old_versions(store_settings, macro_result)


def _as_show_says(registry: Registry, entries) -> None:
    for entry in entries:
        row, shown = entry.to_dict(), version_metadata(registry.load(NAME, entry.label))
        assert {k: row[k] for k in FILLED} == {k: shown[k] for k in FILLED}, entry.label
    old = [entry for entry in entries if entry.version in OLD]
    assert [(e.card.frequency, e.card.holdout_k_ar, e.card.schema_version) for e in old] == [("quarterly", 4, 1)] * 2
    assert all(e.card.model.startswith("VAR(4) in levels") for e in old)
    assert list(versions_table(entries)["checks"]) == ["⚠ normality", "not checked", "not checked"]


@pytest.mark.parametrize("how", ["quick", "verified", "without the index"])
def test_a_listing_describes_an_older_varlibs_versions_as_show_does(store_settings, macro_result, how):
    # without the index (a bucket from before it), the old versions' cards are in their objects' metadata
    registry = Registry.from_settings(with_old_versions(store_settings, macro_result, how != "without the index"))
    entries = registry.list_versions(NAME, verify=how == "verified")
    assert [e.label for e in entries] == ["0.0.3", "0.0.2", "0.0.1"] and all(e.ok for e in entries)
    _as_show_says(registry, entries)


def test_reindex_writes_an_older_varlibs_cards_again(old_store):
    registry, counting = counting_registry(old_store)
    registry.list_versions(NAME)
    assert sorted(counting.gets) == sorted([SHARD, *(model_key(NAME, v) for v in OLD)])  # read until reindexed
    before = registry.store.get(SHARD, 10**6).data
    done = Registry.from_settings(old_store).reindex(NAME)
    assert (done.indexed, done.damaged) == (3, ())
    after = registry.store.get(SHARD, 10**6).data
    shard = decode_shard(after, NAME)
    assert after != before and all(entry.card.current for entry in shard.values())
    assert shard["0.0.1"].card.frequency == "quarterly" and shard["0.0.1"].card.checked is False
    registry, counting = counting_registry(old_store)
    entries = registry.list_versions(NAME)
    assert counting.gets == [SHARD]  # from the index again, each card as its artifact says
    _as_show_says(registry, entries)


def test_an_older_varlibs_object_written_back_is_not_called_replaced(old_store):
    """Restored from a backup, the published object has another ETag than its card recorded: the card was left
    blank in places, so the object is matched on the fields the old card has."""
    store = open_store(old_store)
    stored = store.get(SHARD, 10**6)
    shard = orjson.loads(stored.data)
    shard["cards"]["0.0.1"]["etag"] = "an-etag-before-the-restore"
    store.replace(SHARD, orjson.dumps(shard, option=orjson.OPT_SORT_KEYS), stored.etag)
    registry = Registry.from_settings(old_store)
    entry = next(e for e in registry.list_versions(NAME, verify=True) if e.label == "0.0.1")
    assert entry.ok and entry.card is not None and entry.card.frequency == "quarterly"
    assert Registry.from_settings(old_store).reindex(NAME).damaged == ()


def test_show_list_and_rest_name_the_schema_the_object_holds(old_store, monkeypatch, capsys):
    from tests.conftest import point_cli_at

    point_cli_at(old_store, monkeypatch)
    said = []
    for argv in (["show", "--name", NAME, "0.0.1", "--json"], ["list", "--name", NAME, "--json"]):
        assert cli.main(argv) == 0
        out = json.loads(capsys.readouterr().out)
        said.append(out["schema_version"] if isinstance(out, dict) else out[-1]["schema_version"])
    with TestClient(create_app(old_store)) as client:
        said.append(client.get(f"/models/{NAME}/versions/0.0.1").json()["schema_version"])
        listed = client.get(f"/models/{NAME}/versions").json()
    said += [row["schema_version"] for row in listed if row["version"] == "0.0.1"]
    assert said == [1, 1, 1, 1]
    assert [row["schema_version"] for row in listed if row["version"] == "0.0.3"] == [2]


def test_latest_names_the_schema_its_copy_holds(store_settings, macro_result):
    plant_old_versions(store_settings, macro_result)  # latest.json holds 0.0.2, as f7ffd51 wrote it
    registry = Registry.from_settings(store_settings)
    assert version_metadata(registry.load(NAME, "latest"))["schema_version"] == 1
    assert version_metadata(registry.load(NAME, "0.0.2"))["schema_version"] == 1  # from the cache `latest` filled
