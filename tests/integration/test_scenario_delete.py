"""Deleting a saved scenario, on both stores: the object goes and its name is free again, the trail records who
deleted it, a damaged one can be deleted, an unknown one is refused by name, a withdrawn version's may be cleaned
up, a read-only store refuses, and a trail repair neither restores a deleted save nor misses a save made again."""

from __future__ import annotations

import pytest

from varlib import Actor, Registry, make_scenario, publish_result, role_needs
from varlib.catalog import audit
from varlib.catalog.layout import scenario_key
from varlib.errors import AccessDeniedError, CorruptArtifactError, NotFoundError, StoreUnavailableError

ADA = Actor("Ada Admin", "ada-sub", "http://issuer.test", "rest", "127.0.0.1")
BOB = Actor("Bob Builder", "bob-sub", "http://issuer.test", "dashboard", "127.0.0.1")


@pytest.fixture
def saved(registry, macro_result):
    """var 0.0.1 with the scenario `hold`, saved by Bob."""
    artifact = publish_result(registry, macro_result, "var")
    registry.save_scenario(make_scenario(artifact, "hold", 4), BOB)
    return artifact


def test_a_deleted_scenario_is_gone_recorded_and_its_name_free_again(registry, saved):
    deleted = registry.delete_scenario("var", "latest", "hold", ADA)  # `latest` resolved as the other calls do
    assert (deleted.scenario, str(deleted.version), deleted.actor) == ("hold", "0.0.1", BOB)
    fresh = Registry(registry.store)  # another process: nothing cached
    assert fresh.scenarios("var", "0.0.1") == []
    with pytest.raises(NotFoundError, match="var 0.0.1 has no scenario 'hold'"):
        fresh.scenario("var", "0.0.1", "hold")
    with pytest.raises(NotFoundError, match="var 0.0.1 has no scenario 'hold'"):
        registry.scenario("var", "0.0.1", "hold")  # this process's cache forgot it too
    newest = fresh.history("var")[0]
    assert (newest.action, newest.version, newest.scenario, newest.actor) == ("scenario.delete", "0.0.1", "hold", ADA)
    assert newest.to_dict()["action"] == "scenario.delete"  # a record a reader of the trail understands
    again = registry.save_scenario(make_scenario(saved, "hold", 6), ADA)  # the name is free
    assert Registry(registry.store).scenario("var", "0.0.1", "hold").steps == again.steps == 6


def test_deleting_a_scenario_that_is_not_saved_names_model_version_and_scenario(registry, saved):
    with pytest.raises(NotFoundError, match=r"var 0.0.1 has no scenario 'nope'; saved: hold$") as refused:
        registry.delete_scenario("var", "0.0.1", "nope", ADA)
    assert (refused.value.field, refused.value.value) == ("scenario", "nope")
    registry.delete_scenario("var", "0.0.1", "hold", ADA)
    with pytest.raises(NotFoundError, match=r"var 0.0.1 has no scenario 'hold'; saved: none"):
        registry.delete_scenario("var", "0.0.1", "hold", ADA)  # a second deletion deletes nothing
    assert [r.action for r in registry.history("var")].count("scenario.delete") == 1


def test_a_damaged_scenario_can_be_deleted_and_its_name_saved_again(registry, saved):
    key = scenario_key("var", saved.version, "hold")
    stored = registry.store.get(key, 1 << 20)
    registry.store.replace(key, stored.data.replace(b'"steps":4', b'"steps":40'), stored.etag)
    fresh = Registry(registry.store)
    with pytest.raises(CorruptArtifactError, match=r"an admin can delete it \(`varlib scenario delete hold 0.0.1"):
        fresh.scenario("var", "0.0.1", "hold")
    deleted = fresh.delete_scenario("var", "0.0.1", "hold", ADA)
    assert deleted.damaged and "does not match its checksum" in deleted.damaged
    assert fresh.scenarios("var", "0.0.1") == []
    fresh.save_scenario(make_scenario(saved, "hold", 5), ADA)
    assert Registry(registry.store).scenario("var", "0.0.1", "hold").steps == 5


def test_a_withdrawn_versions_scenarios_can_be_cleaned_up(registry, saved):
    registry.withdraw("var", "0.0.1", "trained on the wrong file")
    registry.delete_scenario("var", "0.0.1", "hold", ADA)
    assert registry.scenarios("var", "0.0.1") == []


def test_a_read_only_store_refuses_to_delete_and_keeps_the_scenario(registry, saved):
    with pytest.raises(AccessDeniedError, match="read-only"):
        Registry(registry.store, read_only=True).delete_scenario("var", "0.0.1", "hold", ADA)
    assert registry.scenario("var", "0.0.1", "hold").steps == 4


def test_deleting_needs_the_admin_role():
    assert role_needs("scenario.delete") == "deleting a scenario needs the admin role"


def test_a_deletion_whose_record_is_cut_off_says_it_is_deleted_and_that_no_repair_records_it(
    registry, saved, monkeypatch
):
    def gone(store, record):
        raise StoreUnavailableError("the store went away")

    monkeypatch.setattr(audit, "append", gone)
    with pytest.raises(StoreUnavailableError, match="scenario 'hold' of var 0.0.1 is deleted, but recording it") as cut:
        registry.delete_scenario("var", "0.0.1", "hold", ADA)
    assert "`varlib reindex` cannot restore its record" in cut.value.message
    monkeypatch.undo()
    assert Registry(registry.store).scenarios("var", "0.0.1") == []


def test_a_repair_restores_no_deleted_save_but_a_save_made_again_under_its_name(registry, saved, monkeypatch):
    registry.delete_scenario("var", "0.0.1", "hold", ADA)
    assert Registry(registry.store).restore_trail("var") == []  # the deleted save is not "restored"
    with monkeypatch.context() as patch:  # saved again under the deleted name, its record cut off
        patch.setattr(audit, "append", lambda store, record: (_ for _ in ()).throw(StoreUnavailableError("away")))
        with pytest.raises(StoreUnavailableError):
            registry.save_scenario(make_scenario(saved, "hold", 6), BOB)
    restored = Registry(registry.store).restore_trail("var")
    assert [(r.action, r.scenario, r.actor) for r in restored] == [("scenario.save", "hold", BOB)]
    actions = [r.action for r in Registry(registry.store).history("var")]
    assert actions[:3] == ["scenario.save", "scenario.delete", "scenario.save"]


def test_another_process_stops_serving_a_deleted_scenario_and_opens_one_saved_again(registry, saved, monkeypatch):
    other = Registry(registry.store)  # another process, which read the scenario before the deletion
    assert other.scenario("var", "0.0.1", "hold").steps == 4
    registry.delete_scenario("var", "0.0.1", "hold", ADA)
    from varlib.catalog import scenario_cache  # the module of the freshness rule under test

    monkeypatch.setattr(scenario_cache, "SCENARIO_FRESH_S", 0.0)  # its second of trust has passed
    with pytest.raises(NotFoundError, match="var 0.0.1 has no scenario 'hold'"):
        other.scenario("var", "0.0.1", "hold")
    assert other.scenario_still_saved("var", saved.version, "hold") is False
    registry.save_scenario(make_scenario(saved, "hold", 6), ADA)
    assert other.scenario("var", "0.0.1", "hold").steps == 6
    registry.delete_scenario("var", "0.0.1", "hold", ADA)
    registry.save_scenario(make_scenario(saved, "hold", 7), ADA)  # saved again between two reads of the other
    assert other.scenario("var", "0.0.1", "hold").steps == 7
    assert [s.steps for s in other.scenarios("var", "0.0.1")] == [7]
