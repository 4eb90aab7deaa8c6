"""The card index on both stores: listings read it instead of every object, and never trust it blindly."""

import json
from dataclasses import replace

import pytest

from varlib import Registry, cli, publish_result
from varlib.artifact import build_artifact, encode
from varlib.catalog.cards import Card, metadata_header
from varlib.catalog.index import decode_shard, shard_key
from varlib.errors import AccessDeniedError, CorruptArtifactError
from varlib.store import open_store
from varlib.versions import Version


class CountingStore:
    """The real store, with a record of the reads a listing makes."""

    def __init__(self, store) -> None:
        self.store, self.gets, self.lists = store, [], []

    def get(self, key, max_bytes):
        self.gets.append(key)
        return self.store.get(key, max_bytes)

    def list(self, prefix, metadata=False, start_after=None):
        self.lists.append(metadata)
        return self.store.list(prefix, metadata, start_after)

    def __getattr__(self, name):
        return getattr(self.store, name)


@pytest.fixture
def minio_env_for(request):
    """The environment that points the CLI at a test's store."""

    def env(settings) -> dict[str, str]:
        if settings.uses_minio:
            return request.getfixturevalue("minio").env(settings.bucket)
        return {"VARLIB_STORE_DIR": str(settings.store_dir), "MINIO_BUCKET": settings.bucket}

    return env


def counting_registry(settings) -> tuple[Registry, CountingStore]:
    counting = CountingStore(open_store(settings))
    return Registry(counting, max_artifact_bytes=settings.max_artifact_bytes, author=settings.author), counting


def publish_n(settings, result, n, notes=""):
    registry = Registry.from_settings(settings)
    return [publish_result(registry, result, "var", notes=notes).version for _ in range(n)]


def test_publish_indexes_the_card_and_a_listing_reads_only_the_index(store_settings, macro_result):
    publish_n(store_settings, macro_result, 3, notes="indexed")
    registry, counting = counting_registry(store_settings)
    entries = registry.list_versions("var")
    assert [e.label for e in entries] == ["0.0.3", "0.0.2", "0.0.1"] and all(e.ok for e in entries)
    assert counting.gets == [shard_key("var", Version(0, 0, 1))]  # one shard, no object read
    assert counting.lists == [False]  # the index folder; the version folders are not looked into
    row = entries[0].to_dict()
    assert row["notes"] == "indexed" and row["k_ar"] == macro_result.params.k_ar and "etag" not in row
    shard = decode_shard(registry.store.get(shard_key("var", Version(0, 0, 1)), 10**6).data, "var")
    assert sorted(shard) == ["0.0.1", "0.0.2", "0.0.3"]
    assert shard["0.0.2"].etag == entries[1].etag and shard["0.0.2"].size == entries[1].size


def test_cards_of_the_listing_equal_those_read_from_the_objects(store_settings, macro_result):
    publish_n(store_settings, macro_result, 2, notes="n" * 300)  # longer than metadata cards keep
    indexed = {e.label: e.to_dict() for e in Registry.from_settings(store_settings).list_versions("var")}
    registry = Registry.from_settings(store_settings)
    for label, row in indexed.items():
        card = Card.from_artifact(registry.load("var", label)).to_dict()
        assert {k: row[k] for k in card} == card


def test_a_verified_listing_matches_every_object_against_its_indexed_card(store_settings, macro_result):
    publish_n(store_settings, macro_result, 3)
    registry, counting = counting_registry(store_settings)
    fast = [e.to_dict() for e in registry.list_versions("var")]
    counting.gets.clear()
    assert [e.to_dict() for e in registry.list_versions("var", verify=True)] == fast
    assert counting.gets == [shard_key("var", Version(0, 0, 1))]  # intact objects: matched, not read


def test_an_object_replaced_after_publishing_is_caught_by_verify_and_by_loading(store_settings, macro_result):
    publish_n(store_settings, macro_result, 2)
    store = open_store(store_settings)
    stored = store.get("var/0_0_1/model.json", 10**7)
    tampered = json.dumps(dict(json.loads(stored.data), notes="changed after publishing")).encode()
    store.replace("var/0_0_1/model.json", tampered, stored.etag)
    registry = Registry.from_settings(store_settings)
    verified = {e.label: e for e in registry.list_versions("var", verify=True)}
    assert verified["0.0.2"].ok
    assert "checksum mismatch" in verified["0.0.1"].status
    with pytest.raises(CorruptArtifactError, match="checksum mismatch"):
        registry.load("var", "0.0.1", cached=False)
    # the quick listing shows the card it was published with: the folder was not looked into
    assert [e.ok for e in registry.list_versions("var")] == [True, True]


