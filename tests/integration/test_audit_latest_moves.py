"""The audit trail says where `latest` went, on both stores: a withdrawal of the version `latest` named, a publish
(the `latest` it replaced) and a reindex that moved `latest` itself (`latest.move`, recorded only when it moved
it), with the actor and channel as other records have them; records written before these fields still load and
show. The CLI's `history` shows the move, pages with `--before` and caps `--limit` as REST does."""

import json

import orjson
import pytest

from tests.api.local_store import local_client
from tests.conftest import point_cli_at
from varlib import Actor, Registry, Settings, cli, publish_result
from varlib.catalog.layout import AUDIT_FOLDER, helper_prefix
from varlib.catalog.withdrawals import Withdrawal, create_withdrawal
from varlib.versions import Version

ALICE = Actor("Alice Admin", "alice-sub", "http://issuer.test", "rest", "10.0.0.7")


def _publish(registry, result, count):
    return [publish_result(registry, result, "var").version for _ in range(count)]


def _moves(registry):
    return [(r.action, r.version, r.latest_before, r.latest_after) for r in registry.history("var")]


def test_a_withdrawal_of_the_latest_version_says_where_latest_went(registry, macro_result):
    _publish(registry, macro_result, 3)
    registry.withdraw("var", "0.0.1", "not latest", ALICE)  # `latest` stays on 0.0.3: no move recorded
    registry.withdraw("var", "0.0.3", "bad holdout", ALICE)
    registry.withdraw("var", "0.0.2", "the last one", ALICE)  # nothing is left for `latest`
    assert _moves(registry)[:3] == [
        ("withdraw", "0.0.2", "0.0.2", None),
        ("withdraw", "0.0.3", "0.0.3", "0.0.2"),
        ("withdraw", "0.0.1", None, None),
    ]
    newest, moved, still = registry.history("var")[:3]
    assert moved.actor == ALICE and moved.latest_move() == "0.0.3 → 0.0.2"
    assert newest.latest_move() == "0.0.2 → none"
    assert (moved.to_dict()["latest_before"], moved.to_dict()["latest_after"]) == ("0.0.3", "0.0.2")
    assert "latest_before" not in still.to_dict() and still.latest_move() == ""  # it moved nothing


def test_a_publish_names_the_latest_it_replaced(registry, macro_result):
    _publish(registry, macro_result, 2)
    registry.withdraw("var", "0.0.2", "bad", ALICE)  # `latest` back on 0.0.1
    publish_result(registry, macro_result, "var", actor=ALICE)
    assert [m for m in _moves(registry) if m[0] == "publish"] == [
        ("publish", "0.0.3", "0.0.1", "0.0.3"),
        ("publish", "0.0.2", "0.0.1", "0.0.2"),
        ("publish", "0.0.1", None, "0.0.1"),  # the first version: `latest` named none before
    ]
    assert registry.history("var")[0].actor == ALICE


