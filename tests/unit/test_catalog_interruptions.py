"""Withdrawals and alias moves cut off by a store that dies right after their write say what is stored and
what completes the rest; a retried withdrawal completes it; concurrent deletes of one alias delete it once;
oversized withdrawal and alias objects are damaged records, not a broken model; strays in the audit folder
do not break paging. The interruption is a test double around the real local store; the rest is real."""

from __future__ import annotations

import threading

import pytest

from varlib import Actor, ModelSpec, Registry, Settings, load_dataset, publish_result, train_model
from varlib.errors import NotFoundError, ObjectExistsError, StoreUnavailableError, WithdrawnError
from varlib.versions import Version

ADA = Actor("Ada Admin", "ada", "http://issuer.test", "cli", "host-a")
AWAY = "MinIO at 127.0.0.1:9 is unreachable (connection refused)"


class DyingStore:
    """The real store, which stops answering right after (or, with `before`, instead of) the first write whose
    key holds `marker`, until `revive()`."""

    def __init__(self, real, marker: str, before: bool = False) -> None:
        self.real, self.marker, self.before, self.dead = real, marker, before, False

    def __getattr__(self, attribute):
        method = getattr(self.real, attribute)
        if not callable(method):
            return method

        def call(*args, **kwargs):
            if self.dead:
                raise StoreUnavailableError(AWAY, endpoint="127.0.0.1:9")
            dies = attribute in ("create", "replace") and self.marker in args[0]
            if dies and self.before:
                self.dead = True
                raise StoreUnavailableError(AWAY, endpoint="127.0.0.1:9")
            answer = method(*args, **kwargs)
            self.dead = dies
            return answer

        return call

    def revive(self) -> None:
        self.marker, self.dead = "\0", False  # answers again, and dies no more


@pytest.fixture
def two(local_settings, macro_result) -> Registry:
    registry = Registry.from_settings(local_settings)
    for _ in range(2):
        publish_result(registry, macro_result, "var")
    return registry


def _dying(local_settings, marker: str, before: bool = False) -> tuple[Registry, DyingStore]:
    store = DyingStore(Registry.from_settings(local_settings).store, marker, before)
    return Registry(store, author="tester"), store  # type: ignore[arg-type]


def _withdraws(registry: Registry) -> list:
    return [r for r in registry.history("var") if r.action == "withdraw"]


def test_a_withdrawal_cut_off_after_its_record_says_it_is_stored_and_a_retry_completes_it(two, local_settings):
    registry, store = _dying(local_settings, "/_withdrawn/")
    with pytest.raises(StoreUnavailableError) as caught:
        registry.withdraw("var", "0.0.2", "wrong file", ADA)
    said = str(caught.value)
    assert said.startswith(
        f"var 0.0.2 is withdrawn (its withdrawal is stored), but moving `latest` off it failed: {AWAY}; once the"
        " store answers, `varlib reindex --name var`"
    )
    assert (caught.value.field, caught.value.value, caught.value.endpoint) == ("version", "0.0.2", "127.0.0.1:9")
    store.revive()
    assert registry.resolve("var", "latest") == Version(0, 0, 1)  # this process knows: never the withdrawn one
    assert _withdraws(registry) == []  # the state the cut-off left

    retry = Registry.from_settings(local_settings)  # another process: nothing cached
    with pytest.raises(ObjectExistsError, match="already withdrawn.*its audit record was missing and is written now"):
        retry.withdraw("var", "0.0.2", "again", ADA)
    assert Registry.from_settings(local_settings).resolve("var", "latest") == Version(0, 0, 1)
    [record] = _withdraws(Registry.from_settings(local_settings))
    assert (record.version, record.reason, record.actor.subject) == ("0.0.2", "wrong file", "ada")  # the first's
    assert record.restored
    with pytest.raises(ObjectExistsError) as again:
        retry.withdraw("var", "0.0.2", "again", ADA)
    assert "written now" not in str(again.value)  # complete: nothing more to write
    assert retry.restore_trail("var") == [] and len(_withdraws(retry)) == 1  # reindex finds it complete too


def test_a_withdrawal_cut_off_during_its_write_says_it_may_be_stored(two, local_settings):
    registry, _ = _dying(local_settings, "/_withdrawn/", before=True)
    with pytest.raises(StoreUnavailableError) as caught:
        registry.withdraw("var", "0.0.2", "wrong file", ADA)
    assert str(caught.value) == (
        f"{AWAY}; the withdrawal of var 0.0.2 may have been stored before the store stopped answering: withdraw"
        " 0.0.2 again once the store answers (a stored withdrawal is completed, not repeated)"
    )


def test_alias_moves_cut_off_after_their_write_say_the_alias_moved(two, local_settings):
    two.set_alias("var", "prod", "0.0.1", ADA)
    registry, store = _dying(local_settings, "/_aliases/prod.json")
    with pytest.raises(StoreUnavailableError) as caught:
        registry.set_alias("var", "prod", "0.0.2", ADA)
    assert str(caught.value).startswith(
        "the alias @prod of 'var' now points at 0.0.2 (it pointed at 0.0.1), but recording the move in the audit"
        f" trail failed: {AWAY}; once the store answers, `varlib reindex --name var` records it in the audit trail"
    )
    store.revive()
    assert two.resolve("var", "@prod") == Version(0, 0, 2)
    store.marker = "/_aliases/prod.json"
    with pytest.raises(StoreUnavailableError) as caught:
        registry.delete_alias("var", "prod", ADA)
    assert str(caught.value).startswith(
        f"the alias @prod of 'var' is deleted (it pointed at 0.0.2), but recording the deletion in the audit trail"
        f" failed: {AWAY}; once the store answers, `varlib reindex --name var` records it"
    )
    assert [(r.action, r.revision) for r in two.restore_trail("var")] == [("alias.delete", 3)]


