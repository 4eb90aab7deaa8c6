"""What the CLI prints around its results: nothing but the exit status when the reader of its output goes
away (`| head`), warnings after the output they are about in one stream of both (`2>&1 | tee`), a dash for every
missing table cell, file paths as given, and plain wording."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from tests.integration.test_cli_arguments import run, store  # noqa: F401 (a fixture)
from tests.support.cli_runner import PROJECT, STORELESS_ENV
from varlib.cli.output import MISSING, print_table


def test_output_into_a_closed_pipe_exits_quietly(tmp_path):
    """As `varlib forecast --json | head -1` does once head has read its line: no traceback, and the status
    of a process ended by SIGPIPE (128 + 13), as `cat` or `grep` give."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before the first write
    try:
        result = subprocess.run(
            [sys.executable, "-m", "varlib", "train", "--lags", "2", "--holdout", "0", "--json"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            cwd=PROJECT,
            env={**STORELESS_ENV, "VARLIB_STORE_DIR": str(tmp_path / "store")},
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 141, result.stderr
    assert "Traceback" not in result.stderr and "Broken pipe" not in result.stderr  # warnings may stay


def _merged(tmp_path, *argv: str) -> str:
    """stdout and stderr of `varlib ARGV` as one pipe gives them to a CI log (`2>&1 | tee`): stdout block-buffered,
    as Python makes it on a pipe unless PYTHONUNBUFFERED says otherwise."""
    env = {k: v for k, v in STORELESS_ENV.items() if k != "PYTHONUNBUFFERED"}
    result = subprocess.run(
        [sys.executable, "-m", "varlib", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=PROJECT,
        env={**env, "VARLIB_STORE_DIR": str(tmp_path / "store")},
        timeout=120,
    )
    assert result.returncode == 0, result.stdout
    return result.stdout


def test_train_prints_its_warnings_after_the_summary_they_are_about(tmp_path):
    # a VAR(3) in levels of the bundled data is not stable: a warning is certain
    lines = _merged(tmp_path, "train", "--lags", "3", "--holdout", "0").splitlines()
    warned = [i for i, line in enumerate(lines) if line.startswith("warning: ")]
    assert lines[0].startswith("trained VAR(3)") and warned, lines
    assert lines[warned[0] - 1].startswith("not published") and warned == list(range(warned[0], len(lines))), lines
    # --json: the document whole first (its `warnings` hold them), then the same lines for whoever reads the log
    merged = _merged(tmp_path, "train", "--lags", "3", "--holdout", "0", "--json")
    document, _, said = merged.partition("\nwarning: ")
    assert json.loads(document)["k_ar"] == 3 and said, merged
    assert all(line.startswith("warning: ") for line in ("warning: " + said).splitlines()), merged


def test_a_withdrawn_version_is_warned_of_below_its_forecast(tmp_path):
    _merged(tmp_path, "train", "--name", "var", "--lags", "2", "--holdout", "0", "--publish")
    _merged(tmp_path, "withdraw", "0.0.1", "--reason", "trained on the wrong file")
    lines = _merged(tmp_path, "forecast", "0.0.1", "--steps", "1").splitlines()
    assert lines[0].startswith("var 0.0.1: 1 step") and lines[-1].startswith("warning: var 0.0.1 was withdrawn "), lines


def test_a_table_prints_a_dash_for_a_column_with_no_values(capsys):
    frame = pd.DataFrame({"variable": ["a", "b"], "rmse": [0.5, 0.25], "mape": [None, None], "note": ["x", None]})
    print_table(frame, index=False, digits=4)
    lines = capsys.readouterr().out.splitlines()
    assert "None" not in "\n".join(lines)
    assert lines[1].split() == ["a", "0.5000", MISSING, "x"] and lines[2].split() == ["b", "0.2500", MISSING, MISSING]


def test_a_missing_lag_file_is_named_by_the_path_given(store, tmp_path, capsys):  # noqa: F811
    path = tmp_path / "nope" / "l.csv"
    code, _, err = run(capsys, "forecast", "--name", "var", "--lags-csv", str(path))
    assert code == 2 and f"cannot read lag inputs from {str(path)!r}: No such file or directory" in err


@pytest.mark.parametrize("lags", ["2", "3"])
def test_a_fixed_lag_order_reads_fixed_at_its_order(store, capsys, lags):  # noqa: F811
    code, out, err = run(capsys, "train", "--lags", lags, "--holdout", "0")
    assert code == 0, err
    assert f", lag order fixed at {lags}, transform none," in out and "lag order by fixed" not in out


def test_a_one_step_forecast_says_step(store, capsys):  # noqa: F811
    code, out, _ = run(capsys, "forecast", "--name", "var", "--steps", "1")
    assert code == 0 and out.startswith("var 0.0.1: 1 step, 95% standard interval")
    code, out, _ = run(capsys, "forecast", "--name", "var", "--steps", "2")
    assert code == 0 and out.startswith("var 0.0.1: 2 steps, 95% standard interval")
