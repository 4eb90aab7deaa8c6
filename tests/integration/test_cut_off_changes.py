"""Changes cut off part way (the store went away between two of their writes) are finished by what a
person does next: a retried withdrawal or `reindex` moves `latest` off a version whose withdrawal record was
stored before its pointer move; an alias moved onto a version withdrawn meanwhile is reported, not "done"."""

from __future__ import annotations

import pytest

from varlib import Actor, Registry, publish_result
from varlib.catalog import governance
from varlib.catalog.withdrawals import Withdrawal, create_withdrawal
from varlib.errors import ObjectExistsError, WithdrawnError
from varlib.versions import Version

ADMIN = Actor("Ada Admin", "ada", "http://issuer.test", "cli", "host-a")


def _withdrawal_cut_off_after_its_record(registry: Registry, version: Version) -> None:
    """What `withdraw` leaves when the store goes away right after its record: the pointer still on it."""
    create_withdrawal(registry.store, Withdrawal("var", version, "cut off", "2026-11-30T00:00:00Z", ADMIN))


@pytest.fixture
def three(registry, store_settings, macro_result):
    for _ in range(3):
        publish_result(registry, macro_result, "var")
    _withdrawal_cut_off_after_its_record(registry, Version(0, 0, 3))
    fresh = Registry.from_settings(store_settings)  # another process: nothing cached
    assert fresh.resolve("var", "latest") == Version(0, 0, 3)  # the state the cut-off left
    return fresh


def test_a_retried_withdrawal_finishes_the_pointer_move(three):
    with pytest.raises(ObjectExistsError, match="already withdrawn"):
        three.withdraw("var", "0.0.3", "again", ADMIN)
    assert three.resolve("var", "latest") == Version(0, 0, 2)


def test_reindex_moves_latest_off_a_withdrawn_version(three, store_settings):
    assert three.reindex("var").indexed == 3
    assert Registry.from_settings(store_settings).resolve("var", "latest") == Version(0, 0, 2)


def test_an_alias_moved_onto_a_withdrawn_version_is_reported(registry, store_settings, macro_result, monkeypatch):
    for _ in range(2):
        publish_result(registry, macro_result, "var")
    other = Registry.from_settings(store_settings)
    real_move = governance.move_alias

    def withdrawn_meanwhile(store, name, alias, version, actor, at, reason=""):
        other.withdraw(name, version, "withdrawn by another admin meanwhile", ADMIN)  # between check and move
        return real_move(store, name, alias, version, actor, at, reason)

    monkeypatch.setattr(governance, "move_alias", withdrawn_meanwhile)
    with pytest.raises(WithdrawnError, match="was withdrawn while @prod moved to it; @prod points at it now"):
        registry.set_alias("var", "prod", "0.0.2", ADMIN)
    with pytest.raises(WithdrawnError, match="points at 0.0.2, which was withdrawn"):
        registry.resolve("var", "@prod")
