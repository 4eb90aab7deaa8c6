"""The CLI's tables give each variable the digits of its own units: a rate near 0.012 beside a level near 1.2e7
printed its backtest MAE and the random walk's (5.021e-05 and 4.954e-05 in --json) both as 0.000050, and its
holdout RMSE as 0.000090, because one format covered a column of both variables (QA)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from varlib import shared_formats
from varlib.cli import main
from varlib.cli.output import by_variable, print_table

UNITS = ("rmse", "mae", "rmse_rw", "mae_rw")
CLOSE = 5e-4  # four significant digits: a cell read back is this close to its value, relatively


@pytest.fixture
def mixed(tmp_path, monkeypatch):
    """A CSV of a level near 1.2e7 and a rate near 0.012, monthly, in a local store named by the environment."""
    for key in ("MINIO_ENDPOINT", "MINIO_BUCKET", "VARLIB_READ_ONLY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "store"))
    rng = np.random.default_rng(0)
    rows = 80
    big = 1.2e7 + np.cumsum(rng.normal(0, 2e4, rows))
    rate = 0.012 + 0.3 * np.cumsum(rng.normal(0, 5e-5, rows)) + rng.normal(0, 3e-5, rows)
    dates = pd.date_range("2015-01-01", periods=rows, freq="MS").strftime("%Y-%m-%d")
    path = tmp_path / "mixed.csv"
    pd.DataFrame({"date": dates, "big": big, "rate": rate}).to_csv(path, index=False)
    return str(path)


def _run(capsys, *argv: str) -> str:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def _read_back(cell: str, value: float) -> bool:
    return abs(float(cell) - value) <= CLOSE * abs(value)


def _decimals(cell: str) -> str:
    """A cell's format as far as the eye sees it: its decimals, and whether it is scientific."""
    mantissa, _, exponent = cell.partition("e")
    return f"{len(mantissa.partition('.')[2])}{'e' if exponent else ''}"


def test_a_scores_table_gives_each_variable_its_own_digits(capsys):
    scores = pd.DataFrame(
        {
            "variable": ["big", "big", "rate", "rate"],
            "horizon": [1, 2, 1, 2],
            "mae": [17787.114544, 30695.276785, 5.021e-05, 5.0213e-05],
            "mae_rw": [14830.317969, 26455.163788, 4.954e-05, 5.0209e-05],  # 4 digits alike in the last row
            "mape": [0.1464, 0.2525, 0.5456, 0.6967],
        }
    )
    print_table(scores, index=False, digits=4, share=by_variable(("mae", "mae_rw"), "variable"))
    rows = [line.split() for line in capsys.readouterr().out.splitlines()[1:]]
    for row in rows[2:]:  # the rate's: the model's and the random walk's told apart, each read back
        assert row[2] != row[3], row
    assert [_read_back(row[2], v) for row, v in zip(rows, scores["mae"], strict=True)] == [True] * 4
    assert {_decimals(cell) for row in rows[:2] for cell in row[2:4]} == {"0"}  # the level's: no six decimals
    assert len({_decimals(row[4]) for row in rows}) == 1  # a percentage: one format down its column


def test_the_backtest_table_tells_apart_what_its_json_tells_apart(mixed, capsys):
    _run(capsys, "train", "--csv", mixed, "--lags", "2", "--name", "mixed", "--publish")
    args = ("backtest", "--name", "mixed", "latest", "--origins", "4", "--horizon", "2")
    scores = json.loads(_run(capsys, *args, "--json"))["scores"]
    lines = _run(capsys, *args).splitlines()
    header = next(i for i, line in enumerate(lines) if line.split()[:2] == ["variable", "horizon"])
    names = lines[header].split()
    rows = [dict(zip(names, line.split(), strict=True)) for line in lines[header + 1 : header + 1 + len(scores)]]
    for row, score in zip(rows, scores, strict=True):
        assert row["variable"] == score["variable"]
        for column in UNITS:
            assert _read_back(row[column], score[column]), (column, row, score)
        assert len({row[c] for c in UNITS}) == len({score[c] for c in UNITS}), (row, score)
    for variable in ("big", "rate"):  # one format for a variable's scores in its units
        assert len({_decimals(r[c]) for r in rows if r["variable"] == variable for c in UNITS}) == 1


def test_the_holdout_table_of_train_reads_back_its_metrics(mixed, capsys):
    args = ("train", "--csv", mixed, "--lags", "2", "--name", "mixed")
    metrics = json.loads(_run(capsys, *args, "--json"))["metrics"]
    lines = _run(capsys, *args).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("holdout (")) + 2  # past its header
    for line in lines[start : start + len(metrics)]:
        variable, rmse, mae, _ = line.split()
        assert _read_back(rmse, metrics[variable]["rmse"]) and _read_back(mae, metrics[variable]["mae"]), line
        assert rmse != mae and _decimals(rmse) == _decimals(mae), line


def test_the_forecast_table_prints_each_variable_as_the_dashboard_does(mixed, capsys):
    """The Forecast page's table (varlib.shared_formats of the variables' forecast and bounds) is the reference:
    a level of 12 million in its scientific format there is in it here too, to the same digits."""
    _run(capsys, "train", "--csv", mixed, "--lags", "2", "--name", "mixed", "--publish")
    forecast = json.loads(_run(capsys, "forecast", "--name", "mixed", "--steps", "3", "--json"))
    lines = _run(capsys, "forecast", "--name", "mixed", "--steps", "3").splitlines()
    variables = forecast["variables"]
    table = {
        f"{v}{'' if bound == 'mean' else ' ' + bound}": [row[j] for row in forecast[bound]]
        for j, v in enumerate(variables)
        for bound in ("mean", "lower", "upper")  # a variable's point and bounds side by side
    }
    formats = shared_formats(table, variables)
    expected = [
        [formats[column] % values[step] for column, values in table.items()] for step in range(forecast["steps"])
    ]
    assert [line.split()[2:] for line in lines[-3:]] == expected  # after the period, as `Sep 2021`
