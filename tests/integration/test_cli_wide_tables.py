"""A forecast of nine variables on a terminal: its 27 columns (a mean and two bounds each) printed as one line of
over 300 characters, which the terminal folded into a jumble. On a terminal the table is cut into blocks of whole
columns that fit its width, each led by the periods, each column headed by mean, lower or upper; a pipe still gets
one line per period, and a closed stdout (`>&-`) one error line instead of a traceback."""

from __future__ import annotations

import re
import sys

import pytest

from varlib import ModelSpec, Registry, load_dataset, publish_result, train_model
from varlib.cli import main

NINE = ("realgdp", "realcons", "realinv", "realgovt", "realdpi", "cpi", "m1", "tbilrate", "unemp")
PERIOD = re.compile(r"^(20\d\dQ\d)\s")


@pytest.fixture
def nine(local_settings, monkeypatch) -> None:
    registry = Registry.from_settings(local_settings)
    spec = ModelSpec(variables=NINE, lags=2)
    publish_result(registry, train_model(load_dataset(variables=list(NINE)), spec), "nine")
    for key in ("MINIO_ENDPOINT", "MINIO_BUCKET", "VARLIB_READ_ONLY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(local_settings.store_dir))


def _forecast(capsys) -> list[str]:
    code = main(["forecast", "--name", "nine", "--steps", "3"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    return out.splitlines()


def _cells_by_period(lines: list[str]) -> dict[str, list[str]]:
    cells: dict[str, list[str]] = {}
    for line in lines:
        if match := PERIOD.match(line):
            cells.setdefault(match.group(1), []).extend(line.split()[1:])
    return cells


def test_a_wide_forecast_fits_the_terminal_in_blocks_of_whole_columns(nine, capsys, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("COLUMNS", "120")
    lines = _forecast(capsys)
    assert max(len(line) for line in lines) <= 120, max(lines, key=len)
    cells = _cells_by_period(lines)
    assert list(cells) == ["2009Q4", "2010Q1", "2010Q2"]  # every block led by the periods
    assert all(len(row) == 3 * len(NINE) for row in cells.values()), cells  # no column lost between blocks
    heads = [word for line in lines for word in line.split() if word in ("mean", "lower", "upper")]
    assert [heads.count(kind) for kind in ("mean", "lower", "upper")] == [len(NINE)] * 3  # each column says which
    # a variable's bounds come right after its mean, so no block holds a mean whose bounds another block shows
    names = [word for line in lines if line.startswith("variable ") for word in line.split()[1:] if word != "\\"]
    assert names == [name for name in NINE for _ in range(3)], names


def test_a_piped_wide_forecast_keeps_one_line_per_period(nine, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")  # not a terminal: a program reads the rows whole
    rows = [line for line in _forecast(capsys) if PERIOD.match(line)]
    assert len(rows) == 3 and all(len(row.split()) == 1 + 3 * len(NINE) for row in rows)


def test_a_forecast_with_stdout_closed_says_so_in_one_line(nine, monkeypatch, capsys):
    # `varlib forecast >&-`: Python's stdout is None; asking it for a terminal (and flushing it) ended the command
    # in an AttributeError traceback
    monkeypatch.setattr(sys, "stdout", None)
    assert main(["forecast", "--name", "nine", "--steps", "3"]) == 1
    assert capsys.readouterr().err == "error: the output could not be written: stdout is closed\n"
