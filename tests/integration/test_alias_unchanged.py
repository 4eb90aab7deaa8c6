"""Moving an alias to the version it points at already changes nothing: no new revision, no audit record, on both
stores, through the library and the CLI (which says so, and that a reason given was not kept); decided in the
compare-and-swap, so of moves to one version at once exactly one is recorded."""

from __future__ import annotations

from tests.support.together import all_at_once
from varlib import Actor, Registry, publish_result
from varlib.cli import main
from varlib.versions import Version
from varlib.wording import utc_time

ALICE = Actor("Alice Admin", "alice-sub", "http://issuer.test", "cli", "host-a")
BOB = Actor("Bob Admin", "bob-sub", "http://issuer.test", "rest", "127.0.0.2")


def _alias_records(registry: Registry) -> list[tuple]:
    return [(r.action, r.alias, r.version, r.previous, r.actor.name) for r in registry.history("var") if r.alias]


def test_a_move_to_the_version_it_points_at_stores_and_records_nothing(registry, macro_result):
    publish_result(registry, macro_result, "var")
    moved = registry.set_alias("var", "champion", "0.0.1", ALICE)
    assert not moved.unchanged and moved.revision == 1
    again = registry.set_alias("var", "champion", "0.0.1", BOB)
    assert again.unchanged
    # the alias as stored: its revision, time and mover are the first move's
    assert (again.version, again.revision, again.at, again.actor) == (Version(0, 0, 1), 1, moved.at, ALICE)
    assert registry.alias("var", "champion").revision == 1
    assert _alias_records(registry) == [("alias.set", "champion", "0.0.1", None, "Alice Admin")]
    assert not again.to_dict().get("unchanged")  # never part of what is stored or listed
    assert registry.set_alias("var", "champion", "latest", BOB).unchanged  # `latest` is 0.0.1 too


def test_moves_to_one_version_at_once_record_one_change(store_settings, macro_result):
    registry = Registry.from_settings(store_settings)
    for _ in range(2):
        publish_result(registry, macro_result, "var")
    registry.set_alias("var", "champion", "0.0.1", ALICE)
    answers = []

    def mover(worker: int) -> None:
        own = Registry.from_settings(store_settings)
        answers.append(own.set_alias("var", "champion", "0.0.2", Actor(f"worker {worker}", f"sub-{worker}")))

    assert all_at_once(4, mover) == []
    assert sorted(answer.unchanged for answer in answers) == [False, True, True, True]
    assert registry.alias("var", "champion").revision == 2
    records = _alias_records(registry)
    assert [record[:4] for record in records] == [
        ("alias.set", "champion", "0.0.2", "0.0.1"),
        ("alias.set", "champion", "0.0.1", None),
    ]


def test_the_cli_says_nothing_was_recorded_and_the_reason_given_not_kept(
    store_settings, macro_result, monkeypatch, capsys
):
    registry = Registry.from_settings(store_settings)
    publish_result(registry, macro_result, "var")
    monkeypatch.setenv("VARLIB_AUTHOR", "cli person")
    if store_settings.uses_minio:
        for name, value in (
            ("MINIO_ENDPOINT", store_settings.minio_endpoint),
            ("MINIO_ACCESS_KEY", store_settings.access_key),
            ("MINIO_SECRET_KEY", store_settings.secret_key),
            ("MINIO_BUCKET", store_settings.bucket),
        ):
            monkeypatch.setenv(name, value)
    else:
        monkeypatch.delenv("MINIO_ENDPOINT", raising=False)
        monkeypatch.setenv("VARLIB_STORE_DIR", str(store_settings.store_dir))
    assert main(["alias", "set", "--name", "var", "champion", "0.0.1"]) == 0
    assert capsys.readouterr().out == "@champion of 'var' -> 0.0.1\n"
    at = utc_time(registry.alias("var", "champion").at)
    assert main(["alias", "set", "--name", "var", "champion", "0.0.1", "--reason", "fresher data"]) == 0
    assert capsys.readouterr().out == (
        f"@champion of 'var' already points at 0.0.1, set {at} by cli person (no reason given); nothing was stored or"
        " recorded in the audit trail, so the reason given (fresher data) was not kept\n"
    )
    assert registry.alias("var", "champion").revision == 1
    assert len(_alias_records(registry)) == 1