def test_a_damaged_index_changes_nothing_a_listing_says_and_reindex_repairs_it(store_settings, macro_result):
    publish_n(store_settings, macro_result, 3)
    before = [e.to_dict() for e in Registry.from_settings(store_settings).list_versions("var")]
    store = open_store(store_settings)
    key = shard_key("var", Version(0, 0, 1))
    store.replace(key, b"\x80 not an index", store.get(key, 10**6).etag)

    registry, counting = counting_registry(store_settings)
    assert [e.to_dict() for e in registry.list_versions("var")] == before
    assert counting.lists == [False, True, True, True]  # the index, then each unindexed folder

    publish_n(store_settings, macro_result, 1)  # rewrites the damaged shard with its own card
    assert sorted(decode_shard(store.get(key, 10**6).data, "var")) == ["0.0.4"]
    assert Registry.from_settings(store_settings).reindex("var").indexed == 4
    registry, counting = counting_registry(store_settings)
    assert len(registry.list_versions("var")) == 4 and counting.gets == [key]


def test_versions_past_a_thousand_go_to_the_next_shard(store_settings, macro_result):
    artifact = build_artifact(macro_result, "var", "tester")
    store = open_store(store_settings)
    for patch in (999, 1000):  # written as a publisher that crashed before indexing would leave them
        published = replace(artifact, version=Version(0, 0, patch))
        body = encode(published)
        store.create(
            f"var/{published.version.key}/model.json", body, metadata_header(Card.from_artifact(published), body)
        )
    registry = Registry.from_settings(store_settings)
    assert registry.reindex("var").indexed == 2
    assert shard_key("var", Version(0, 0, 999)) != shard_key("var", Version(0, 0, 1000))
    published = publish_result(registry, macro_result, "var")
    assert str(published.version) == "0.0.1001"
    cards = decode_shard(store.get(shard_key("var", published.version), 10**6).data, "var")
    assert sorted(cards) == ["0.0.1000", "0.0.1001"]
    registry, counting = counting_registry(store_settings)
    assert [e.label for e in registry.list_versions("var")] == ["0.0.1001", "0.0.1000", "0.0.999"]
    assert sorted(counting.gets) == sorted({shard_key("var", Version(0, 0, p)) for p in (999, 1000)})


@pytest.mark.minio
def test_many_unindexed_versions_cost_one_metadata_listing_not_a_read_each(minio_settings, macro_result):
    artifact = build_artifact(macro_result, "var", "tester")
    store = open_store(minio_settings)
    for patch in range(1, 41):  # a bucket written before the index existed
        published = replace(artifact, version=Version(0, 0, patch))
        body = encode(published)
        store.create(
            f"var/{published.version.key}/model.json", body, metadata_header(Card.from_artifact(published), body)
        )
    registry, counting = counting_registry(minio_settings)
    entries = registry.list_versions("var")
    assert len(entries) == 40 and all(e.ok for e in entries)
    # the index folder asked first (none here: a bucket from before it), then one metadata listing, no reads
    assert counting.lists == [False, True] and counting.gets == []


def test_reindex_from_the_cli_and_refused_when_read_only(
    store_settings, macro_result, minio_env_for, monkeypatch, capsys
):
    publish_n(store_settings, macro_result, 2)
    monkeypatch.delenv("MINIO_ENDPOINT", raising=False)
    for name, value in minio_env_for(store_settings).items():
        monkeypatch.setenv(name, value)
    assert cli.main(["reindex"]) == 0
    assert "indexed the cards of 2 versions of 'var'" in capsys.readouterr().out
    monkeypatch.setenv("VARLIB_READ_ONLY", "1")
    assert cli.main(["reindex"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "read-only" in err[0]
    with pytest.raises(AccessDeniedError):
        Registry.from_settings(replace(store_settings, read_only=True)).reindex("var")
