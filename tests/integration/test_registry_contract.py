"""The registry on both stores: versions, latest, safe loading, broken objects, read-only."""

import json
import pickle
from dataclasses import replace

import numpy as np
import pytest
from statsmodels.tsa.vector_ar.var_model import VAR

from varlib import Registry, forecast_version, publish_result
from varlib.artifact import build_artifact, encode
from varlib.catalog.cards import Card, metadata_header
from varlib.errors import AccessDeniedError, CorruptArtifactError, NotFoundError
from varlib.versions import Version


def publish(registry, result, bump="patch", notes=""):
    return publish_result(registry, result, "var", bump, notes)


def test_first_publish_is_0_0_1_and_bumps_follow(registry, macro_result):
    versions = [publish(registry, macro_result, bump).version for bump in ("patch", "patch", "minor", "major", "patch")]
    assert [str(v) for v in versions] == ["0.0.1", "0.0.2", "0.1.0", "1.0.0", "1.0.1"]
    listed = [entry.label for entry in registry.list_versions("var")]
    assert listed == ["1.0.1", "1.0.0", "0.1.0", "0.0.2", "0.0.1"]
    assert registry.list_names() == ["var"]


def test_versions_sort_numerically(registry, macro_result):
    for _ in range(11):
        publish(registry, macro_result)
    labels = [entry.label for entry in registry.list_versions("var")]
    assert labels[:3] == ["0.0.11", "0.0.10", "0.0.9"]
    assert registry.resolve("var", "latest") == Version(0, 0, 11)


def test_listing_carries_card_fields(registry, macro_result):
    publish(registry, macro_result, notes="hello")
    entry = registry.list_versions("var")[0]
    assert entry.ok
    row = entry.to_dict()
    assert row["notes"] == "hello" and row["author"] == "tester" and row["k_ar"] == macro_result.params.k_ar
    assert row["variables"] == ["realgdp", "realcons"] and row["created_at"].endswith("Z")
    assert set(row["holdout_rmse"]) == {"realgdp", "realcons"}


def test_forecast_after_round_trip_through_the_store_equals_statsmodels(store_settings, macro_result):
    publish(Registry.from_settings(store_settings), macro_result)
    fresh = Registry.from_settings(store_settings)  # nothing cached
    result = forecast_version(fresh, "var", "0_0_1", steps=10, alpha=0.1)
    levels = macro_result.dataset.frame.to_numpy()
    reference = VAR(levels).fit(macro_result.params.k_ar, trend="c")
    expected = reference.forecast_interval(levels[-reference.k_ar :], 10, alpha=0.1)
    for got, want in zip((result.forecast.mean, result.forecast.lower, result.forecast.upper), expected, strict=False):
        np.testing.assert_allclose(got, want, rtol=1e-8)
    assert result.index[0] == "2009-10-01"


def test_latest_follows_a_publish_from_another_registry(store_settings, macro_result):
    reader, writer = Registry.from_settings(store_settings), Registry.from_settings(store_settings)
    publish(writer, macro_result)
    assert reader.load("var", "latest").version == Version(0, 0, 1)
    publish(writer, macro_result)
    assert reader.load("var", "latest").version == Version(0, 0, 2)


def test_unknown_version_and_empty_model_are_not_found(registry, macro_result):
    with pytest.raises(NotFoundError, match="no usable version yet"):
        registry.load("var", "latest")
    publish(registry, macro_result)
    with pytest.raises(NotFoundError, match="0.0.7 does not exist"):
        registry.load("var", "0.0.7")


def test_malicious_pickle_is_listed_but_never_executed(registry, macro_result, tmp_path):
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    registry.store.create("var/0_0_1/model.pkl", pickle.dumps(Exploit()))
    entries = registry.list_versions("var")
    assert [e.label for e in entries] == ["0.0.1"] and "legacy pickle" in entries[0].status
    with pytest.raises(NotFoundError, match="legacy pickle.*import-legacy"):
        registry.load("var", "0.0.1")
    assert publish(registry, macro_result).version == Version(0, 0, 2)  # the legacy folder stays taken
    assert registry.store.get("var/0_0_1/model.pkl", 10_000).data == pickle.dumps(Exploit())
    assert not marker.exists()


def test_broken_objects_are_listed_with_reasons_and_the_rest_works(registry, macro_result):
    good = publish(registry, macro_result)
    body = encode(replace(good, version=Version(0, 0, 2)))
    registry.store.create("var/0_0_2/model.json", body[:-40])  # truncated
    registry.store.create("var/0_0_3/model.json", body.replace(b'"author":"tester"', b'"author":"mallory"'))
    raw = json.loads(encode(replace(good, version=Version(0, 0, 4))))
    raw["schema_version"] = 7
    registry.store.create("var/0_0_4/model.json", json.dumps(raw).encode())
    registry.store.create("var/notes.txt", b"hello")
    registry.store.create("var/0_0_5/model.json", encode(good))  # says 0.0.1, sits at 0_0_5
    statuses = {e.label: e.status for e in registry.list_versions("var")}
    assert statuses["0.0.1"] == "ok"
    assert "not valid JSON" in statuses["0.0.2"]
    assert "checksum mismatch" in statuses["0.0.3"]
    assert "unknown schema version 7" in statuses["0.0.4"]
    assert "wrong key" in statuses["0.0.5"]
    assert "outside the naming pattern" in statuses["var/notes.txt"]
    for version in ("0.0.2", "0.0.3", "0.0.4", "0.0.5"):
        with pytest.raises(CorruptArtifactError):
            registry.load("var", version)
    assert registry.load("var", "0.0.1").version == Version(0, 0, 1)
    assert publish(registry, macro_result).version == Version(0, 0, 6)


