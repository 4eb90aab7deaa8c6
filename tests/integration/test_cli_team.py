"""The CLI's team commands on both stores: alias set/list/delete, @alias wherever a version goes,
withdraw, history --json; and the exit codes of their failures."""

import json
import sys

import pytest

from varlib import Actor, Registry, publish_result
from varlib.cli import main


@pytest.fixture
def cli_env(store_settings, monkeypatch, macro_result):
    registry = Registry.from_settings(store_settings)
    for _ in range(3):
        publish_result(registry, macro_result, "var")
    monkeypatch.setenv("VARLIB_AUTHOR", "cli person")
    if store_settings.uses_minio:
        monkeypatch.setenv("MINIO_ENDPOINT", store_settings.minio_endpoint)
        monkeypatch.setenv("MINIO_ACCESS_KEY", store_settings.access_key)
        monkeypatch.setenv("MINIO_SECRET_KEY", store_settings.secret_key)
        monkeypatch.setenv("MINIO_BUCKET", store_settings.bucket)
    else:
        monkeypatch.delenv("MINIO_ENDPOINT", raising=False)
        monkeypatch.setenv("VARLIB_STORE_DIR", str(store_settings.store_dir))
    return registry


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_aliases_withdrawal_and_history_through_the_cli(cli_env, capsys):
    assert run(capsys, "alias", "set", "champion", "0.0.2")[:2] == (0, "@champion of 'var' -> 0.0.2\n")
    code, out, _ = run(capsys, "forecast", "@champion", "--steps", "2", "--json")
    assert code == 0 and json.loads(out)["version"] == "0.0.2"
    code, out, _ = run(capsys, "alias", "list", "--json")
    assert [(a["alias"], a["version"], a["actor"]["name"]) for a in json.loads(out)] == [
        ("champion", "0.0.2", "cli person")
    ]
    code, out, _ = run(capsys, "withdraw", "0.0.3", "--reason", "bad inputs")
    assert code == 0 and "`latest` is now 0.0.2" in out
    code, out, _ = run(capsys, "show", "latest", "--json")
    assert json.loads(out)["version"] == "0.0.2" and json.loads(out)["withdrawn"] is None
    code, out, _ = run(capsys, "show", "0.0.3", "--json")  # a withdrawn version still loads, named explicitly
    assert code == 0 and json.loads(out)["withdrawn"]["reason"] == "bad inputs"
    code, out, err = run(capsys, "forecast", "0.0.3", "--steps", "2", "--json")  # and forecasts, saying so
    assert code == 0 and json.loads(out)["withdrawn"]["reason"] == "bad inputs" and "was withdrawn" in err
    code, out, _ = run(capsys, "forecast", "latest", "--steps", "2", "--json")
    assert json.loads(out)["version"] == "0.0.2" and json.loads(out)["withdrawn"] is None
    code, out, _ = run(capsys, "list", "--json")
    assert [row["withdrawn"] is not None for row in json.loads(out)] == [True, False, False]
    assert run(capsys, "withdraw", "0.0.2", "--reason", "also bad")[0] == 0
    code, out, _ = run(capsys, "alias", "list")  # refused until moved, as the Models page marks it
    assert code == 0 and "0.0.2 (withdrawn)" in out
    assert json.loads(run(capsys, "alias", "list", "--json")[1])[0]["withdrawn"] is True
    code, _, err = run(capsys, "forecast", "@champion")
    assert code == 1 and err.startswith("error: alias @champion of 'var' points at 0.0.2, which was withdrawn")
    assert err.count("\n") == 1
    assert run(capsys, "alias", "delete", "champion")[0] == 0
    code, out, _ = run(capsys, "history", "--json")
    records = json.loads(out)
    assert [r["action"] for r in records[:4]] == ["alias.delete", "withdraw", "withdraw", "alias.set"]
    assert all(r["actor"]["via"] == "cli" and r["actor"]["name"] == "cli person" for r in records[:4])
    assert [r["version"] for r in records if r["action"] == "publish"] == ["0.0.3", "0.0.2", "0.0.1"]
    code, out, _ = run(capsys, "history")
    assert code == 0 and "alias.delete" in out
    code, _, err = run(capsys, "forecast", "@champion")  # a script that used it learns when and by whom it went
    assert code == 1 and "has no alias @champion (it was deleted 20" in err
    assert "by cli person; it pointed at 0.0.2)" in err


