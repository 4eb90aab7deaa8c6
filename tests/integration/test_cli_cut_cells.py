"""The CLI's tables cut a long reason or note to fit, and say so: `history` cut a withdrawal's reason at 40
characters without a mark (the Models page and REST gave it whole), and `scenario list` a scenario's notes."""

from varlib import Version, make_scenario
from varlib.cli import main

LONG = "the 2008 rows were revised by the statistics office after training; retrain on the March vintage"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_history_marks_a_cut_reason_and_says_where_it_is_whole(cli_var_store, capsys):
    cli_var_store.withdraw("var", "0.0.2", LONG)
    out = run(capsys, "history")
    assert f"{LONG[:39]}…" in out and LONG[:40] not in out
    assert "a reason ending in … is cut to fit: `varlib history --name var --json` gives each whole" in out


def test_history_says_nothing_of_cuts_when_every_reason_fits(cli_var_store, capsys):
    cli_var_store.withdraw("var", "0.0.2", "wrong file")
    out = run(capsys, "history")
    assert "wrong file" in out and "…" not in out and "cut to fit" not in out


def test_scenario_list_marks_cut_notes(cli_var_store, capsys):
    artifact = cli_var_store.load("var", Version(0, 0, 2))
    cli_var_store.save_scenario(make_scenario(artifact, "revised", 2, notes=LONG))
    out = run(capsys, "scenario", "list", "0.0.2")
    assert f"{LONG[:39]}…" in out
    assert LONG in run(capsys, "scenario", "show", "revised", "0.0.2")  # whole where it is shown alone
