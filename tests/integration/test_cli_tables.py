"""What the CLI prints for people and scripts says what the model is: a VARX's variables without its
exogenous columns, a log model's point forecast headed as the median it is, and one number format per
column of every table."""

from __future__ import annotations

import json
import re

import pytest

from tests.integration.test_cli import cli


@pytest.fixture
def local_env(tmp_path):
    return {"VARLIB_STORE_DIR": str(tmp_path / "store")}


def test_a_varx_training_names_its_variables_without_the_exogenous_ones(local_env):
    args = ("train", "--vars", "realgdp,realcons", "--exog", "realint", "--lags", "2", "--name", "varx")
    summary = json.loads(cli(local_env, *args, "--json").stdout)
    assert summary["variables"] == ["realgdp", "realcons"] and summary["exog"] == ["realint"]
    assert set(summary["metrics"]) == set(summary["variables"])
    text = cli(local_env, *args).stdout
    assert "on macrodata [realgdp, realcons]," in text


def _decimals(cell: str) -> int:
    return len(cell.split(".")[1]) if "." in cell else 0


def _columns(lines: list[str]) -> list[list[str]]:
    rows = [line.split() for line in lines]
    return [list(column) for column in zip(*rows, strict=True)]


def test_a_log_models_forecast_table_heads_its_median_and_keeps_one_format_per_column(local_env):
    cli(local_env, "train", "--transform", "logdiff", "--lags", "2", "--name", "lg", "--publish")
    printed = cli(local_env, "forecast", "--name", "lg", "--steps", "6").stdout.splitlines()
    assert printed[0].endswith("interval (median)")
    assert printed[1].split() == ["variable", "realgdp", "realcons"]  # each variable's point and bounds together
    assert printed[2].split() == ["median", "lower", "upper"] * 2  # the point is exp of the log forecast: a median
    rows = [line for line in printed if re.match(r"\d{4}Q\d ", line)]  # periods as `train` names them
    assert len(rows) == 6
    for column in _columns(rows)[1:]:
        assert len({_decimals(cell) for cell in column}) == 1, column
        assert not any("e" in cell for cell in column)
    mean = cli(local_env, "train", "--lags", "2", "--name", "plain", "--publish")
    assert mean.returncode == 0
    assert cli(local_env, "forecast", "--name", "plain", "--steps", "2").stdout.splitlines()[2].split()[0] == "mean"


def test_backtest_scores_line_up_by_column(local_env):
    cli(local_env, "train", "--lags", "2", "--name", "var", "--publish")
    printed = cli(local_env, "backtest", "--name", "var", "--origins", "6").stdout.splitlines()
    header = next(i for i, line in enumerate(printed) if line.split()[:2] == ["variable", "horizon"])
    rows = [line for line in printed[header + 1 :] if line.split() and line.split()[0] in ("realgdp", "realcons")]
    assert len(rows) >= 2
    for column in _columns(rows)[2:]:
        assert len({_decimals(cell) for cell in column}) == 1, column