def test_bad_alias_and_missing_reason_are_bad_input(cli_env, capsys):
    code, _, err = run(capsys, "alias", "set", "Latest!", "0.0.1")
    assert code == 2 and "alias 'Latest!' is not valid" in err
    code, _, err = run(capsys, "withdraw", "0.0.1")
    assert code == 2 and "--reason" in err
    code, _, err = run(capsys, "forecast", "@nobody")
    assert code == 1 and "has no alias @nobody" in err
    code, _, err = run(capsys, "alias", "delete", "nobody")  # what to do, as the forecast's refusal says
    assert (code, err) == (1, "error: model 'var' has no alias @nobody; `varlib alias list --name var` lists them\n")


def test_a_model_name_where_the_version_goes_is_told_about_name(cli_env, capsys):
    code, _, err = run(capsys, "forecast", "var")
    assert code == 2 and "version 'var' is not valid" in err and "the model is named with --name var" in err
    code, _, err = run(capsys, "show", "--name", "var", "var")
    assert code == 2 and "--name var" not in err  # the name is given: the version alone is wrong


def test_a_withdrawn_version_named_explicitly_is_used_with_a_warning(cli_env, capsys):
    assert run(capsys, "withdraw", "0.0.2", "--reason", "trained on the wrong file")[0] == 0
    code, out, err = run(capsys, "forecast", "0.0.2", "--steps", "2", "--json")
    assert code == 0 and json.loads(out)["version"] == "0.0.2"
    assert err.startswith("warning: var 0.0.2 was withdrawn ") and "trained on the wrong file" in err
    assert run(capsys, "forecast", "latest", "--steps", "2")[2] == ""  # latest is 0.0.3: nothing to warn of
    assert run(capsys, "show", "0.0.2")[2] == ""  # show prints the withdrawal itself


def test_a_withdrawn_versions_warning_is_not_said_when_the_command_then_fails(cli_env, capsys, tmp_path, monkeypatch):
    """It was said as the version loaded, so a failure after it printed two lines: a script's log must read
    one `error:` line, the failure's."""
    assert run(capsys, "withdraw", "0.0.2", "--reason", "trained on the wrong file")[0] == 0
    undated = tmp_path / "undated.csv"  # noted (its rows taken as the training data's last), then a refusal
    undated.write_text("realgdp,realcons\n" + "".join(f"{12000 + i},{9000 + i}\n" for i in range(8)))
    for argv, code in (
        (["forecast", "0.0.2", "--lags-csv", str(tmp_path / "none.csv")], 2),
        (["forecast", "0.0.2", "--lags-csv", str(undated), "--conditions-csv", str(tmp_path / "none.csv")], 2),
        (["diagnose", "0.0.2", "--whiteness-lags", "2"], 2),
        (["backtest", "0.0.2", "--origins", "199"], 2),
        (["report", "0.0.2", "--out", str(tmp_path / "no folder" / "r.html")], 2),
        (["scenario", "show", "nosuch", "0.0.2"], 1),
        (["compare", "0.0.2", "0.0.9"], 1),
    ):
        got, out, err = run(capsys, *argv)
        assert (got, out) == (code, "") and len(err.splitlines()) == 1 and err.startswith("error: "), (argv, err)
    code, out, err = run(capsys, "diagnose", "0.0.2", "--json")  # a command that finishes still says it
    assert code == 0 and json.loads(out) and err.startswith("warning: var 0.0.2 was withdrawn ")
    monkeypatch.setattr(sys, "stdout", None)  # `>&-`: the forecast is lost, and the failure is said alone
    assert run(capsys, "forecast", "0.0.2")[::2] == (1, "error: the output could not be written: stdout is closed\n")


