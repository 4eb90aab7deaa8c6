"""Changes whose audit record was cut off (the store went away after the change, before its record) get
their record back from `Registry.restore_trail`: who made the change and when, from the stored change,
marked restored; on both stores, once only, and in its place in the trail."""

from __future__ import annotations

import pytest

from varlib import Actor, Registry, make_scenario, publish_result
from varlib.catalog import audit
from varlib.errors import AccessDeniedError, StoreUnavailableError

ALICE = Actor("Alice Admin", "alice-sub", "http://issuer.test", "rest", "10.0.0.7")
BOB = Actor("Bob Builder", "bob-sub", "http://issuer.test", "dashboard", "10.0.0.8")


@pytest.fixture
def records_cut_off(monkeypatch):
    """While on, every audit record fails to be written, as if the store went away right before it."""

    def gone(store, record):
        raise StoreUnavailableError("the store went away")

    def cut_off(change) -> None:
        with monkeypatch.context() as patch:
            patch.setattr(audit, "append", gone)
            with pytest.raises(StoreUnavailableError):
                change()

    return cut_off


def test_every_kind_of_change_gets_its_record_back_once(registry, store_settings, macro_result, records_cut_off):
    publish_result(registry, macro_result, "var", actor=ALICE)  # recorded
    registry.set_alias("var", "old", "0.0.1", BOB)  # recorded
    records_cut_off(lambda: publish_result(registry, macro_result, "var", actor=BOB))
    records_cut_off(lambda: registry.set_alias("var", "prod", "0.0.2", ALICE))
    records_cut_off(lambda: registry.delete_alias("var", "old", ALICE))
    artifact = registry.load("var", "0.0.1")
    records_cut_off(lambda: registry.save_scenario(make_scenario(artifact, "flat", 4), BOB))
    records_cut_off(lambda: registry.withdraw("var", "0.0.1", "wrong data", ALICE))
    assert [(r.action, r.alias or r.version) for r in registry.history("var")] == [
        ("alias.set", "old"),
        ("publish", "0.0.1"),
    ]

    other = Registry.from_settings(store_settings)  # another process: nothing cached
    restored = other.restore_trail("var")
    assert sorted((r.action, r.version, r.alias, r.scenario) for r in restored) == [
        ("alias.delete", None, "old", None),
        ("alias.set", "0.0.2", "prod", None),
        ("publish", "0.0.2", None, None),
        ("scenario.save", "0.0.1", None, "flat"),
        ("withdraw", "0.0.1", None, None),
    ]
    trail = Registry.from_settings(store_settings).history("var")
    assert [r.at for r in trail] == sorted((r.at for r in trail), reverse=True)  # each in its place
    by_change = {(r.action, r.alias or r.version): r for r in trail}
    published = by_change[("publish", "0.0.2")]
    stored = registry.load("var", "0.0.2")
    assert published.actor == BOB and published.at.startswith(stored.created_at.removesuffix("Z")[:19])
    assert by_change[("withdraw", "0.0.1")].reason == "wrong data" and by_change[("withdraw", "0.0.1")].actor == ALICE
    deleted = by_change[("alias.delete", "old")]
    assert deleted.actor == ALICE and deleted.previous == "0.0.1" and deleted.revision == 2
    assert by_change[("alias.set", "prod")].revision == 1 and by_change[("scenario.save", "0.0.1")].actor == BOB
    assert all(r.restored for r in restored) and by_change[("publish", "0.0.1")].restored is None
    assert all(r.restored for r in trail if r.key in {w.key for w in restored})

    assert other.restore_trail("var") == [] and Registry.from_settings(store_settings).restore_trail("var") == []
    assert len(Registry.from_settings(store_settings).history("var")) == len(trail)


def test_a_version_published_without_a_signed_in_identity_is_restored_with_its_author(
    registry, store_settings, macro_result, records_cut_off
):
    records_cut_off(lambda: publish_result(registry, macro_result, "var", author="Carol"))
    (record,) = Registry.from_settings(store_settings).restore_trail("var")
    assert (record.action, record.version, record.actor.name, record.actor.subject) == ("publish", "0.0.1", "Carol", "")