def test_concurrent_deletes_of_one_alias_delete_it_once(two, local_settings):
    two.set_alias("var", "ee", "0.0.1", ADA)
    everyone = threading.Barrier(6, timeout=30)
    waited = threading.local()

    class Together(DyingStore):
        """Every deleter writes only once all have read the alias: the race, every time."""

        def replace(self, key, data, etag):
            if not getattr(waited, "done", False):
                waited.done = True
                everyone.wait()
            return self.real.replace(key, data, etag)

    results: list[str] = []
    registries = [Registry(Together(Registry.from_settings(local_settings).store, "\0")) for _ in range(6)]  # type: ignore[arg-type]

    def delete(registry: Registry) -> None:
        try:
            results.append(f"deleted, was {registry.delete_alias('var', 'ee', ADA).previous}")
        except NotFoundError as exc:
            results.append(str(exc))

    threads = [threading.Thread(target=delete, args=(registry,)) for registry in registries]
    [thread.start() for thread in threads]
    [thread.join() for thread in threads]
    assert (
        sorted(results)
        == ["deleted, was 0.0.1"] + ["model 'var' has no alias @ee; `varlib alias list --name var` lists them"] * 5
    )
    assert [r.previous for r in two.history("var") if r.action == "alias.delete"] == ["0.0.1"]


def test_an_oversized_withdrawal_record_is_a_damaged_withdrawal(two):
    two.store.create("var/_withdrawn/0_0_1.json", b" " * 70_000)
    [gone] = two.withdrawals("var").values()
    assert gone.version == Version(0, 0, 1) and "over the 65,536-byte limit" in (gone.damaged or "")
    assert [e.version for e in two.list_versions("var")] == [Version(0, 0, 2), Version(0, 0, 1)]
    assert two.resolve("var", "latest") == Version(0, 0, 2) and two.aliases("var") == []
    assert two.reindex("var").latest == Version(0, 0, 2)
    with pytest.raises(ObjectExistsError, match="already withdrawn"):  # still withdrawn
        two.withdraw("var", "0.0.1", "again", ADA)
    two.withdraw("var", "0.0.2", "wrong file", ADA)
    with pytest.raises(NotFoundError, match=r"every usable version of 'var' is withdrawn \(2 withdrawals\); publish"):
        two.resolve("var", "latest")


def test_setting_an_oversized_alias_replaces_it(two):
    two.store.create("var/_aliases/big.json", b" " * 70_000)
    [listed] = two.aliases("var")
    assert listed.alias == "big" and "over 65,536 bytes" in (listed.damaged or "")
    moved = two.set_alias("var", "big", "0.0.1", ADA)
    assert (moved.version, moved.previous, moved.revision) == (Version(0, 0, 1), None, 1)
    assert two.resolve("var", "@big") == Version(0, 0, 1)


def test_a_stray_object_in_the_audit_folder_does_not_break_paging(two):
    two.store.create("var/_audit/not-a-record.json", b"{}")
    every = two.history("var")
    assert [r.action for r in every] == ["publish", "publish"] and not any(r.damaged for r in every)
    pages = [two.history("var", 1)]
    while page := two.history("var", 1, before=pages[-1][0].key):
        pages.append(page)
    assert [page[0].key for page in pages] == [r.key for r in every]


def test_an_alias_set_to_an_alias_of_a_withdrawn_version_is_told_to_name_one_in_use(tmp_path):
    registry = Registry.from_settings(Settings(store_dir=tmp_path))
    result = train_model(load_dataset(), ModelSpec(("realgdp", "realcons"), lags=1, holdout=0))
    for _ in range(3):
        publish_result(registry, result, "var")
    registry.set_alias("var", "staging", "0.0.2")
    registry.withdraw("var", "0.0.2", "leaky holdout", Actor.local("t"))
    with pytest.raises(WithdrawnError) as refused:
        registry.set_alias("var", "prod", "@staging")
    # naming 0.0.2 itself is refused as well, so the message may not suggest it
    assert refused.value.message.endswith("an alias cannot point at it: name one in use")
    assert "explicitly" not in refused.value.message and registry.alias("var", "prod") is None


def test_a_scenario_save_cut_off_after_its_write_says_it_is_saved(two, local_settings):
    """It said only the store's error, so a retry was refused as 'already exists' for a save reported failed."""
    from varlib import make_scenario

    registry, store = _dying(local_settings, "/_scenarios/")
    with pytest.raises(StoreUnavailableError) as caught:
        registry.save_scenario(make_scenario(two.load("var", "0.0.2"), "cut", 2), ADA)
    assert str(caught.value).startswith(
        "scenario 'cut' of var 0.0.2 is saved, but recording it in the audit trail failed:"
        f" {AWAY}; once the store answers, `varlib reindex --name var` records it in the audit trail"
    )
    assert (caught.value.field, caught.value.value) == ("scenario", "cut")
    store.revive()
    assert [(r.action, r.scenario) for r in two.restore_trail("var")] == [("scenario.save", "cut")]
    registry, _ = _dying(local_settings, "/_scenarios/", before=True)
    with pytest.raises(StoreUnavailableError) as caught:
        registry.save_scenario(make_scenario(two.load("var", "0.0.2"), "cut-2", 2), ADA)
    assert str(caught.value) == (
        f"{AWAY}; scenario 'cut-2' of var 0.0.2 may have been stored before the store stopped answering: open it"
        " (`varlib scenario show cut-2 0.0.2 --name var`); if it is not there, save it again"
    )
