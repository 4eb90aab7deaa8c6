"""Damaged team records stay listed, with the reason they cannot be read: audit records (counted to a page's
limit, paged across), aliases and saved scenarios, in the library and the CLI (the REST service:
tests/api/test_damaged_listings_api.py; the dashboard: tests/app/test_damaged_pages.py)."""

from __future__ import annotations

import json

import pytest

from varlib import NotFoundError, ObjectExistsError, Registry, make_scenario, publish_result
from varlib.catalog.trail_repair import restore
from varlib.cli import main


def overwrite(registry: Registry, key: str, data: bytes) -> None:
    """Put `data` at `key` behind the registry's back, as a broken tool or a hand edit would."""
    store = registry.store
    try:
        etag = store.get(key, 10**7).etag
    except NotFoundError:
        store.create(key, data)
        return
    store.replace(key, data, etag)


@pytest.fixture
def team(store_settings, monkeypatch, macro_result) -> Registry:
    """`var` 0.0.1-0.0.3 with @champion and a saved scenario, and the CLI's environment on the same store."""
    registry = Registry.from_settings(store_settings)
    for _ in range(3):
        publish_result(registry, macro_result, "var")
    registry.set_alias("var", "champion", "0.0.2")
    registry.save_scenario(make_scenario(registry.load("var", "0.0.1"), "rate-hold", 2))
    if store_settings.uses_minio:
        for variable, value in (
            ("MINIO_ENDPOINT", store_settings.minio_endpoint),
            ("MINIO_ACCESS_KEY", store_settings.access_key),
            ("MINIO_SECRET_KEY", store_settings.secret_key),
            ("MINIO_BUCKET", store_settings.bucket),
        ):
            monkeypatch.setenv(variable, value)
    else:
        monkeypatch.delenv("MINIO_ENDPOINT", raising=False)
        monkeypatch.setenv("VARLIB_STORE_DIR", str(store_settings.store_dir))
    return registry


def run(capsys, *argv) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_damaged_audit_records_are_listed_counted_and_paged_across(team, store_settings, capsys):
    trail = team.history("var")
    assert len(trail) == 5  # three publishes, an alias move, a saved scenario
    overwrite(team, trail[1].key, b"[]")
    overwrite(team, trail[3].key, b"{}")
    fresh = Registry.from_settings(store_settings)  # nothing cached: every record read from the store
    listed = fresh.history("var")
    assert [r.key for r in listed] == [r.key for r in trail]
    assert [bool(r.damaged) for r in listed] == [False, True, False, True, False]
    damaged = listed[1]
    assert damaged.at == trail[1].at and damaged.action == "" and damaged.name == "var"  # its time, from its key
    assert "is damaged" in damaged.damaged and "cannot be rebuilt: `varlib reindex`" in damaged.damaged
    page = fresh.history("var", limit=2)
    assert [r.key for r in page] == [trail[0].key, trail[1].key]  # a damaged record counts to the limit
    assert [r.key for r in fresh.history("var", limit=2, before=page[-1].key)] == [trail[2].key, trail[3].key]
    assert listed[0].to_dict()["damaged"] is None and "damaged" not in listed[0].stored_dict()
    code, out = run(capsys, "history", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 5 and [row["damaged"] is not None for row in rows][1::2] == [True, True]
    assert rows[1]["key"] == trail[1].key and rows[0]["action"] == trail[0].action
    code, out = run(capsys, "history")
    assert code == 0 and out.count("⚠ damaged") == 2 and f"⚠ audit record {trail[1].key} is damaged" in out
    assert restore(fresh, "var") != []  # a repair still runs: it restores the changes whose records broke


def test_a_damaged_alias_is_listed_with_how_to_repair_it(team, capsys):
    overwrite(team, "var/_aliases/race.json", b'{"x":1}')
    listed = team.aliases("var")
    assert [(a.alias, a.version is None, bool(a.damaged)) for a in listed] == [
        ("champion", False, False),
        ("race", True, True),
    ]
    assert "set it again or delete it" in listed[1].damaged  # worded for every caller: the CLI adds its commands
    assert listed[0].to_dict()["damaged"] is None and "damaged" not in listed[0].stored_dict()
    team.store.create("var/stray.txt", b"not a version")  # a stray object has no version either
    code, out = run(capsys, "alias", "list", "--json")
    assert code == 0 and [(a["alias"], a["damaged"] is not None, a["version_status"]) for a in json.loads(out)] == [
        ("champion", False, "ok"),
        ("race", True, None),  # pointing nowhere: no version's status, and not the stray object's
    ]
    code, out = run(capsys, "alias", "list")
    assert code == 0 and "@race" in out and "⚠ damaged" in out and "⚠ alias @race of 'var'" in out
    restore(team, "var")  # a repair skips the damaged alias: it has no move to restore a record of
    team.set_alias("var", "race", "0.0.3")  # the repair the reason names
    assert [(a.alias, str(a.version), a.damaged) for a in team.aliases("var")][1] == ("race", "0.0.3", None)


def test_a_damaged_scenario_is_listed_and_its_name_stays_taken_until_an_admin_deletes_it(team, capsys):
    overwrite(team, "var/_scenarios/0_0_1/gdp-dip.json", b"{")
    listed = team.scenarios("var", "0.0.1")
    assert [(s.scenario, bool(s.damaged)) for s in listed] == [("gdp-dip", True), ("rate-hold", False)]
    assert "an admin can delete it (`varlib scenario delete gdp-dip 0.0.1 --name var`)" in listed[0].damaged
    assert listed[0].to_dict()["steps"] is None and listed[1].to_dict()["damaged"] is None
    code, out = run(capsys, "scenario", "list", "0.0.1", "--json")
    assert code == 0 and [(s["scenario"], s["damaged"] is not None) for s in json.loads(out)] == [
        ("gdp-dip", True),
        ("rate-hold", False),
    ]
    code, out = run(capsys, "scenario", "list", "0.0.1")
    assert code == 0 and "gdp-dip ⚠ damaged" in out and "⚠ scenario 'gdp-dip' of var 0.0.1" in out
    with pytest.raises(ObjectExistsError):
        team.save_scenario(make_scenario(team.load("var", "0.0.1"), "gdp-dip", 2))
    with pytest.raises(NotFoundError, match=r"saved: rate-hold \(damaged: gdp-dip\)"):
        team.scenario("var", "0.0.1", "other")
