"""Versions whose object someone with the bucket's keys deleted or replaced, on both stores. A deleted version
kept its number only while its folder existed: the next publish took it again, and an alias or a withdrawal of
the old model stood for the new one. A replaced object (another whole artifact under the version's key) listed as
`ok` under `--verify`, and a reindex adopted it. A `latest` copy or an index shard grown past the size limit
could never be replaced."""

from __future__ import annotations

import json

import pytest

from tests.api.local_store import local_client
from tests.conftest import point_cli_at
from varlib import ModelSpec, NotFoundError, Registry, load_dataset, make_scenario, publish_result, train_model
from varlib.cli import main
from varlib.config import Settings
from varlib.versions import Version


def _delete(store, key: str) -> None:
    """What the product never does: remove an object."""
    if hasattr(store, "client"):
        store.client.remove_object(store.bucket, key)
    else:
        store._path(key).unlink()


def _statuses(registry: Registry, verify: bool = False) -> dict[str, str]:
    return {entry.label: entry.status for entry in registry.list_versions("var", verify=verify)}


def test_a_deleted_version_keeps_its_number_and_is_named_until_and_after_reindex(store_settings, macro_result):
    registry = Registry.from_settings(store_settings)
    for _ in range(3):
        publish_result(registry, macro_result, "var")
    _delete(registry.store, "var/0_0_2/model.json")
    _delete(registry.store, "var/0_0_3/model.json")  # the newest: only the index remembers its number
    fresh = Registry.from_settings(store_settings)
    listed = _statuses(fresh)  # the quick listing names the older one (a newer card may be a publish in flight)
    assert listed["0.0.2"].startswith("gone: published, but var/0_0_2/model.json is no longer in the store")
    assert publish_result(fresh, macro_result, "var").version == Version(0, 0, 4)  # not 0.0.3 again
    done = fresh.reindex("var")
    assert sorted(entry.label for entry in done.damaged) == ["0.0.2", "0.0.3"]  # named once, by this run
    after = Registry.from_settings(store_settings)
    listed = _statuses(after)
    assert listed["0.0.3"].startswith("removed: published, then deleted from the store outside the product")
    assert "its number stays taken" in listed["0.0.2"] and listed["0.0.4"] == "ok"
    assert not any(entry.damaged for entry in after.list_versions("var", verify=True))  # recorded: no news
    assert after.reindex("var").damaged == ()
    _delete(after.store, "var/0_0_4/model.json")
    after.reindex("var")
    assert publish_result(after, macro_result, "var").version == Version(0, 0, 5)  # the removed newest kept too


def test_another_artifact_under_a_versions_key_is_named_until_the_published_one_is_back(
    store_settings, macro_result, tmp_path
):
    registry = Registry.from_settings(store_settings)
    for _ in range(2):
        publish_result(registry, macro_result, "var")
    elsewhere = Registry.from_settings(Settings(store_dir=tmp_path / "elsewhere", author="someone else"))
    dataset = load_dataset()
    other = train_model(dataset, ModelSpec(variables=tuple(dataset.variables), lags=1))
    for _ in range(2):
        publish_result(elsewhere, other, "var")  # var 0.0.2 too, a whole artifact of its own
    key = "var/0_0_2/model.json"
    published = registry.store.get(key, 10**7)
    registry.store.replace(key, elsewhere.store.get(key, 10**7).data, published.etag)
    fresh = Registry.from_settings(store_settings)
    status = _statuses(fresh, verify=True)["0.0.2"]
    assert status.startswith("replaced after it was published: var/0_0_2/model.json is") and "restore" in status
    assert [entry.label for entry in fresh.reindex("var").damaged] == ["0.0.2"]
    assert [entry.label for entry in fresh.reindex("var").damaged] == ["0.0.2"]  # not adopted by the first run
    current = fresh.store.get(key, 10**7)
    fresh.store.replace(key, published.data, current.etag)  # restored from a backup
    assert Registry.from_settings(store_settings).reindex("var").damaged == ()
    assert _statuses(Registry.from_settings(store_settings), verify=True)["0.0.2"] == "ok"


