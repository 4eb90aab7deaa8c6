"""On both stores: an oversized alias object is replaced by `alias set` (its compare-and-swap takes the ETag
its listing gives, as the body is never read), an oversized withdrawal record still withdraws, and six
deletes of one alias at once delete it once."""

from __future__ import annotations

import threading

from varlib import Actor, Registry, publish_result
from varlib.errors import NotFoundError
from varlib.versions import Version

ADA = Actor("Ada Admin", "ada", "http://issuer.test", "cli", "host-a")


def test_oversized_alias_and_withdrawal_objects_are_damaged_records(registry, macro_result):
    for _ in range(2):
        publish_result(registry, macro_result, "var")
    registry.store.create("var/_aliases/big.json", b" " * 70_000)
    registry.store.create("var/_withdrawn/0_0_1.json", b" " * 70_000)
    assert registry.set_alias("var", "big", "0.0.2", ADA).revision == 1
    assert registry.resolve("var", "@big") == Version(0, 0, 2)
    assert registry.withdrawals("var")[Version(0, 0, 1)].damaged
    assert registry.reindex("var").latest == Version(0, 0, 2)


def test_six_deletes_of_one_alias_at_once_delete_it_once(registry, store_settings, macro_result):
    publish_result(registry, macro_result, "var")
    registry.set_alias("var", "ee", "0.0.1", ADA)
    registries = [Registry.from_settings(store_settings) for _ in range(6)]
    everyone = threading.Barrier(6, timeout=30)
    results: list[str] = []

    def delete(other: Registry) -> None:
        everyone.wait()
        try:
            results.append(f"deleted, was {other.delete_alias('var', 'ee', ADA).previous}")
        except NotFoundError as exc:
            results.append(str(exc))

    threads = [threading.Thread(target=delete, args=(other,)) for other in registries]
    [thread.start() for thread in threads]
    [thread.join() for thread in threads]
    assert (
        sorted(results)
        == ["deleted, was 0.0.1"] + ["model 'var' has no alias @ee; `varlib alias list --name var` lists them"] * 5
    )
    assert [r.previous for r in registry.history("var") if r.action == "alias.delete"] == ["0.0.1"]
