"""How the CLI reads its arguments: column lists quoted like a CSV row (a name may hold a comma), a
VERSION after the options of `scenario save|show` as of `forecast`, and numeric options refused in one
line naming the value."""

from __future__ import annotations

import json

import pytest

from varlib import Registry, Settings, load_dataset, publish_result
from varlib.cli import main

ODD = ["Investment (bn DM)", "Disposable income; DM", "Consumption, DM"]


@pytest.fixture
def store(tmp_path, monkeypatch, macro_result):
    """A local store holding `var` 0.0.1 (realgdp, realcons), named by the environment as the CLI reads it."""
    for key in ("MINIO_ENDPOINT", "MINIO_BUCKET", "VARLIB_READ_ONLY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "store"))
    monkeypatch.setenv("VARLIB_AUTHOR", "cli person")
    registry = Registry.from_settings(Settings(store_dir=tmp_path / "store", author="tester"))
    publish_result(registry, macro_result, "var")
    return registry


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    if code:
        assert len(err.strip().splitlines()) == 1 and err.startswith("error: "), err
    return code, out, err


@pytest.fixture
def odd_csv(tmp_path):
    """Macrodata under column names with spaces, a semicolon and a comma (written quoted, as CSV does)."""
    frame = load_dataset(variables=["realinv", "realdpi", "realcons"]).frame
    frame.columns = ODD
    path = tmp_path / "odd.csv"
    frame.rename_axis("Date").to_csv(path)
    assert '"Consumption, DM"' in path.read_text().splitlines()[0]
    return str(path)


def test_a_column_whose_name_holds_a_comma_is_named_by_quoting_it(store, odd_csv, capsys):
    base = ("train", "--csv", odd_csv, "--transform", "logdiff", "--lags", "1", "--holdout", "0", "--json")
    code, out, err = run(capsys, *base, "--vars", '"Consumption, DM",Investment (bn DM)')
    assert code == 0, err
    assert json.loads(out)["variables"] == ["Consumption, DM", "Investment (bn DM)"]
    exog = ("--exog", "Disposable income; DM")
    code, out, err = run(capsys, *base, "--vars", 'Investment (bn DM), "Consumption, DM"', *exog)
    assert code == 0, err
    assert json.loads(out)["exog"] == ["Disposable income; DM"]
    code, out, err = run(
        capsys, *base, "--vars", "Investment (bn DM), Disposable income; DM", "--exog", '"Consumption, DM"'
    )
    assert code == 0, err
    assert json.loads(out)["exog"] == ["Consumption, DM"]


def test_the_columns_a_missing_one_is_told_to_choose_from_are_quoted_the_same_way(store, odd_csv, capsys):
    code, _, err = run(capsys, "train", "--csv", odd_csv, "--vars", "Investment (bn DM),Consumption, DM")
    assert code == 2 and "'Consumption', 'DM' not in" in err
    assert err.rstrip().endswith('available: Investment (bn DM), Disposable income; DM, "Consumption, DM"'), err


def test_a_column_list_with_an_unclosed_quote_is_refused_naming_it(store, odd_csv, capsys):
    code, _, err = run(capsys, "train", "--csv", odd_csv, "--vars", '"Consumption, DM,Investment (bn DM)')
    assert code == 2 and "--vars" in err and "'\"Consumption, DM,Investment (bn DM)'" in err
    assert "quote" in err


def test_scenario_save_and_show_take_the_version_after_an_option(store, tmp_path, capsys):
    conditions = tmp_path / "gdp.csv"
    conditions.write_text("step,realgdp,realcons\n1,12990,\n")
    code, out, err = run(
        capsys, "scenario", "save", "dip", "--name", "var", "0.0.1", "--steps", "4", "--conditions-csv", str(conditions)
    )
    assert code == 0, err
    assert "saved scenario 'dip' of var 0.0.1" in out
    code, out, err = run(capsys, "scenario", "show", "dip", "--name", "var", "0.0.1", "--json")
    assert code == 0, err
    assert json.loads(out)["version"] == "0.0.1" and json.loads(out)["steps"] == 4
    code, out, _ = run(capsys, "scenario", "list", "--name", "var", "0.0.1", "--json")
    assert code == 0 and [s["scenario"] for s in json.loads(out)] == ["dip"]


@pytest.mark.parametrize(
    "argv, unknown",
    [
        (["scenario", "show", "dip", "--name", "var", "0.0.1", "extra"], "0.0.1 extra"),
        (["scenario", "show", "dip", "0.0.1", "--name", "var", "0.0.2"], "0.0.2"),
        (["scenario", "show", "dip", "latest", "--name", "var", "0.0.1"], "0.0.1"),
        (["scenario", "show", "dip", "--name", "var", "--bogus"], "--bogus"),
        (["forecast", "--name", "var", "0.0.1", "extra"], "extra"),
        (["history", "--name", "var", "0.0.1"], "0.0.1"),
    ],
)
def test_arguments_nothing_takes_are_still_refused(store, capsys, argv, unknown):
    code, _, err = run(capsys, *argv)
    command = " ".join(argv[: 2 if argv[0] == "scenario" else 1])  # the help of the subcommand they were given to
    assert code == 2 and f"unrecognized arguments: {unknown} (see `varlib {command} --help`)" in err


@pytest.mark.parametrize("limit", ["0", "-1"])
def test_history_refuses_a_limit_below_one_naming_it(store, capsys, limit):
    code, out, err = run(capsys, "history", "--name", "var", "--limit", limit)
    assert code == 2 and out == ""
    assert f"--limit {limit} must be a whole number of at least 1" in err
    code, out, _ = run(capsys, "history", "--name", "var", "--limit", "1", "--json")
    assert code == 0 and len(json.loads(out)) == 1


def test_train_takes_the_dates_to_train_on(store, capsys):
    """A fill refusal said "start the data later (a start date)", an option only the Train page had."""
    code, out, err = run(capsys, "train", "--start", "1970Q1", "--end", "2000-10-01", "--name", "cut", "--publish")
    assert code == 0, err
    rows = store.load("cut", "latest").data.dates
    assert (rows[0], rows[-1], len(rows)) == ("1970-01-01", "2000-10-01", 124)
    code, out, err = run(capsys, "train", "--start", "banana")
    assert code == 2 and err == "error: start date 'banana' is not a date (use YYYY-MM-DD or 1970Q1)\n"