def test_a_latest_copy_too_large_to_read_is_replaced_by_the_next_publish_and_by_reindex(store_settings, macro_result):
    """Read as no pointer and no ETag, it could never be replaced: each publish spent its 200 compare-and-swap
    tries and left it, and reindex said `latest` kept changing though nobody changed it."""
    registry = Registry.from_settings(store_settings)
    publish_result(registry, macro_result, "var")
    stored = registry.store.get("var/latest.json", 10**7)
    registry.store.replace("var/latest.json", b" " * (registry.max_artifact_bytes + 1), stored.etag)
    assert publish_result(registry, macro_result, "var").version == Version(0, 0, 2)
    assert Registry.from_settings(store_settings).resolve("var", "latest") == Version(0, 0, 2)
    assert len(registry.store.get("var/latest.json", 10**7).data) < registry.max_artifact_bytes
    stored = registry.store.get("var/latest.json", 10**7)
    registry.store.replace("var/latest.json", b" " * (registry.max_artifact_bytes + 1), stored.etag)
    assert registry.reindex("var").latest == Version(0, 0, 2)
    assert len(registry.store.get("var/latest.json", 10**7).data) < registry.max_artifact_bytes


def test_an_index_shard_too_large_to_read_is_rebuilt_by_reindex(store_settings, macro_result):
    """reindex stopped on `... over the limit; not read` and could not rebuild it."""
    registry = Registry.from_settings(store_settings)
    for _ in range(2):
        publish_result(registry, macro_result, "var")
    key = "var/_index/0_0_0.json"
    stored = registry.store.get(key, 10**7)
    registry.store.replace(key, b" " * (registry.max_artifact_bytes + 1), stored.etag)
    assert registry.reindex("var").indexed == 2
    assert len(registry.store.get(key, 10**7).data) == len(stored.data)  # the two cards, as before


def test_an_alias_of_a_deleted_version_says_whose_version_went_and_how_to_move_it(
    store_settings, macro_result, monkeypatch, capsys
):
    registry = Registry.from_settings(store_settings)
    for _ in range(2):
        publish_result(registry, macro_result, "var")
    registry.set_alias("var", "champion", "0.0.1")
    _delete(registry.store, "var/0_0_1/model.json")
    fresh = Registry.from_settings(store_settings)
    with pytest.raises(NotFoundError) as refused:
        fresh.load("var", "@champion")
    assert str(refused.value).startswith("@champion points at var 0.0.1, which is no longer in the store (")
    assert str(refused.value).endswith("move it: `varlib alias set champion VERSION --name var`")
    point_cli_at(store_settings, monkeypatch)
    assert main(["alias", "list", "--name", "var"]) == 0
    assert "@champion 0.0.1 (gone)" in capsys.readouterr().out
    assert main(["list", "--name", "var"]) == 0  # the table says `gone`; its reason, 100 characters, comes under it
    lines = capsys.readouterr().out.splitlines()
    assert lines[2].split()[:2] == ["0.0.1", "gone"] and max(map(len, lines[:3])) < 100, lines
    assert lines[3].startswith("0.0.1 gone: published, but var/0_0_1/model.json is no longer in the store"), lines
    assert main(["alias", "list", "--name", "var", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert listed["version_status"].startswith("gone: published, but var/0_0_1/model.json is no longer")
    for client in local_client(store_settings):  # the service resolves the alias itself, then loads its version
        answer = client.post("/models/var/versions/@champion/forecast", json={"steps": 2})
        assert answer.status_code == 404, answer.text
        assert answer.json()["error"].startswith("@champion points at var 0.0.1, which is no longer in the store")
        assert answer.json()["error"].endswith('move it: PUT /models/var/aliases/champion with {"version": VERSION}')


@pytest.mark.parametrize("named_by", ["latest", "alias", "withdrawal", "scenario"])
def test_a_deleted_newest_version_keeps_its_number_when_the_index_is_deleted_too(
    store_settings, macro_result, named_by
):
    """With the index gone as well, the number was free again: the next publish took 0.0.3, and `latest`, an
    alias, a withdrawal or a scenario of the deleted model stood for the new one without a word."""
    registry = Registry.from_settings(store_settings)
    for _ in range(3):
        publish_result(registry, macro_result, "var")
    if named_by == "alias":
        registry.set_alias("var", "prod", "0.0.3")
    elif named_by == "withdrawal":
        registry.withdraw("var", "0.0.3", "trained on the wrong file")
    elif named_by == "scenario":
        held = make_scenario(registry.load("var", "0.0.3"), "hold", 4, conditions={"realgdp": [13000.0]})
        registry.save_scenario(held)
    gone = ["var/0_0_3/model.json", *(info.key for info in registry.store.list("var/_index/"))]
    for key in gone + ([] if named_by == "latest" else ["var/latest.json"]):
        _delete(registry.store, key)
    fresh = Registry.from_settings(store_settings)
    fresh.reindex("var")
    assert publish_result(fresh, macro_result, "var").version == Version(0, 0, 4)
