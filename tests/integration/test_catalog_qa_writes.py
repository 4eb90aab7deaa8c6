"""QA of the team features, writes (both stores): a process that had a version cached kept moving aliases to it,
saving scenarios on it and withdrawing it after its object was deleted from the store; a damaged alias could not
be deleted nor a damaged version withdrawn."""

from __future__ import annotations

import json

import pytest

from tests.api.local_store import local_client
from tests.conftest import cli_store
from tests.integration.test_damaged_listings import overwrite
from tests.integration.test_objects_changed_by_hand import _delete
from varlib import Actor, NotFoundError, Registry, make_scenario, publish_result
from varlib.cli import main

ADMIN = Actor("admin", "sub-admin", via="rest")


@pytest.fixture
def race(store_settings, macro_result, monkeypatch) -> Registry:
    """`race` 0.0.1-0.0.3, and the CLI's environment on the same store."""
    return cli_store(store_settings, monkeypatch, macro_result, "race", 3)


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_each_write_checks_the_store_not_this_processs_cache(race, store_settings, capsys):
    cached = race.load("race", "0.0.2")  # this process keeps it: versions never change
    _delete(race.store, "race/0_0_2/model.json")  # but one can be deleted behind the product's back
    Registry.from_settings(store_settings).reindex("race")  # and its removal recorded, as in the QA report
    assert race.load("race", "0.0.2") is cached  # a read of a pinned version may keep its cache
    with pytest.raises(NotFoundError) as fresh:
        Registry.from_settings(store_settings).set_alias("race", "r", "0.0.2")
    words = fresh.value.message
    assert words.startswith("race 0.0.2 does not exist")
    refusals = [
        lambda: race.set_alias("race", "r", "0.0.2"),
        lambda: race.save_scenario(make_scenario(cached, "hold", 2)),
        lambda: race.withdraw("race", "0.0.2", "too late"),
    ]
    for write in refusals:
        with pytest.raises(NotFoundError) as refused:
            write()
        assert refused.value.message == words  # the CLI's words, from the process that had it cached
    assert race.aliases("race") == [] and race.withdrawals("race") == {} and race.scenarios("race", "0.0.2") == []
    for argv in (("alias", "set", "r", "0.0.2"), ("withdraw", "0.0.2", "--reason", "x")):
        code, _, err = cli(capsys, *argv, "--name", "race")
        assert code == 1 and err == f"error: {words}\n"


def test_the_rest_service_refuses_a_version_deleted_after_it_loaded_it(tmp_path, macro_result, local_settings):
    registry = Registry.from_settings(local_settings)
    for _ in range(2):
        publish_result(registry, macro_result, "var")
    for client in local_client(local_settings, actor=ADMIN):
        assert client.get("/models/var/versions/0.0.1").status_code == 200  # loaded: in the service's cache
        _delete(registry.store, "var/0_0_1/model.json")
        answers = [
            client.put("/models/var/aliases/r", json={"version": "0.0.1"}),
            client.put("/models/var/versions/0.0.1/scenarios/hold", json={"steps": 2}),
            client.post("/models/var/versions/0.0.1/withdraw", json={"reason": "x"}),
        ]
        assert [answer.status_code for answer in answers] == [404, 404, 404]
        # the CLI's refusal, with the service's own way to list the versions
        said = {answer.json()["error"] for answer in answers}
        assert said == {"var 0.0.1 does not exist; GET /models/var/versions lists the versions"}
        assert client.get("/models/var/aliases").json() == []


def test_a_damaged_alias_can_be_deleted_and_the_deletion_is_recorded(race, store_settings, capsys):
    race.set_alias("race", "keep", "0.0.1")
    race.set_alias("race", "dmg", "0.0.2")
    overwrite(race, "race/_aliases/dmg.json", b"xx")
    fresh = Registry.from_settings(store_settings)
    deleted = fresh.delete_alias("race", "@dmg", Actor.local("admin"))
    assert (deleted.version, deleted.previous, deleted.revision) == (None, None, 1)
    assert [(a.alias, str(a.version), a.damaged) for a in fresh.aliases("race")] == [("keep", "0.0.1", None)]
    record = fresh.history("race")[0]
    assert (record.action, record.alias, record.previous, record.actor.name) == ("alias.delete", "dmg", None, "admin")
    with pytest.raises(NotFoundError, match="has no alias @dmg"):  # once only: it is deleted now
        fresh.delete_alias("race", "dmg")
    assert fresh.restore_trail("race") == []  # its record matches the tombstone: nothing to restore
    fresh.set_alias("race", "dmg", "0.0.3")  # and it can be set again, on from the tombstone's count
    assert fresh.alias("race", "dmg").revision == 2
    overwrite(race, "race/_aliases/dmg.json", b"xx")
    code, out, _ = cli(capsys, "alias", "delete", "dmg", "--name", "race")
    assert code == 0 and out == "deleted @dmg of 'race' (was a damaged alias object)\n"
    assert [a.alias for a in fresh.aliases("race")] == ["keep"]


def test_a_damaged_version_can_be_withdrawn_and_nothing_else_changes(race, store_settings, capsys):
    overwrite(race, "race/0_0_3/model.json", b'{"x":1}')  # the newest, which `latest` names
    overwrite(race, "race/0_0_2/model.json", b'{"x":1}')
    fresh = Registry.from_settings(store_settings)
    withdrawn = fresh.withdraw("race", "0.0.3", "dmg", Actor.local("admin"))
    assert withdrawn.latest_move == ("0.0.3", "0.0.1")  # off the damaged 0.0.2 too: it does not load
    assert fresh.resolve_latest("race").patch == 1 and fresh.withdrawal("race", "0.0.3").reason == "dmg"
    record = fresh.history("race")[0]
    assert (record.action, record.version, record.reason, record.latest_after) == ("withdraw", "0.0.3", "dmg", "0.0.1")
    assert race.store.get("race/0_0_3/model.json", 10**6).data == b'{"x":1}'  # the damaged object is left as it is
    code, out, _ = cli(capsys, "withdraw", "0.0.2", "--reason", "dmg too", "--name", "race")
    assert code == 0 and out == "withdrew race 0.0.2: dmg too; `latest` stays 0.0.1\n"
    assert race.store.get("race/0_0_2/model.json", 10**6).data == b'{"x":1}'
    code, out, _ = cli(capsys, "list", "--name", "race", "--json")
    assert [(row["version"], row["withdrawn"] is not None) for row in json.loads(out)] == [
        ("0.0.3", True),
        ("0.0.2", True),
        ("0.0.1", False),
    ]
