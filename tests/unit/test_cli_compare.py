"""`varlib compare` on a local store holding two versions of `var` (lag orders 2 and 3): the table's columns in the
order given and its differing rows marked, --only-differences, the JSON and its forecasts (those of `forecast`),
and the exit codes of bad input (2) and of a version the store does not hold (1)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from tests.integration.test_cli_arguments import run  # one CLI call, its exit code and a one-line error
from varlib.cli import main


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    """A local store with var 0.0.1 (VAR(2)) and var 0.0.2 (VAR(3)), published through the CLI."""
    folder = tmp_path_factory.mktemp("compare") / "store"
    with pytest.MonkeyPatch.context() as patch:
        _point_at(patch, folder)
        assert main(["train", "--name", "var", "--lags", "2", "--publish"]) == 0
        assert main(["train", "--name", "var", "--lags", "3", "--publish"]) == 0
    return folder


@pytest.fixture
def store(store_dir, monkeypatch):
    _point_at(monkeypatch, store_dir)
    return store_dir


def _point_at(patch: pytest.MonkeyPatch, folder) -> None:
    for key in ("MINIO_ENDPOINT", "MINIO_BUCKET", "VARLIB_READ_ONLY"):
        patch.delenv(key, raising=False)
    patch.setenv("VARLIB_STORE_DIR", str(folder))
    patch.setenv("VARLIB_AUTHOR", "cli person")


def _row(out: str, field: str) -> str:
    """The table's line of `field` (after its mark, if any)."""
    return next(line for line in out.splitlines() if line.removeprefix("* ").lstrip().startswith(f"{field} "))


def test_versions_of_other_lag_orders_differ_in_it_and_not_in_their_data(store, capsys):
    code, out, err = run(capsys, "compare", "0.0.1", "0.0.2", "--json")
    assert code == 0, err
    compared = json.loads(out)
    assert compared["fields"]["lag order (k_ar)"] == {"var 0.0.1": 2, "var 0.0.2": 3}
    assert compared["fields"]["dataset"] == {"var 0.0.1": "macrodata", "var 0.0.2": "macrodata"}
    assert compared["fields"]["rank (VECM)"] == {"var 0.0.1": None, "var 0.0.2": None}  # a VAR has none: null
    assert "lag order (k_ar)" in compared["differs"] and "dataset" not in compared["differs"]
    assert compared["name"] == "var" and compared["steps"] == 8 and compared["level"] == 95

    code, out, err = run(capsys, "compare", "0.0.1", "0.0.2")
    assert code == 0, err
    assert _row(out, "lag order (k_ar)").startswith("* ") and _row(out, "dataset").startswith("  ")
    assert "* marks them" in out.splitlines()[0]
    assert "var 0.0.1: shared lag inputs" in out and "var 0.0.2: shared lag inputs" in out


def test_the_columns_follow_the_order_given(store, capsys):
    code, out, err = run(capsys, "compare", "0.0.2", "0.0.1", "--json")
    assert code == 0, err
    compared = json.loads(out)
    assert compared["versions"] == ["var 0.0.2", "var 0.0.1"]
    assert list(compared["fields"]["lag order (k_ar)"]) == ["var 0.0.2", "var 0.0.1"]
    assert [item["version"] for item in compared["forecasts"]] == ["var 0.0.2", "var 0.0.1"]

    code, out, err = run(capsys, "compare", "0.0.2", "0.0.1")
    assert code == 0, err
    header = out.splitlines()[1]
    assert 0 < header.index("var 0.0.2") < header.index("var 0.0.1")
    assert _row(out, "lag order (k_ar)").split()[-2:] == ["3", "2"]


def test_versions_may_follow_the_options(store, capsys):
    code, out, err = run(capsys, "compare", "0.0.2", "--steps", "2", "0.0.1", "--json")
    assert code == 0, err
    assert json.loads(out)["versions"] == ["var 0.0.2", "var 0.0.1"] and json.loads(out)["steps"] == 2


def test_the_first_versions_forecast_is_the_one_forecast_prints(store, capsys):
    code, out, err = run(capsys, "compare", "0.0.2", "0.0.1", "--steps", "3", "--level", "90", "--json")
    assert code == 0, err
    compared = json.loads(out)
    assert compared["steps"] == 3 and compared["level"] == 90
    first = compared["forecasts"][0]
    assert first["version"] == "var 0.0.2" and first["shared"] is True and len(first["rows"]) == 3 * 2
    code, out, err = run(capsys, "forecast", "0.0.2", "--steps", "3", "--alpha", "0.1", "--json")
    assert code == 0, err
    alone = json.loads(out)
    row = first["rows"][0]
    assert (row["date"], row["variable"]) == (alone["index"][0], alone["variables"][0])
    assert [row["mean"], row["lower"], row["upper"]] == pytest.approx(
        [alone["mean"][0][0], alone["lower"][0][0], alone["upper"][0][0]], rel=1e-12
    )


def test_only_differences_drops_the_rows_that_are_equal(store, capsys):
    code, full, err = run(capsys, "compare", "0.0.1", "0.0.2")
    assert code == 0, err
    code, out, err = run(capsys, "compare", "0.0.1", "0.0.2", "--only-differences")
    assert code == 0, err
    assert _row(full, "dataset") and _row(full, "variables")
    assert not [line for line in out.splitlines() if line.startswith(("dataset ", "variables "))]
    assert not [line for line in out.splitlines() if line.startswith("* ")]  # every row shown differs: no marks
    assert "3" in _row(out, "lag order (k_ar)") and "only those are shown" in out.splitlines()[0]
    assert len(out.splitlines()) < len(full.splitlines())


