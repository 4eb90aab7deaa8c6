"""Aliases, withdrawals and the audit trail on both stores, including races of moves and withdrawals."""

import threading

import pytest

from tests.support.together import all_at_once
from varlib import Actor, Registry, publish_result
from varlib.errors import InvalidInputError, NotFoundError, ObjectExistsError, WithdrawnError
from varlib.versions import Version

ALICE = Actor("Alice Admin", "alice-sub", "http://issuer.test", "cli", "host-a")
BOB = Actor("Bob Admin", "bob-sub", "http://issuer.test", "rest", "127.0.0.2")


def publish_n(registry, result, count):
    return [publish_result(registry, result, "var").version for _ in range(count)]


def test_alias_set_resolve_move_delete_and_its_history(registry, macro_result):
    publish_n(registry, macro_result, 3)
    moved = registry.set_alias("var", "champion", "0.0.2", ALICE)
    assert moved.version == Version(0, 0, 2) and moved.previous is None and moved.revision == 1
    assert registry.resolve("var", "@champion") == Version(0, 0, 2)
    assert registry.load("var", "@champion").version == Version(0, 0, 2)
    again = registry.set_alias("var", "@champion", "latest", BOB)  # `latest` is resolved when the alias moves
    assert (again.version, again.previous, again.revision) == (Version(0, 0, 3), Version(0, 0, 2), 2)
    registry.set_alias("var", "staging", "0_0_1")
    assert [(a.alias, str(a.version)) for a in registry.aliases("var")] == [("champion", "0.0.3"), ("staging", "0.0.1")]
    registry.delete_alias("var", "staging", ALICE)
    assert [a.alias for a in registry.aliases("var")] == ["champion"]
    with pytest.raises(NotFoundError, match="no alias @staging"):
        registry.resolve("var", "@staging")
    with pytest.raises(NotFoundError, match="no alias @staging"):
        registry.delete_alias("var", "staging")
    alias_moves = [(r.action, r.alias, r.version, r.previous) for r in registry.history("var") if r.alias]
    assert alias_moves == [
        ("alias.delete", "staging", None, "0.0.1"),
        ("alias.set", "staging", "0.0.1", None),
        ("alias.set", "champion", "0.0.3", "0.0.2"),
        ("alias.set", "champion", "0.0.2", None),
    ]
    newest = registry.history("var")[-1]
    assert newest.action == "publish" and newest.version == "0.0.1"  # oldest last
    champion_moves = [r for r in registry.history("var") if r.alias == "champion"]
    assert champion_moves[0].actor == BOB and champion_moves[1].actor == ALICE
    # the helper folders never show up as versions or strays
    assert [entry.label for entry in registry.list_versions("var")] == ["0.0.3", "0.0.2", "0.0.1"]
    assert [entry.label for entry in registry.list_versions("var", verify=True)] == ["0.0.3", "0.0.2", "0.0.1"]


@pytest.mark.parametrize("bad", ["latest", "Champion", "1abc", "a/b", "", "x" * 41, "@"])
def test_alias_names_follow_one_rule(registry, macro_result, bad):
    publish_n(registry, macro_result, 1)
    with pytest.raises(InvalidInputError, match="alias"):
        registry.set_alias("var", bad, "0.0.1")


def test_an_alias_needs_an_existing_version(registry, macro_result):
    publish_n(registry, macro_result, 1)
    with pytest.raises(NotFoundError):
        registry.set_alias("var", "champion", "0.0.9")
    assert registry.aliases("var") == []


def test_withdrawal_moves_latest_back_and_keeps_the_version_loadable(registry, macro_result):
    publish_n(registry, macro_result, 3)
    registry.set_alias("var", "champion", "0.0.3")
    withdrawal = registry.withdraw("var", "0.0.3", "wrong data", ALICE)
    assert withdrawal.version == Version(0, 0, 3)
    assert registry.resolve_latest("var") == Version(0, 0, 2)
    assert Registry.from_settings(_settings(registry)).resolve_latest("var") == Version(0, 0, 2)  # fresh process
    explicit = registry.load("var", "0.0.3")  # still there, named explicitly
    assert explicit.version == Version(0, 0, 3)
    assert registry.withdrawal("var", Version(0, 0, 3)).reason == "wrong data"
    typed = registry.withdrawal("var", "0_0_3")  # a number as typed, as `withdraw` takes it
    assert typed is not None and typed == registry.withdrawal("var", "0.0.3")
    with pytest.raises(WithdrawnError, match=r"@champion of 'var' points at 0\.0\.3, which was withdrawn"):
        registry.resolve("var", "@champion")
    with pytest.raises(WithdrawnError):
        registry.set_alias("var", "staging", "0.0.3")
    with pytest.raises(ObjectExistsError, match="already withdrawn"):
        registry.withdraw("var", "0.0.3", "again")
    with pytest.raises(InvalidInputError, match="reason"):
        registry.withdraw("var", "0.0.2", "   ")
    assert publish_n(registry, macro_result, 1) == [Version(0, 0, 4)]  # the next publish moves latest on
    assert registry.resolve_latest("var") == Version(0, 0, 4)
    registry.withdraw("var", "0.0.4", "also wrong", BOB)
    registry.withdraw("var", "0.0.1", "old", BOB)  # not latest: latest stays
    assert registry.resolve_latest("var") == Version(0, 0, 2)
    registry.withdraw("var", "0.0.2", "last one", BOB)
    with pytest.raises(NotFoundError, match="every usable version of 'var' is withdrawn"):
        registry.resolve_latest("var")
    assert sorted(map(str, registry.withdrawals("var"))) == ["0.0.1", "0.0.2", "0.0.3", "0.0.4"]
    assert [r.action for r in registry.history("var")][:4] == ["withdraw"] * 3 + ["publish"]
    assert publish_n(registry, macro_result, 1) == [Version(0, 0, 5)]
    assert registry.resolve_latest("var") == Version(0, 0, 5)


