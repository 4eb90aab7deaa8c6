"""`varlib list --verify` fails when it finds damage, as `reindex` does: a truncated version and one whose
model.json was deleted behind the product's back (its card still indexed) are each named on stderr, and the
command exits 1; the listing itself is still printed. A store without damage lists with exit 0."""

from __future__ import annotations

import json

import pytest

from tests.conftest import point_cli_at
from varlib import Registry, cli, publish_result
from varlib.versions import Version


def _delete(store, key: str) -> None:
    """What a person with the bucket's keys can do and the product never does: remove an object."""
    if hasattr(store, "client"):
        store.client.remove_object(store.bucket, key)
    else:
        store._path(key).unlink()


@pytest.fixture
def cli_env(store_settings, monkeypatch):
    point_cli_at(store_settings, monkeypatch)


def test_list_verify_names_damaged_and_deleted_versions_and_exits_1(
    registry, store_settings, macro_result, cli_env, capsys
):
    for _ in range(3):
        publish_result(registry, macro_result, "var")
    assert cli.main(["list", "--name", "var", "--verify"]) == 0
    capsys.readouterr()
    stored = registry.store.get("var/0_0_2/model.json", 10**7)
    registry.store.replace("var/0_0_2/model.json", stored.data[: len(stored.data) // 2], stored.etag)
    _delete(registry.store, "var/0_0_3/model.json")
    assert cli.main(["list", "--name", "var"]) == 0  # the quick listing trusts the index: --verify is the check
    capsys.readouterr()
    assert cli.main(["list", "--name", "var", "--verify"]) == 1
    out, err = capsys.readouterr()
    assert "0.0.1" in out and "error: var 0.0.2: " in err
    assert "error: var 0.0.3: gone: published, but var/0_0_3/model.json is no longer in the store" in err
    # `latest` reads its copy, one read, so it still serves the deleted newest version until a reindex: said so
    assert "error: var: `latest` still serves 0.0.3 (gone) from its copy in latest.json; `varlib reindex" in err
    assert "moves it to 0.0.1" in err
    assert cli.main(["list", "--name", "var", "--verify", "--json"]) == 1
    listed = {row["version"]: row["status"] for row in json.loads(capsys.readouterr().out)}
    assert listed["0.0.1"] == "ok" and listed["0.0.3"].startswith("gone: ")
    assert cli.main(["reindex", "--name", "var"]) == 1  # names both once, drops their cards, moves latest
    capsys.readouterr()
    assert Registry.from_settings(store_settings).resolve("var", "latest") == Version(0, 0, 1)
    assert cli.main(["list", "--name", "var", "--verify"]) == 1  # the truncated one is still there, and damaged
    err = capsys.readouterr().err
    assert "0.0.2" in err and "0.0.3" not in err


def test_long_notes_end_in_an_ellipsis_in_the_listing(registry, macro_result, cli_env, capsys):
    """They were cut at 40 characters mid-word, with nothing to say so."""
    notes = "imported from the legacy pickle legacy/0_0_1/model.pkl"
    publish_result(registry, macro_result, "var", notes=notes)
    assert cli.main(["list", "--name", "var"]) == 0
    out = capsys.readouterr().out
    assert notes[:39] + "…" in out and notes not in out


def test_list_verify_says_when_latest_lags_behind_a_publish_cut_off_before_moving_it(
    registry, store_settings, macro_result, cli_env, capsys, monkeypatch
):
    """The version was stored and listed `ok`, `latest` stayed on the one before, and --verify said nothing."""
    from varlib.catalog import publish as publishing
    from varlib.errors import StoreUnavailableError

    publish_result(registry, macro_result, "var")

    def gone(*args, **kwargs):
        raise StoreUnavailableError("the store went away")

    with monkeypatch.context() as patch:
        patch.setattr(publishing, "advance_pointer", gone)
        with pytest.raises(StoreUnavailableError, match="is stored"):
            publish_result(registry, macro_result, "var")
    assert cli.main(["list", "--name", "var", "--verify"]) == 1
    err = capsys.readouterr().err
    assert "error: var: `latest` names 0.0.1 while 0.0.2 is the newest usable version not withdrawn" in err
    assert cli.main(["reindex", "--name", "var"]) == 0
    capsys.readouterr()
    assert cli.main(["list", "--name", "var", "--verify"]) == 0
