"""The CLI on the local store: `withdraw latest` refused in one line, an unknown model is an error naming the
models there (`list`, `alias list`, `history` and every command that loads a version), and stored text with
control characters (saved before they were refused) is printed escaped by every table, `show`, `scenario show`
and the withdrawn-version warning."""

from __future__ import annotations

import json

import pytest

from varlib import Registry, make_scenario, publish_result
from varlib.cli import main


@pytest.fixture
def local_cli(local_settings, monkeypatch, macro_result) -> Registry:
    registry = Registry.from_settings(local_settings)
    for _ in range(3):
        publish_result(registry, macro_result, "var")
    for key in ("MINIO_ENDPOINT", "MINIO_BUCKET", "VARLIB_READ_ONLY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(local_settings.store_dir))
    return registry


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_withdraw_latest_or_an_alias_is_refused_and_withdraws_nothing(local_cli, capsys):
    code, out, err = run(capsys, "withdraw", "latest", "--name", "var", "--reason", "x")
    assert (code, out) == (2, "")  # bad input, as every refused argument
    assert err == (
        "error: withdraw needs a version number, not 'latest' (which is 0.0.3 now): withdraw 0.0.3 if that is the one\n"
    )
    assert run(capsys, "alias", "set", "champion", "0.0.2")[0] == 0
    code, _, err = run(capsys, "withdraw", "@champion", "--reason", "x")
    assert code == 2 and "(which is 0.0.2 now): withdraw 0.0.2 if that is the one" in err
    assert local_cli.withdrawals("var") == {}


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["list", "--json"],
        ["alias", "list"],
        ["history", "--json"],
        ["history"],
        ["scenario", "list"],
        ["scenario", "list", "0.0.1"],
        ["show", "latest"],
        ["forecast", "0.0.1", "--json"],
        ["alias", "set", "champion", "0.0.1"],  # the changes too: not "nope 0.0.1 does not exist"
        ["alias", "delete", "champion"],
        ["withdraw", "0.0.1", "--reason", "x"],
    ],
)
def test_an_unknown_model_is_an_error_naming_the_models_there(local_cli, capsys, argv):
    code, out, err = run(capsys, *argv, "--name", "nope")
    assert (code, out) == (1, "")
    assert err.startswith("error: model 'nope' does not exist in local folder ")
    assert err.endswith("; its models: var (choose one with --name)\n") and err.count("\n") == 1


def test_a_model_without_aliases_still_lists_none(local_cli, capsys):
    assert run(capsys, "alias", "list", "--name", "var") == (0, "no aliases of 'var'\n", "")
    code, out, _ = run(capsys, "alias", "list", "--name", "var", "--json")
    assert (code, json.loads(out)) == (0, [])


def test_stored_control_characters_are_printed_escaped(local_cli, capsys, monkeypatch):
    # what an older varlib stored before it refused such text
    monkeypatch.setattr("varlib.catalog.governance.check_reason", lambda reason: reason)
    monkeypatch.setattr("varlib.catalog.scenarios.check_notes", lambda text: text)
    monkeypatch.setattr("varlib.scenario_forecast.check_notes", lambda text: text)
    local_cli.withdraw("var", "0.0.1", "\x1b]0;owned\x07\x1b[2J\nerror: fake")
    local_cli.save_scenario(make_scenario(local_cli.load("var", "0.0.2"), "odd", 2, notes="\x1b[31mred\u202e"))
    outputs = {
        "list": run(capsys, "list"),
        "history": run(capsys, "history"),
        "show": run(capsys, "show", "0.0.1"),
        "forecast": run(capsys, "forecast", "0.0.1", "--steps", "2"),
        "scenario list": run(capsys, "scenario", "list", "0.0.2"),
        "scenario show": run(capsys, "scenario", "show", "odd", "0.0.2"),
    }
    for command, (code, out, err) in outputs.items():
        assert code == 0, (command, err)
        for raw in ("\x1b", "\x07", "\u202e"):
            assert raw not in out + err, (command, out + err)
    assert "\\x1b]0;owned\\x07" in outputs["forecast"][2]  # the withdrawn-version warning
    assert "\\nerror: fake" in outputs["forecast"][2] and outputs["forecast"][2].count("\n") == 1
    for command in ("list", "history", "show"):
        assert "\\x1b]0;owned\\x07" in outputs[command][1], command
    assert "\\x1b[31mred\\u202e" in outputs["scenario list"][1]
    assert "\\x1b[31mred\\u202e" in outputs["scenario show"][1]


def test_a_version_whose_withdrawal_record_is_damaged_is_warned_of_without_blanks(local_cli, local_settings, capsys):
    local_cli.withdraw("var", "0.0.1", "leaky holdout")
    [record] = (local_settings.store_dir / "models" / "var" / "_withdrawn").glob("0_0_1*")
    record.write_text("{not json")
    code, _, err = run(capsys, "forecast", "0.0.1", "--name", "var", "--json")
    assert code == 0 and err.startswith("warning: var 0.0.1 is withdrawn, but its withdrawal record is damaged (")
    assert " on  by " not in err and "by unknown" not in err and err.endswith("(named explicitly, so it is used)\n")