def test_a_cli_publish_is_recorded_as_made_through_the_cli(cli_env, capsys):
    assert run(capsys, "train", "--lags", "2", "--name", "var", "--publish")[0] == 0
    code, out, _ = run(capsys, "history", "--json")
    newest = json.loads(out)[0]
    assert (newest["action"], newest["version"], newest["actor"]["via"]) == ("publish", "0.0.4", "cli")
    assert newest["actor"]["name"] == "cli person"


def test_reindex_restores_the_record_of_a_withdrawal_cut_off_before_it(cli_env, capsys, monkeypatch):
    from varlib.catalog import audit
    from varlib.errors import StoreUnavailableError

    def gone(store, record):
        raise StoreUnavailableError("the store went away")

    with monkeypatch.context() as patch:
        patch.setattr(audit, "append", gone)
        code, _, err = run(capsys, "withdraw", "0.0.3", "--reason", "bad inputs")
    assert code == 1 and "the store went away" in err  # the withdrawal is stored, its record is not
    code, out, _ = run(capsys, "reindex")
    assert code == 0 and "restored 1 audit record of changes the trail lacked (cut off before their record was" in out
    assert out.rstrip().endswith("older than the audit trail): withdraw 0.0.3")
    code, out, _ = run(capsys, "history", "--json")
    newest = json.loads(out)[0]
    assert (newest["action"], newest["version"], newest["reason"]) == ("withdraw", "0.0.3", "bad inputs")
    assert newest["actor"]["name"] == "cli person" and newest["restored"] is not None
    code, out, _ = run(capsys, "history")
    assert code == 0 and "restored" in out.splitlines()[0]
    code, out, _ = run(capsys, "reindex")
    assert code == 0 and "restored" not in out  # nothing is missing any more


def test_reindex_restores_a_cut_off_alias_move_with_its_reason(cli_env, capsys, monkeypatch):
    from varlib.catalog import audit
    from varlib.errors import StoreUnavailableError

    def gone(store, record):
        raise StoreUnavailableError("the store went away")

    with monkeypatch.context() as patch:
        patch.setattr(audit, "append", gone)
        code, _, err = run(capsys, "alias", "set", "champion", "0.0.2", "--reason", "best holdout error")
    assert code == 1 and "the store went away" in err  # the alias moved, its record is not stored
    code, out, _ = run(capsys, "alias", "list", "--json")
    assert [(a["alias"], a["reason"]) for a in json.loads(out)] == [("champion", "best holdout error")]
    assert run(capsys, "reindex")[0] == 0
    code, out, _ = run(capsys, "history")
    restored = next(line for line in out.splitlines() if "alias.set" in line)
    assert code == 0 and "@champion" in restored and "best holdout error" in restored


def test_alias_list_says_an_account_without_a_name_is_an_id(cli_env, capsys):
    subject = "CiQwOGE4Njg0Yi1kYjg4LTRiNzMtOTBhOS0zY2QxNjYxZjU0NjYSBWxvY2Fs"
    cli_env.set_alias("var", "champion", "0.0.1", Actor.from_claims({"sub": subject, "iss": "http://i"}, via="rest"))
    cli_env.set_alias("var", "staging", "0.0.2", Actor("Ada Admin", "ada-sub", "http://i", via="rest"))
    code, out, _ = run(capsys, "alias", "list")
    assert code == 0 and "id CiQwOGE4Njg…" in out and "Ada Admin" in out and subject not in out
    assert json.loads(run(capsys, "alias", "list", "--json")[1])[0]["actor"]["subject"] == subject  # whole there
