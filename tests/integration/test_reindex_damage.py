"""`reindex` over a store holding damaged versions, on both stores: it names each version it could not index
and why, exits 1 from the CLI, moves `latest` off a damaged version to the newest usable one, and leaves no
card that would let the quick listing call a damaged version `ok`."""

import pytest

from tests.conftest import point_cli_at
from varlib import Registry, cli, publish_result
from varlib.catalog.index import decode_shard, shard_key
from varlib.errors import CorruptArtifactError, NotFoundError
from varlib.versions import Version


def _publish(registry, result, bumps):
    return [publish_result(registry, result, "var", bump).version for bump in bumps]


def _truncate(store, version: Version) -> None:
    """What a disk or a copy gone wrong leaves: half the object, under the same key."""
    key = f"var/{version.key}/model.json"
    stored = store.get(key, 10**7)
    store.replace(key, stored.data[: len(stored.data) // 2], stored.etag)


def test_reindex_names_a_damaged_version_and_moves_latest_off_it(registry, store_settings, macro_result):
    _publish(registry, macro_result, ["patch"] * 3)
    _truncate(registry.store, Version(0, 0, 3))
    fresh = Registry.from_settings(store_settings)
    assert fresh.resolve_latest("var") == Version(0, 0, 3)  # served from the copy in latest.json until reindex

    done = fresh.reindex("var")
    after = Registry.from_settings(store_settings)
    assert after.resolve_latest("var") == Version(0, 0, 2)
    assert done.indexed == 2 and done.legacy == ()
    assert [(e.label, "not valid JSON" in e.status) for e in done.damaged] == [("0.0.3", True)]
    assert (done.latest, done.moved_off) == (Version(0, 0, 2), Version(0, 0, 3))
    assert after.load("var", "latest", cached=False).version == Version(0, 0, 2)
    with pytest.raises(CorruptArtifactError, match="not valid JSON"):
        after.load("var", "0.0.3")
    again = after.reindex("var")  # nothing left to move; the damage is still named
    assert [e.label for e in again.damaged] == ["0.0.3"] and again.moved_off is None


def test_a_shard_whose_versions_are_all_damaged_stops_vouching_for_them(registry, store_settings, macro_result):
    _publish(registry, macro_result, ["patch", "patch", "major"])  # 1.0.0 alone in its shard
    _truncate(registry.store, Version(1, 0, 0))
    assert [e.ok for e in Registry.from_settings(store_settings).list_versions("var")] == [True] * 3  # the index
    Registry.from_settings(store_settings).reindex("var")

    quick = {e.label: e for e in Registry.from_settings(store_settings).list_versions("var")}
    assert quick["0.0.2"].ok and quick["0.0.1"].ok
    assert "not valid JSON" in quick["1.0.0"].status  # the plain listing shows it, as --verify does
    shard = decode_shard(registry.store.get(shard_key("var", Version(1, 0, 0)), 10**6).data, "var")
    assert shard == {}
    assert Registry.from_settings(store_settings).resolve_latest("var") == Version(0, 0, 2)


def test_with_every_version_damaged_latest_finds_none(registry, store_settings, macro_result):
    _publish(registry, macro_result, ["patch"])
    _truncate(registry.store, Version(0, 0, 1))
    done = Registry.from_settings(store_settings).reindex("var")
    with pytest.raises(NotFoundError, match="no usable version"):
        Registry.from_settings(store_settings).load("var", "latest", cached=False)
    assert (done.indexed, done.latest, done.moved_off) == (0, None, Version(0, 0, 1))


def test_a_version_published_while_reindexing_keeps_latest_and_its_card(
    registry, store_settings, macro_result, monkeypatch
):
    _publish(registry, macro_result, ["patch"] * 2)
    _truncate(registry.store, Version(0, 0, 2))
    listed = registry.list_versions("var", verify=True)
    _publish(Registry.from_settings(store_settings), macro_result, ["patch"])  # after reindex listed the versions
    monkeypatch.setattr(registry, "list_versions", lambda name, verify=False: listed)
    registry.reindex("var")
    assert Registry.from_settings(store_settings).resolve_latest("var") == Version(0, 0, 3)
    shard = decode_shard(registry.store.get(shard_key("var", Version(0, 0, 3)), 10**6).data, "var")
    assert sorted(shard) == ["0.0.1", "0.0.3"]


def test_the_cli_names_each_damaged_version_on_stderr_and_exits_1(
    registry, store_settings, macro_result, monkeypatch, capsys
):
    _publish(registry, macro_result, ["patch"] * 3)
    registry.store.create("var/0_0_9/model.pkl", b"not loaded")  # a legacy pickle: named, no failure
    point_cli_at(store_settings, monkeypatch)
    assert cli.main(["reindex", "--name", "var"]) == 0
    out = capsys.readouterr().out
    assert "indexed the cards of 3 versions" in out and "var 0.0.9 not indexed: legacy pickle" in out

    _truncate(registry.store, Version(0, 0, 3))
    _truncate(registry.store, Version(0, 0, 1))
    assert cli.main(["reindex", "--name", "var"]) == 1
    out, err = capsys.readouterr()
    assert "indexed the cards of 1 version" in out
    assert "`latest` moved off 0.0.3, which does not load, to 0.0.2" in out
    lines = err.strip().splitlines()
    assert [line.split(": ")[:2] for line in lines] == [["error", "var 0.0.3 not indexed"]] + [
        ["error", "var 0.0.1 not indexed"]
    ]
    assert all("not valid JSON" in line for line in lines)
    assert cli.main(["forecast", "--name", "var", "--steps", "1", "--json"]) == 0
    assert '"version":"0.0.2"' in capsys.readouterr().out.replace(" ", "")
