"""A date before the year 1 (`0000-01-01`, `-1`, `-2000`, `-0001-01-01`) is no date: pandas holds such years, but
Python's dates cannot, and labelling one crashed the CLI, the upload preview and REST (a 500 for `lag_dates`).
Refused with its row, as `0000-00-00` always was (QA)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import varlib
from varlib import InvalidInputError, dated_lag_inputs, load_dataset, profile_csv
from varlib.cli import main
from varlib.clock import iso_label

YEAR_ZERO = ["0000-01-01", "0000-01-01 00:00:00", "-1", "-2000", "-0001-01-01"]


def _csv(first: str) -> bytes:
    rng = np.random.default_rng(3)
    quarters = [first] + [f"{2000 + q // 4}Q{q % 4 + 1}" for q in range(1, 40)]
    values = 100 + np.cumsum(rng.normal(0.3, 1.0, size=(40, 2)), axis=0)
    rows = [f"{date},{a:.3f},{b:.3f}" for date, (a, b) in zip(quarters, values, strict=True)]
    return ("date,gdp,cons\n" + "\n".join(rows) + "\n").encode()


@pytest.mark.parametrize("cell", YEAR_ZERO)
def test_a_date_before_the_year_1_is_refused_with_its_row(cell):
    with pytest.raises(InvalidInputError, match=rf"row 1: {cell!r} is not a date; write it"):
        load_dataset(_csv(cell), csv_name="zero.csv")


@pytest.mark.parametrize("cell", YEAR_ZERO)
def test_the_upload_preview_names_it_as_a_problem(cell):
    profile, _ = profile_csv(_csv(cell), "zero.csv")
    assert any(f"row 1: {cell!r} is not a date" in problem for problem in profile.problems)


@pytest.mark.parametrize("dates", [["0000-12-01", "0001-01-01"], ["-1", "0001-01-01"]])
def test_rest_lag_dates_before_the_year_1_are_refused(dates):
    with pytest.raises(InvalidInputError, match=rf"{dates[0]!r} is not a date") as refused:
        dated_lag_inputs([[1.0, 2.0], [1.5, 2.5]], dates, ["a", "b"], 2, "none", "MS")
    assert refused.value.field == "lag_dates"


def test_a_label_of_the_year_0_is_written_not_raised():
    assert iso_label(pd.Timestamp("0000-01-01")) == "0000-01-01"


@pytest.fixture
def store(tmp_path, monkeypatch):
    for key in ("MINIO_ENDPOINT", "MINIO_BUCKET", "VARLIB_READ_ONLY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "store"))
    return tmp_path


def test_the_cli_refuses_it_in_training_lags_and_conditions_with_exit_2(store, capsys):
    data = store / "gdp.csv"
    data.write_bytes(_csv("-1"))
    assert main(["train", "--csv", str(data), "--lags", "1"]) == 2
    assert "row 1: '-1' is not a date" in capsys.readouterr().err
    data.write_bytes(_csv("2000Q1"))
    assert main(["train", "--csv", str(data), "--lags", "1", "--holdout", "0", "--publish", "--name", "m"]) == 0
    capsys.readouterr()
    lags, conditions = store / "lags.csv", store / "conditions.csv"
    lags.write_text("date,gdp,cons\n0000-01-01,130.0,131.0\n")
    conditions.write_text("date,gdp\n0000-01-01,150\n")
    for option, path in (("--lags-csv", lags), ("--conditions-csv", conditions)):
        assert main(["forecast", "--name", "m", option, str(path)]) == 2
        assert "'0000-01-01' is not a date" in capsys.readouterr().err


def test_the_library_reads_the_year_1_still():
    dates = pd.date_range("0001-01-01", periods=40, freq="QS")
    frame = pd.DataFrame({"a": np.arange(40.0) ** 1.1, "b": np.cos(np.arange(40.0))}, index=dates.rename("date"))
    assert varlib.load_dataset(frame).frame.index[0] == pd.Timestamp("0001-01-01")  # a date, if an odd one
