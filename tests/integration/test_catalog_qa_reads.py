"""QA of the team features, listings, reindex and hints (both stores): gone versions were listed last, not in
their place; a reindex quietly put `latest` back on a version whose withdrawal record was deleted by hand; some
hints named what could not be done (an alias at a withdrawn version), a move of `latest` that did not happen, or
the CLI to a REST caller."""

from __future__ import annotations

import json
import logging

import pytest

from tests.api.local_store import local_client
from tests.conftest import cli_store
from tests.integration.test_damaged_listings import overwrite
from tests.integration.test_objects_changed_by_hand import _delete
from varlib import NotFoundError, Registry, publish_result
from varlib.cli import main


@pytest.fixture
def race(store_settings, macro_result, monkeypatch) -> Registry:
    """`race` 0.0.1-0.0.4, and the CLI's environment on the same store."""
    return cli_store(store_settings, monkeypatch, macro_result, "race", 4)


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_gone_versions_are_listed_in_their_place_newest_first(race, store_settings, capsys):
    _delete(race.store, "race/0_0_4/model.json")
    _delete(race.store, "race/0_0_2/model.json")
    newest_first = ["0.0.4", "0.0.3", "0.0.2", "0.0.1"]
    fresh = Registry.from_settings(store_settings)
    assert [entry.label for entry in fresh.list_versions("race", verify=True)] == newest_first  # gone, not removed
    fresh.reindex("race")
    for verify in (False, True):
        listed = fresh.list_versions("race", verify=verify)
        assert [(entry.label, entry.gone) for entry in listed] == [
            ("0.0.4", True),
            ("0.0.3", False),
            ("0.0.2", True),
            ("0.0.1", False),
        ]
    code, out, _ = cli(capsys, "list", "--name", "race", "--json")
    assert code == 0 and [row["version"] for row in json.loads(out)] == newest_first
    overwrite(race, "race/0_0_3/notes.txt", b"a stray")  # outside the naming pattern: still last
    listed = [entry.label for entry in fresh.list_versions("race", verify=True)]
    assert listed == [*newest_first, "race/0_0_3/notes.txt"]


def test_reindex_makes_a_withdrawal_the_store_lost_again_from_the_trail(race, store_settings, capsys, caplog):
    withdrawn = race.withdraw("race", "0.0.4", "oops")
    _delete(race.store, "race/_withdrawn/0_0_4.json")  # by hand: the trail still says `withdraw 0.0.4 oops`
    fresh = Registry.from_settings(store_settings)
    with caplog.at_level(logging.INFO, logger="varlib"):
        done = fresh.reindex("race")
    assert [(str(w.version), w.reason) for w in done.restored] == [("0.0.4", "oops")]
    assert "race 0.0.4: its withdrawal record race/_withdrawn/0_0_4.json was missing" in caplog.text
    assert done.latest is not None and str(done.latest) == "0.0.3"  # not back on the withdrawn version
    again = Registry.from_settings(store_settings).withdrawal("race", "0.0.4")
    assert again == withdrawn  # its reason, time and withdrawer, from the trail
    assert [record.action for record in fresh.history("race")][:2] == ["withdraw", "publish"]  # no record more
    assert fresh.reindex("race").restored == () and fresh.restore_trail("race") == []
    _delete(race.store, "race/_withdrawn/0_0_4.json")
    code, out, _ = cli(capsys, "reindex", "--name", "race")
    assert code == 0 and str(Registry.from_settings(store_settings).resolve_latest("race")) == "0.0.3"
    assert "restored the withdrawal of race 0.0.4 from the audit trail (oops)" in out  # said, not only logged
    assert Registry.from_settings(store_settings).withdrawal("race", "0.0.4") == withdrawn


def test_alias_set_latest_with_every_version_withdrawn_says_what_an_alias_can_do(race, store_settings):
    for patch in (4, 3, 2, 1):
        race.withdraw("race", f"0.0.{patch}", "all out")
    with pytest.raises(NotFoundError) as refused:
        Registry.from_settings(store_settings).set_alias("race", "a", "latest")
    said = refused.value.message
    assert said.startswith("every usable version of 'race' is withdrawn (4 withdrawals)")
    assert "an alias cannot point at a withdrawn version: publish a new one" in said
    assert "name a withdrawn version explicitly" not in said  # which an alias cannot do
    with pytest.raises(NotFoundError, match="or name a withdrawn version explicitly"):
        Registry.from_settings(store_settings).load("race", "latest")  # a read can


def test_withdraw_says_latest_moved_only_when_it_did(race, capsys):
    code, out, _ = cli(capsys, "withdraw", "0.0.2", "--reason", "not the latest", "--name", "race")
    assert code == 0 and out == "withdrew race 0.0.2: not the latest; `latest` stays 0.0.4\n"
    code, out, _ = cli(capsys, "withdraw", "0.0.4", "--reason", "the latest", "--name", "race")
    assert code == 0 and out == "withdrew race 0.0.4: the latest; `latest` is now 0.0.3 (was 0.0.4)\n"
    cli(capsys, "withdraw", "0.0.1", "--reason", "old", "--name", "race")
    code, out, _ = cli(capsys, "withdraw", "0.0.3", "--reason", "last", "--name", "race")
    assert out == "withdrew race 0.0.3: last; `latest` is now none (every version is withdrawn) (was 0.0.3)\n"


def test_a_damaged_alias_is_worded_for_every_caller_and_the_cli_adds_its_commands(race, capsys):
    race.set_alias("race", "dmg", "0.0.1")
    overwrite(race, "race/_aliases/dmg.json", b"xx")
    damaged = race.aliases("race")[0].damaged
    assert damaged == (
        "alias @dmg of 'race' (race/_aliases/dmg.json) is damaged (not a readable alias object); set it again or"
        " delete it: either replaces the damaged object"
    )
    code, out, _ = cli(capsys, "alias", "list", "--name", "race")
    fix = "(`varlib alias set dmg VERSION --name race` or `varlib alias delete dmg --name race`)"
    assert code == 0 and f"⚠ {damaged} {fix}\n" in out


def test_the_rest_alias_listing_names_no_cli_command(tmp_path, macro_result, local_settings):
    registry = Registry.from_settings(local_settings)
    publish_result(registry, macro_result, "var")
    registry.set_alias("var", "dmg", "0.0.1")
    overwrite(registry, "var/_aliases/dmg.json", b"xx")
    for client in local_client(local_settings):
        rows = client.get("/models/var/aliases").json()
        assert rows[0]["damaged"].endswith("set it again or delete it: either replaces the damaged object")
        assert "varlib" not in rows[0]["damaged"]
