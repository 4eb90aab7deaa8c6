"""An empty value for a file, date, scenario or fan option (`--lags-csv "$LAGS"` with the variable unset) is
refused, exit 2 naming the option: never read as the option left out (a forecast from the training data
instead of the given lags, an unconditional one, every date trained on, a report without its fan) nor, for a
path, as the current folder ("Is a directory")."""

from __future__ import annotations

import pytest

from varlib.cli import main

OPTIONS = [
    ("forecast", "0.0.1", "--steps", "2", "--lags-csv"),
    ("forecast", "0.0.1", "--steps", "2", "--exog-csv"),
    ("forecast", "0.0.1", "--steps", "2", "--conditions-csv"),
    ("forecast", "0.0.1", "--scenario"),
    ("scenario", "save", "dip", "0.0.1", "--conditions-csv"),
    ("report", "0.0.1", "--fan"),
    ("report", "0.0.1", "--scenario"),
    ("report", "0.0.1", "--out"),
    ("train", "--lags", "1", "--holdout", "0", "--csv"),
    ("train", "--lags", "1", "--holdout", "0", "--date-col"),
    ("train", "--lags", "1", "--holdout", "0", "--start"),
    ("train", "--lags", "1", "--holdout", "0", "--end"),
]


@pytest.mark.parametrize("argv", OPTIONS, ids=lambda argv: f"{argv[0]} {argv[-1]}")
@pytest.mark.parametrize("blank", ["", " "])
def test_an_empty_value_is_refused_naming_the_option(cli_var_store, tmp_path, capsys, argv, blank):
    out_file = [] if argv[-1] == "--out" or argv[0] != "report" else ["--out", str(tmp_path / "r.html")]
    code = main([*argv, blank, *out_file, "--name", "var"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err == (
        f"error: argument {argv[-1]}: {blank!r} is empty: give a value (an unset shell variable gives an empty one)"
        f" (see `varlib {' '.join(argv[:2] if argv[0] == 'scenario' else argv[:1])} --help`)\n"
    )
    assert not (tmp_path / "r.html").exists()
    assert cli_var_store.scenarios("var", "0.0.1") == []
