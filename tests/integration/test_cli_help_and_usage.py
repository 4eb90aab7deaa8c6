"""What a new user meets first: every option and positional explained in `--help`, usage errors worded for a
person and pointed at the subcommand's own help, `show` defaulting to `latest` as the other version commands
do, and an empty or missing store explained even when stdout must stay pure JSON."""

from __future__ import annotations

import argparse
import json

import pytest

from tests.integration.test_cli_arguments import run, store  # noqa: F401 (a fixture)
from varlib import cli
from varlib.cli import build_parser


def _parsers(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    """Every (subcommand path, parser) of the CLI, the top one first."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, (*path, name))


def _arguments():
    """Every option and positional a person types, with the subcommand it belongs to."""
    for path, parser in _parsers(build_parser()):
        for action in parser._actions:
            if not isinstance(action, (argparse._HelpAction, argparse._VersionAction, argparse._SubParsersAction)):
                yield " ".join(path), action


def test_every_option_and_positional_has_help():
    """`serve --host`, `report --out`, every `--json`, `alias delete`'s alias and more had none."""
    missing = [f"{path} {action.option_strings or action.dest}" for path, action in _arguments() if not action.help]
    assert missing == []


def test_every_json_option_has_one_help_text():
    helps = {path: action.help for path, action in _arguments() if "--json" in action.option_strings}
    assert {"models", "list", "show", "forecast", "diagnose", "backtest", "history", "alias list"} <= set(helps)
    assert len(set(helps.values())) == 1, helps


def _help(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit):
        cli.main([*argv, "--help"])
    return " ".join(capsys.readouterr().out.split())


def test_every_option_with_a_default_names_it():
    """`serve --workers`, `import-legacy --bump` ("(patch)"), `train --fill` and `--min-lags` did not say theirs."""
    unsaid = [
        f"{path} {action.option_strings}"
        for path, action in _arguments()
        if action.default not in (None, False, "", argparse.SUPPRESS) and "default" not in action.help
    ]
    assert unsaid == []


def test_the_forecast_settings_say_their_range_and_default_alike(capsys):
    """`report --intervals` read "forecast interval kind (standard)", `forecast --intervals` named no default,
    and the `--level` of `report` and `compare` named no range."""
    for argv in (["forecast"], ["scenario", "save"], ["report"]):
        assert "standard (coefficients known; the default) or corrected" in _help(capsys, *argv)
    for argv in (["report"], ["compare"]):
        assert "--level PERCENT forecast interval level in percent, 50 to 99.99 (default 95)" in _help(capsys, *argv)
    assert "forecast periods ahead, 1 to 400 (default 8)" in _help(capsys, "report")


def test_every_version_positional_says_what_it_takes(capsys):
    """`scenario list` and `scenario show` said only "default latest" of their version."""
    for argv in (["show"], ["scenario", "list"], ["scenario", "show"], ["scenario", "save"]):
        assert "latest, a version such as 0.0.3 (or 0_0_3), or an alias such as @champion" in _help(capsys, *argv)


def test_the_top_help_names_both_model_kinds_and_train_its_file(capsys):
    assert "VAR and VECM models" in _help(capsys)
    assert "your data: a date column and one column per series" in _help(capsys, "train")


def test_help_names_the_defaults_of_serve_and_import_legacy(capsys):
    text = _help(capsys, "serve")
    assert "address to listen on (default 127.0.0.1" in text and "port to listen on, 1 to 65535 (default 8000)" in text
    assert "(default var)" in _help(capsys, "import-legacy")
    assert "the HTML file to write" in _help(capsys, "report")
    assert "the alias to remove" in _help(capsys, "alias", "delete")
    assert "the saved scenario's name" in _help(capsys, "scenario", "show")


@pytest.mark.parametrize(
    "argv, said",
    [
        (["alias"], "varlib alias needs a command: set, list or delete (see `varlib alias --help`)"),
        (["scenario"], "varlib scenario needs a command: save, list, show or delete (see `varlib scenario --help`)"),
        (["scenario", "--name", "var"], "varlib scenario command: invalid choice: 'var' (choose from 'save', "),
    ],
)
def test_a_missing_subcommand_is_named_for_a_person(store, capsys, argv, said):  # noqa: F811 (the fixture)
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and said in err
    assert "_command" not in err


def test_the_top_level_command_missing_lists_the_commands(capsys):
    code, _, err = run(capsys)
    assert code == 2 and "varlib needs a command: train, " in err and " or scenario (see `varlib --help`)" in err


@pytest.mark.parametrize(
    "argv, command",
    [
        (["forecast", "--name", "var", "--stepz", "3"], "varlib forecast"),
        (["alias", "list", "--name", "var", "--jsn"], "varlib alias list"),
        (["scenario", "list", "--name", "var", "--bogus"], "varlib scenario list"),
    ],
)
def test_an_unknown_option_points_at_the_subcommands_help(store, capsys, argv, command):  # noqa: F811
    code, _, err = run(capsys, *argv)
    assert code == 2 and f"unrecognized arguments: {argv[-2 if argv[-1] == '3' else -1]}" in err
    assert err.rstrip().endswith(f"(see `{command} --help`)"), err


def test_show_defaults_to_latest_as_forecast_does(store, capsys):  # noqa: F811 (the fixture)
    code, out, err = run(capsys, "show", "--name", "var", "--json")
    assert code == 0, err
    assert json.loads(out)["version"] == "0.0.1"
    code, out, err = run(capsys, "show", "--json", "--name", "var", "latest")  # still taken after the options
    assert code == 0 and json.loads(out)["version"] == "0.0.1", err
    assert "(default: latest)" in _help(capsys, "show")


@pytest.fixture
def empty_env(tmp_path, monkeypatch):
    """The CLI pointed at a store folder that does not exist yet."""
    for key in ("MINIO_ENDPOINT", "MINIO_BUCKET", "VARLIB_READ_ONLY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "empty"))
    return tmp_path / "empty"


def test_models_json_on_a_missing_store_prints_nothing_on_stdout_and_says_why_on_stderr(empty_env, capsys):
    code, text, said = run(capsys, "models")
    assert code == 1 and text == "" and "does not exist" in said and said.startswith("error: ")
    code, out, err = run(capsys, "models", "--json")
    assert code == 1 and out == ""  # as any failure: no `[]`, which reads as a store without models
    assert err == said  # the text form's words, on stderr


def test_models_json_on_an_empty_store_says_how_to_start(empty_env, capsys):
    (empty_env / "models").mkdir(parents=True)
    code, out, err = run(capsys, "models", "--json")
    assert code == 0 and json.loads(out) == []
    assert "no models in local folder" in err and "varlib train --publish" in err


def test_list_on_an_empty_store_exits_1_saying_how_to_start(empty_env, capsys):
    """Exit 1 as README.md documents for a model the store does not hold; the words say how to get one."""
    code, out, err = run(capsys, "list", "--json")
    assert code == 1 and out == "" and "does not exist" in err and "varlib train --publish" in err
    (empty_env / "models").mkdir(parents=True)
    code, out, err = run(capsys, "list", "--name", "var", "--json")
    assert code == 1 and out == ""
    assert "model 'var' does not exist" in err and "publish one with `varlib train --publish`" in err