def test_reindex_and_a_lost_pointer_never_land_on_a_withdrawn_version(registry, macro_result):
    publish_n(registry, macro_result, 2)
    registry.withdraw("var", "0.0.2", "bad")
    registry.store.replace("var/latest.json", b"garbage", registry.store.get("var/latest.json", 10**7).etag)
    assert Registry.from_settings(_settings(registry)).resolve_latest("var") == Version(0, 0, 1)
    registry.reindex("var")
    assert Registry.from_settings(_settings(registry)).resolve_latest("var") == Version(0, 0, 1)


def test_the_trail_records_publishes_with_their_actor_and_is_never_rewritten(registry, macro_result):
    publish_result(registry, macro_result, "var", actor=ALICE)
    publish_result(registry, macro_result, "var")
    trail = registry.history("var")
    assert [(r.action, r.version) for r in trail] == [("publish", "0.0.2"), ("publish", "0.0.1")]
    assert trail[1].actor == ALICE and trail[0].actor.name == "tester"
    artifact = registry.load("var", "0.0.1")
    assert artifact.author == "Alice Admin" and artifact.provenance["identity"]["subject"] == "alice-sub"
    with pytest.raises(ObjectExistsError):
        registry.store.create(trail[0].key, b"{}")  # a record can never be created twice
    assert [r.key for r in registry.history("var", limit=1)] == [trail[0].key]


def test_two_alias_moves_at_once_are_applied_one_after_the_other(store_settings, macro_result):
    registry = Registry.from_settings(store_settings)
    publish_n(registry, macro_result, 4)
    noops = []

    def mover(worker: int) -> None:
        own = Registry.from_settings(store_settings)  # each thread as its own process would be
        actor = Actor(f"worker {worker}", f"sub-{worker}", "http://issuer.test", "cli")
        for i in range(6):
            moved = own.set_alias("var", "champion", f"0.0.{(worker + i) % 4 + 1}", actor)
            noops.append(moved.unchanged)  # a move to the version it points at already stores nothing

    assert all_at_once(4, mover) == []
    final = registry.alias("var", "champion")
    count = 24 - sum(noops)  # the moves that changed it
    assert len(noops) == 24 and final.revision == count
    moves = {r.revision: r for r in registry.history("var") if r.alias == "champion"}
    # compare-and-swap applies the moves one after the other: every revision once, and each move
    # replaced exactly the version the move before it wrote (a lost update would break the chain)
    assert sorted(moves) == list(range(1, count + 1))
    assert moves[1].previous is None
    for revision in range(2, count + 1):
        assert moves[revision].previous == moves[revision - 1].version != moves[revision].version
    assert str(final.version) == moves[count].version


def test_a_withdrawal_racing_publishes_never_leaves_latest_on_a_withdrawn_version(store_settings, macro_result):
    registry = Registry.from_settings(store_settings)
    publish_n(registry, macro_result, 2)
    for round_ in range(4):
        newest = registry.resolve_latest("var")
        older = Version(newest.major, newest.minor, newest.patch - 1)
        # a publish and a withdrawal of the newest at once; then either another publish or a second
        # withdrawal (of the version `latest` would fall back to) joins them
        jobs = [("publish", None), ("withdraw", newest), ("withdraw", older) if round_ % 2 else ("publish", None)]
        errors = _run_at_once(store_settings, macro_result, jobs, f"round {round_}")
        assert errors == []
        withdrawn = set(registry.withdrawals("var"))
        fresh = Registry.from_settings(store_settings)
        latest = fresh.resolve_latest("var")
        assert latest not in withdrawn
        usable = [e.version for e in fresh.list_versions("var") if e.ok and e.version not in withdrawn]
        assert latest == max(usable)


def _run_at_once(store_settings, macro_result, jobs, reason) -> list[Exception]:
    barrier = threading.Barrier(len(jobs))
    errors: list[Exception] = []

    def run(job, version) -> None:
        own = Registry.from_settings(store_settings)  # each thread as its own process would be
        barrier.wait()
        try:
            if job == "publish":
                publish_result(own, macro_result, "var")
            else:
                own.withdraw("var", version, reason)
        except Exception as exc:  # noqa: BLE001 - reported by the caller's assertion
            errors.append(exc)

    threads = [threading.Thread(target=run, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return errors


def _settings(registry):
    return registry._test_settings


@pytest.fixture(autouse=True)
def _remember_settings(monkeypatch, store_settings):
    original = Registry.from_settings.__func__

    def from_settings(cls, settings=None):
        made = original(cls, settings)
        made._test_settings = settings
        return made

    monkeypatch.setattr(Registry, "from_settings", classmethod(from_settings))