def test_card_metadata_that_does_not_match_the_object_is_not_trusted(registry, macro_result):
    good = publish(registry, macro_result)
    forged = replace(good, version=Version(0, 0, 2))
    body = encode(forged)
    metadata = metadata_header(Card.from_artifact(forged), body)
    registry.store.create("var/0_0_2/model.json", body[:-5] + b"xxxxx", metadata)
    status = {e.label: e.status for e in registry.list_versions("var")}["0.0.2"]
    assert status != "ok"


def test_read_only_registry_refuses_to_publish_and_writes_nothing(store_settings, macro_result):
    read_only = Registry.from_settings(replace(store_settings, read_only=True))
    with pytest.raises(AccessDeniedError, match="not allowed: this store is read-only"):
        publish(read_only, macro_result)
    assert read_only.list_versions("var") == []


def test_pinned_versions_are_cached_and_latest_is_not(registry, macro_result):
    publish(registry, macro_result)
    first = registry.load("var", "0.0.1")
    assert registry.load("var", "0.0.1") is first
    assert registry.load("var", "0.0.1", cached=False) is not first


def test_a_dangling_latest_pointer_falls_back_to_the_listing(registry, macro_result):
    publish(registry, macro_result)
    etag = registry.store.get("var/latest.json", 10**7).etag
    registry.store.replace("var/latest.json", b'{"version": "9.9.9"}', etag)
    assert registry.load("var", "latest").version == Version(0, 0, 1)


def test_latest_json_holds_the_newest_model_and_a_fresh_latest_is_one_read(store_settings, macro_result):
    writer = Registry.from_settings(store_settings)
    publish(writer, macro_result)
    publish(writer, macro_result, notes="second")
    store = writer.store
    assert store.get("var/latest.json", 10**7).data == store.get("var/0_0_2/model.json", 10**7).data
    reader = Registry.from_settings(store_settings)
    reads = []
    original = reader.store.get
    reader.store.get = lambda key, max_bytes: reads.append(key) or original(key, max_bytes)
    for _ in range(2):
        artifact = reader.load("var", "latest", cached=False)
        assert artifact.version == Version(0, 0, 2) and artifact.notes == "second"
    assert reads == ["var/latest.json"] * 2
    assert reader.resolve("var", "latest") == Version(0, 0, 2)


@pytest.mark.parametrize("damage", ["checksum", "other name", "garbage", "another model's older copy"])
def test_a_damaged_latest_copy_is_never_served(store_settings, macro_result, damage):
    """A copy that fails its check, or is another model's, sends `latest` to the listing: the version number it
    holds was followed before, so another model's 0.0.1 (copied there by hand) served this model's 0.0.1."""
    registry = Registry.from_settings(store_settings)
    publish(registry, macro_result)
    publish(registry, macro_result, notes="newest")
    stored = registry.store.get("var/latest.json", 10**7)
    body = json.loads(stored.data)
    changed = {
        "checksum": json.dumps(dict(body, notes="changed")).encode(),
        "other name": encode(replace(registry.load("var", "0.0.2"), name="other")),
        "garbage": b"\x80garbage",
        "another model's older copy": encode(replace(registry.load("var", "0.0.1"), name="other")),
    }[damage]
    registry.store.replace("var/latest.json", changed, stored.etag)
    for fresh in (Registry.from_settings(store_settings), registry):  # registry keeps 0.0.1 and 0.0.2 in memory
        for cached in (False, True):
            artifact = fresh.load("var", "latest", cached=cached)
            assert artifact.version == Version(0, 0, 2) and artifact.notes == "newest"
            assert artifact.name == "var" and fresh.resolve("var", "latest") == Version(0, 0, 2)


def test_a_pointer_from_before_the_copy_is_followed_and_upgraded_by_the_next_publish(registry, macro_result):
    publish(registry, macro_result)
    publish(registry, macro_result)
    etag = registry.store.get("var/latest.json", 10**7).etag
    registry.store.replace("var/latest.json", b'{"version": "0.0.1"}', etag)  # the earlier form
    assert registry.resolve("var", "latest") == Version(0, 0, 1)
    assert registry.load("var", "latest", cached=False).version == Version(0, 0, 1)
    publish(registry, macro_result)
    assert json.loads(registry.store.get("var/latest.json", 10**7).data)["format"] == "varlib/var-model"
    assert registry.load("var", "latest", cached=False).version == Version(0, 0, 3)


def test_an_oversized_object_is_listed_as_too_large(store_settings, macro_result):
    small = Registry.from_settings(replace(store_settings, max_artifact_bytes=2000))
    body = encode(replace(build_artifact(macro_result, "var", "tester"), version=Version(0, 0, 1)))
    small.store.create("var/0_0_1/model.json", body)
    assert small.list_versions("var")[0].status.startswith("too large")
    with pytest.raises(CorruptArtifactError, match="over the 2,000-byte limit"):
        small.load("var", "0.0.1")