def _truncate(store, version: Version) -> None:
    key = f"var/{version.key}/model.json"
    stored = store.get(key, 10**7)
    store.replace(key, stored.data[: len(stored.data) // 2], stored.etag)


def test_reindex_records_its_move_of_latest_off_a_damaged_version_and_nothing_when_none(
    registry, store_settings, macro_result
):
    _publish(registry, macro_result, 3)
    trail = len(registry.history("var"))
    Registry.from_settings(store_settings).reindex("var", ALICE)  # `latest` is where it belongs: no record
    assert len(registry.history("var")) == trail
    _truncate(registry.store, Version(0, 0, 3))
    done = Registry.from_settings(store_settings).reindex("var", ALICE)
    assert (done.latest, done.latest_before) == (Version(0, 0, 2), Version(0, 0, 3))
    record = registry.history("var")[0]
    assert (record.action, record.latest_before, record.latest_after) == ("latest.move", "0.0.3", "0.0.2")
    assert record.actor == ALICE and record.reason == "0.0.3 does not load" and record.version is None
    Registry.from_settings(store_settings).reindex("var", ALICE)  # nothing left to move
    assert len(registry.history("var")) == trail + 1


def test_reindex_records_its_move_of_latest_off_a_withdrawn_version(registry, store_settings, macro_result):
    _publish(registry, macro_result, 2)
    # a withdrawal cut off after its record was stored: `latest` still on it, no audit record yet
    create_withdrawal(registry.store, Withdrawal("var", Version(0, 0, 2), "cut off", "2026-01-01T00:00:00Z", ALICE))
    fresh = Registry.from_settings(store_settings)
    fresh.reindex("var")  # the library's own actor by default
    record = fresh.history("var")[0]
    assert (record.action, record.latest_before, record.latest_after) == ("latest.move", "0.0.2", "0.0.1")
    assert record.reason == "0.0.2 is withdrawn" and record.actor.via == "library"


def test_records_written_before_the_move_fields_still_load_and_show(
    registry, store_settings, macro_result, capsys, monkeypatch
):
    _publish(registry, macro_result, 1)
    old = {  # a withdrawal record as earlier versions wrote it
        "format": "varlib-audit",
        "at": "2026-01-01T00:00:00.000000Z",
        "action": "withdraw",
        "name": "var",
        "version": "0.0.9",
        "alias": None,
        "previous": None,
        "reason": "old",
        "revision": None,
        "restored": None,
        "actor": ALICE.to_dict(),
    }
    key = f"{helper_prefix('var', AUDIT_FOLDER)}20260101T000000.000000Z-0a1b2c3d.json"
    registry.store.create(key, orjson.dumps(old))
    record = registry.history("var")[-1]
    assert (record.key, record.damaged, record.moved_latest, record.latest_move()) == (key, None, False, "")
    assert "latest_before" not in record.to_dict()
    point_cli_at(store_settings, monkeypatch)
    assert cli.main(["history", "--name", "var"]) == 0
    out = capsys.readouterr().out
    assert "old" in out and "none → 0.0.1" in out


@pytest.fixture
def cli_store(store_settings, monkeypatch, macro_result):
    registry = Registry.from_settings(store_settings)
    _publish(registry, macro_result, 3)
    point_cli_at(store_settings, monkeypatch)
    return registry


def _run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_history_shows_the_moves_and_pages_with_before(cli_store, capsys):
    assert _run(capsys, "withdraw", "0.0.3", "--reason", "bad holdout", "--name", "var")[0] == 0
    code, out, _ = _run(capsys, "history", "--name", "var")
    header, withdrawal = out.splitlines()[:2]
    assert code == 0 and "latest" in header.split() and "0.0.3 → 0.0.2" in withdrawal
    code, out, _ = _run(capsys, "history", "--name", "var", "--json", "--limit", "2")
    first = json.loads(out)
    assert [(r["action"], r.get("latest_before"), r.get("latest_after")) for r in first] == [
        ("withdraw", "0.0.3", "0.0.2"),
        ("publish", "0.0.2", "0.0.3"),
    ]
    code, out, _ = _run(capsys, "history", "--name", "var", "--json", "--limit", "2", "--before", first[-1]["key"])
    assert code == 0 and [r["version"] for r in json.loads(out)] == ["0.0.2", "0.0.1"]
    code, out, _ = _run(capsys, "history", "--name", "var", "--limit", "2")
    assert out.splitlines()[-1] == f"next page: `varlib history --name var --limit 2 --before {first[-1]['key']}`"
    code, _, err = _run(capsys, "history", "--name", "var", "--before", first[-1]["key"].replace(".json", ".txt"))
    assert code == 2 and "is not the key of a record" in err


def test_cli_history_caps_limit_as_rest_does(cli_store, capsys):
    code, out, err = _run(capsys, "history", "--name", "var", "--limit", "100000")
    assert code == 2 and out == ""
    assert "--limit 100000 is more than 1000, the most records one page lists: page on with --before" in err
    code, out, _ = _run(capsys, "history", "--name", "var", "--limit", "1000", "--json")
    assert code == 0 and len(json.loads(out)) == 3


def test_rest_history_rows_carry_the_move(tmp_path, macro_result):
    settings = Settings(store_dir=tmp_path, author="api-test")
    registry = Registry.from_settings(settings)
    _publish(registry, macro_result, 2)
    registry.withdraw("var", "0.0.2", "bad", ALICE)
    for client in local_client(settings):
        rows = client.get("/models/var/history").json()
        assert [(r["action"], r.get("latest_before"), r.get("latest_after")) for r in rows] == [
            ("withdraw", "0.0.2", "0.0.1"),
            ("publish", "0.0.1", "0.0.2"),
            ("publish", None, "0.0.1"),
        ]
