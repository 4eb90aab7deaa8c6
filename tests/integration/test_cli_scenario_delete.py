"""`varlib scenario delete`: one line saying what was deleted, the audit trail naming the CLI's author, and the exit
codes of the team commands (1 for an unknown scenario or model and a read-only store, 2 for bad input)."""

from __future__ import annotations

import json

from varlib import Registry, make_scenario
from varlib.catalog.layout import scenario_key


def test_a_scenario_is_deleted_in_one_line_and_recorded(cli_var_store, local_cli, monkeypatch):
    monkeypatch.setenv("VARLIB_AUTHOR", "cli person")
    artifact = cli_var_store.load("var", "0.0.1")
    cli_var_store.save_scenario(make_scenario(artifact, "hold", 4))
    code, out, err = local_cli("scenario", "delete", "hold", "0.0.1")
    assert (code, err) == (0, ""), err
    assert out.startswith("deleted scenario 'hold' of var 0.0.1 (saved by ")
    assert out.endswith("); links to it no longer open\n") and out.count("\n") == 1
    assert local_cli("scenario", "list", "0.0.1", "--json")[1].strip() == "[]"
    code, out, _ = local_cli("history", "--json")
    newest = json.loads(out)[0]
    assert (newest["action"], newest["scenario"], newest["actor"]["name"]) == ("scenario.delete", "hold", "cli person")
    assert newest["actor"]["via"] == "cli"


def test_a_damaged_scenario_is_deleted_and_said_so(cli_var_store, local_cli):
    artifact = cli_var_store.load("var", "latest")
    cli_var_store.save_scenario(make_scenario(artifact, "hold", 4))
    key = scenario_key("var", artifact.version, "hold")
    cli_var_store.store.replace(key, b"not json", cli_var_store.store.get(key, 1 << 20).etag)
    code, out, err = local_cli("scenario", "delete", "hold")  # the version defaults to latest
    assert code == 0, err
    assert f"deleted scenario 'hold' of var {artifact.version} (its object was damaged)" in out


def test_refusals_exit_as_the_team_commands_do(cli_var_store, local_cli, local_settings):
    cli_var_store.save_scenario(make_scenario(cli_var_store.load("var", "0.0.1"), "hold", 4))
    code, out, err = local_cli("scenario", "delete", "nope", "0.0.1")
    assert (code, out) == (1, "") and err == "error: var 0.0.1 has no scenario 'nope'; saved: hold\n"
    code, _, err = local_cli("scenario", "delete", "hold", "0.0.1", "--name", "other")
    assert code == 1 and "model 'other' does not exist" in err
    code, _, err = local_cli("scenario", "delete", "Not A Name", "0.0.1")
    assert code == 2 and "scenario name 'Not A Name' is not valid" in err
    assert [s.scenario for s in Registry.from_settings(local_settings).scenarios("var", "0.0.1")] == ["hold"]


def test_a_read_only_store_refuses_and_keeps_the_scenario(cli_var_store, local_cli, monkeypatch):
    cli_var_store.save_scenario(make_scenario(cli_var_store.load("var", "0.0.1"), "hold", 4))
    monkeypatch.setenv("VARLIB_READ_ONLY", "1")
    code, _, err = local_cli("scenario", "delete", "hold", "0.0.1")
    assert code == 1 and "read-only" in err and err.count("\n") == 1
    assert cli_var_store.scenario("var", "0.0.1", "hold").steps == 4