def test_one_version_is_not_a_comparison(store, capsys):
    code, out, err = run(capsys, "compare", "0.0.1")
    assert code == 2 and out == ""
    assert "compare needs at least two versions" in err and "(0.0.1)" in err


def test_one_version_named_twice_is_refused_by_name(store, capsys):
    code, out, err = run(capsys, "compare", "latest", "0.0.2")
    assert code == 2 and out == ""
    assert "var 0.0.2 is given twice (latest and 0.0.2 both name it)" in err


@pytest.mark.parametrize(
    "options, named",
    [(["--steps", "0"], "steps 0 "), (["--steps", "401"], "steps 401 "), (["--level", "30"], "--level 30 ")],
)
def test_steps_and_level_out_of_range_are_bad_input(store, capsys, options, named):
    code, out, err = run(capsys, "compare", "0.0.1", "0.0.2", *options)
    assert code == 2 and out == "" and named in err


def test_a_version_the_store_does_not_hold_exits_1(store, capsys):
    code, out, err = run(capsys, "compare", "0.0.1", "0.0.9")
    assert code == 1 and out == "" and "0.0.9" in err


@pytest.mark.parametrize("versions, code", [(["0.0.1", "0.0.9"], 1), (["0.0.1", "0_0_1"], 2)])
def test_a_refused_comparison_of_a_withdrawn_version_is_its_error_alone(cli_var_store, capsys, versions, code):
    """The withdrawn version's warning came before the refusal, so a script's log showed a failure of two lines;
    `run` asserts the one `error:` line."""
    assert main(["withdraw", "0.0.1", "--reason", "trained on the wrong file"]) == 0
    capsys.readouterr()
    assert run(capsys, "compare", *versions)[:2] == (code, "")


def test_a_compared_withdrawn_version_is_marked_in_the_json_and_warned_of_once(cli_var_store, capsys):
    assert main(["withdraw", "0.0.1", "--reason", "trained on the wrong file"]) == 0
    capsys.readouterr()
    code, out, err = run(capsys, "compare", "0.0.1", "0.0.2", "--json")
    assert code == 0 and [f["withdrawn"] is not None for f in json.loads(out)["forecasts"]] == [True, False]
    assert err.startswith("warning: var 0.0.1 was withdrawn ") and len(err.splitlines()) == 1


def test_a_missing_mape_is_explained_under_the_table_and_in_the_json(tmp_path, monkeypatch, capsys):
    """A T-bill rate near 0 has no MAPE: the comparison left the cell blank without saying why."""
    _point_at(monkeypatch, tmp_path / "store")
    for lags in ("1", "2"):
        assert main(["train", "--name", "rates", "--vars", "realgdp,tbilrate", "--lags", lags, "--publish"]) == 0
    capsys.readouterr()
    code, out, err = run(capsys, "compare", "--name", "rates", "0.0.1", "0.0.2")
    assert code == 0, err
    assert "note: MAPE is left out where a variable's values are not all of one sign" in out
    compared = json.loads(run(capsys, "compare", "--name", "rates", "0.0.1", "0.0.2", "--json")[1])
    assert compared["holdout_notes"] == [line.removeprefix("note: ") for line in out.splitlines() if "MAPE is" in line]


def test_the_pages_model_and_version_form_is_refused_with_what_the_cli_takes(store, capsys):
    code, _, err = run(capsys, "compare", "var:0.0.1", "other:0.0.1")
    assert code == 2 and "'var:0.0.1' names a model and a version; `varlib compare` compares versions of one" in err
    assert "`varlib compare --name var VERSION VERSION`" in err


def test_versions_of_other_frequencies_are_listed_each_in_a_block_of_its_own(tmp_path, monkeypatch, capsys):
    """A yearly and a quarterly version's forecasts were sorted into one date order, where 2010-01-01 is the year
    2010 in one row and 2010Q1 in the next; each version's rows now come together, in the order given."""
    _point_at(monkeypatch, tmp_path / "store")
    walk = np.cumsum(np.random.default_rng(3).normal(1.0, 2.0, (60, 2)), axis=0) + [1000, 500]
    values = [(f"{a:.2f}", f"{b:.2f}") for a, b in walk]
    for dates, bump in ((range(1950, 2010), "patch"), ([f"{1995 + n // 4}Q{n % 4 + 1}" for n in range(60)], "major")):
        rows = "".join(f"{date},{a},{b}\n" for date, (a, b) in zip(dates, values, strict=True))
        (tmp_path / "data.csv").write_text(f"date,a,b\n{rows}")
        train = ["train", "--csv", str(tmp_path / "data.csv"), "--name", "mixed", "--lags", "1", "--publish"]
        assert main([*train, "--bump", bump]) == 0
    capsys.readouterr()
    code, out, err = run(capsys, "compare", "--name", "mixed", "0.0.1", "1.0.0", "--steps", "2")
    assert code == 0, err
    dated = [line.split() for line in out.splitlines() if line.strip()[:4] in ("2010", "2011")]
    assert [" ".join(words[2:4]) for words in dated] == ["mixed 0.0.1"] * 4 + ["mixed 1.0.0"] * 4, out
    # each named as people name its periods, as `forecast` and `train` name them: the year 2010, then 2010Q1
    assert [words[0] for words in dated] == ["2010", "2010", "2011", "2011"] + ["2010Q1"] * 2 + ["2010Q2"] * 2, out