def test_a_read_only_store_is_not_repaired(registry, store_settings, macro_result, records_cut_off):
    from dataclasses import replace

    records_cut_off(lambda: publish_result(registry, macro_result, "var"))
    with pytest.raises(AccessDeniedError, match="read-only"):
        Registry.from_settings(replace(store_settings, read_only=True)).restore_trail("var")
    assert registry.history("var") == []


@pytest.mark.parametrize("body", [b"garbage", None])
def test_a_damaged_withdrawal_or_alias_is_skipped_not_a_crash(registry, macro_result, body):
    """The repair read a damaged withdrawal's empty time and stopped on a traceback, every run; a time that does
    not read (`yesterday`) is damage too."""
    import orjson

    from varlib.catalog.layout import alias_key, withdrawal_key

    for _ in range(2):
        publish_result(registry, macro_result, "var", actor=ALICE)
    registry.withdraw("var", "0.0.1", "wrong data", ALICE)
    registry.set_alias("var", "prod", "0.0.2", ALICE)
    for key in (withdrawal_key("var", registry.resolve("var", "0.0.1")), alias_key("var", "prod")):
        stored = registry.store.get(key, 1 << 16)
        registry.store.replace(key, body or orjson.dumps({**orjson.loads(stored.data), "at": "yesterday"}), stored.etag)
    fresh = Registry(registry.store)  # another process: nothing read before the damage
    assert fresh.restore_trail("var") == []  # nothing readable to restore from them, and no crash
    assert fresh.withdrawals("var")[fresh.resolve("var", "0.0.1")].damaged  # still withdrawn, marked
    assert [a.damaged is not None for a in fresh.aliases("var")] == [True]


def test_a_cut_off_alias_move_and_deletion_are_restored_with_their_reasons(
    registry, store_settings, macro_result, records_cut_off
):
    publish_result(registry, macro_result, "var", actor=ALICE)
    registry.set_alias("var", "old", "0.0.1", BOB)  # recorded
    records_cut_off(lambda: registry.set_alias("var", "prod", "0.0.1", ALICE, reason="passed the holdout"))
    records_cut_off(lambda: registry.delete_alias("var", "old", BOB, reason="nobody follows it"))

    restored = Registry.from_settings(store_settings).restore_trail("var")
    assert sorted((r.action, r.alias, r.reason) for r in restored) == [
        ("alias.delete", "old", "nobody follows it"),
        ("alias.set", "prod", "passed the holdout"),
    ]
    trail = Registry.from_settings(store_settings).history("var")
    assert [(r.action, r.reason) for r in trail if r.restored] == [
        ("alias.delete", "nobody follows it"),
        ("alias.set", "passed the holdout"),
    ]


def test_an_alias_object_stored_before_reasons_were_kept_reads_and_is_restored_without_one(
    registry, store_settings, macro_result
):
    import orjson

    from varlib.catalog.layout import alias_key

    publish_result(registry, macro_result, "var", actor=ALICE)
    older = {  # as a varlib before the alias kept its reason stored it (its move's record was cut off)
        "format": "varlib-alias",
        "name": "var",
        "alias": "prod",
        "version": "0.0.1",
        "revision": 1,
        "at": "2026-11-30T10:00:00.000000Z",
        "previous": None,
        "actor": ALICE.to_dict(),
    }
    registry.store.create(alias_key("var", "prod"), orjson.dumps(older))
    fresh = Registry.from_settings(store_settings)
    found = fresh.alias("var", "prod")
    assert (found.version, found.actor, found.reason, found.damaged) == (
        registry.resolve("var", "0.0.1"),
        ALICE,
        "",
        None,
    )
    (record,) = fresh.restore_trail("var")
    assert (record.action, record.alias, record.reason, record.actor) == ("alias.set", "prod", "", ALICE)
