"""Cards of an older format are said: each listing reads past them (its folder, or the artifact) until `varlib
reindex` writes them again, and `varlib list` (the Models page too, tests/app/test_models_older_cards.py) ends with
one line saying how many and the command, asking nothing more of the store than the listing did."""

from __future__ import annotations

import orjson
import pytest

from tests.conftest import point_cli_at
from tests.integration.test_card_index import counting_registry
from tests.integration.test_upgrade_old_store import NAME, OLD, plant_old_versions
from varlib import Registry, cli, older_cards_note, publish_result
from varlib.catalog.index import shard_key
from varlib.config import Settings
from varlib.store import Store, open_store
from varlib.versions import Version

LINE = "their cards are of an older format, so every listing reads them from the store instead; run `varlib reindex"


def as_older_cards(store: Store, name: str, card_format: int = 2) -> None:
    """The index cards of `name` rewritten as an older varlib wrote them (card format 2)."""
    key = shard_key(name, Version(0, 0, 1))
    stored = store.get(key, 10**6)
    shard = orjson.loads(stored.data)
    shard["cards"] = {label: {**card, "card_format": card_format} for label, card in shard["cards"].items()}
    store.replace(key, orjson.dumps(shard, option=orjson.OPT_SORT_KEYS), stored.etag)


def _published(settings, result, versions: int = 3) -> Registry:
    registry = Registry.from_settings(settings)
    for _ in range(versions):
        publish_result(registry, result, "var")
    return registry


def _listed(capsys) -> str:
    """What `varlib list` says beside its table (on stderr: the table alone is on stdout, for scripts)."""
    assert cli.main(["list", "--name", "var"]) == 0
    listed = capsys.readouterr()
    assert "note:" not in listed.out
    return listed.err


def test_list_says_how_many_cards_are_older_until_a_reindex(local_settings, macro_result, monkeypatch, capsys):
    _published(local_settings, macro_result)
    point_cli_at(local_settings, monkeypatch)
    assert "note:" not in _listed(capsys)  # cards of this format: nothing to say
    as_older_cards(open_store(local_settings), "var")
    out = _listed(capsys)
    assert out.splitlines()[-1] == f"note: 3 versions of 'var': {LINE} --name var` to write the cards again"
    assert cli.main(["reindex", "--name", "var"]) == 0
    capsys.readouterr()
    assert "note:" not in _listed(capsys)


def test_the_listing_marks_the_cards_it_read_past(store_settings, macro_result):
    _published(store_settings, macro_result, 2)
    registry, _ = counting_registry(store_settings)
    assert not any(entry.older_card for entry in registry.list_versions("var"))
    as_older_cards(registry.store, "var")
    for verify in (False, True):
        registry, _ = counting_registry(store_settings)
        entries = registry.list_versions("var", verify=verify)
        assert [entry.older_card for entry in entries] == [True, True], verify
        assert older_cards_note("var", entries) is not None  # said from the listing's entries alone


@pytest.mark.minio
def test_an_older_card_in_the_metadata_alone_is_marked_too(minio_settings, macro_result):
    """A bucket from before the index: the cards are in the objects' metadata only (a local store keeps none)."""
    plant_old_versions(minio_settings, macro_result, index=False)
    entries = Registry.from_settings(minio_settings).list_versions(NAME)
    assert {entry.version for entry in entries if entry.older_card} == set(OLD)
    note = older_cards_note(NAME, entries)
    assert note is not None and note.startswith(f"2 versions of {NAME!r}: their cards are of an older format")
    one = older_cards_note(NAME, entries[-1:])
    assert one is not None and "1 version of" in one and "its card is of an older format" in one


def test_a_version_that_does_not_load_is_not_counted(local_settings, macro_result, tmp_path):
    """A reindex cannot write the card of a version whose object was replaced, so counting it would keep the note
    after the reindex it asks for: one replaced by another artifact of the same size was counted."""
    registry = _published(local_settings, macro_result, 2)
    as_older_cards(registry.store, "var")
    elsewhere = Settings(store_dir=tmp_path / "elsewhere", author="tested")  # its author as long as "tester"
    publish_result(Registry.from_settings(elsewhere), macro_result, "var")
    model = local_settings.store_dir / "models" / "var" / "0_0_1" / "model.json"
    model.write_bytes((elsewhere.store_dir / "models" / "var" / "0_0_1" / "model.json").read_bytes())
    entries = {entry.label: entry for entry in Registry.from_settings(local_settings).list_versions("var", verify=True)}
    assert not entries["0.0.1"].ok and not entries["0.0.1"].older_card
    assert entries["0.0.2"].older_card
