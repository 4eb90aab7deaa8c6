"""Where the unit-root tests are shown (`varlib train` and `diagnose`, the Train page), a series stationary with a
trend that is not significant reads as stationary around a constant, with the trend's p-value, and a version fitted
with trend `ct` on it is told to drop the trend: infl beside cpi's growth rate, 60 quarters from 1969Q1."""

from __future__ import annotations

import numpy as np
import pandas as pd
from statsmodels.datasets import macrodata

from varlib import analyse_integration

NAMES = ["infl", "cpi_growth"]


def _frame() -> pd.DataFrame:
    data = macrodata.load_pandas().data
    growth = np.diff(np.log(data["cpi"].to_numpy(float))) * 400
    values = np.column_stack([data["infl"].to_numpy(float)[40:100], growth[40:100]])
    dates = pd.period_range("1969Q1", periods=60, freq="Q").to_timestamp()
    return pd.DataFrame(values, index=pd.Index(dates, name="date"), columns=NAMES)


def _words() -> list[str]:
    roots = analyse_integration(_frame().to_numpy(), NAMES).unit_roots
    assert all(u.trend_pvalue is not None and u.trend_pvalue >= 0.05 for u in roots)  # both: the study's slices
    return [f"stationary around a constant (trend p {u.trend_pvalue:.3g}, not significant)" for u in roots]


def test_train_and_diagnose_say_the_trend_is_not_significant(tmp_path, monkeypatch, capsys):
    from varlib.cli import main

    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path))
    csv = tmp_path / "infl.csv"
    _frame().to_csv(csv)
    assert main(["train", "--csv", str(csv), "--name", "trended", "--lags", "2", "--trend", "ct", "--publish"]) == 0
    trained = capsys.readouterr().out
    assert "unit roots: Every variable looks stationary around a constant" in trained and "trend `ct`" not in trained
    assert main(["diagnose", "--name", "trended"]) == 0
    out = capsys.readouterr().out
    for name, words in zip(NAMES, _words(), strict=True):
        assert f"unit root {name} (levels, constant and trend): ADF p " in out
        assert f": {words}\n" in out
    assert "refit with trend `c` (`--trend c`)" in out
    assert "call infl, cpi_growth stationary, but the trend's t-test in the ADF regression finds no trend" in out


def test_the_train_page_says_the_trend_is_not_significant(tmp_path, monkeypatch):
    from tests.app.conftest import open_app

    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path))
    at = open_app(page="views/train.py")
    at.radio(key="train_source").set_value("Upload a CSV").run()
    at.file_uploader(key="train_csv").set_value(("infl.csv", _frame().to_csv().encode(), "text/csv")).run()
    assert not at.exception
    said = next(i.value for i in at.info if "Unit-root tests" in i.value)
    for name, words in zip(NAMES, _words(), strict=True):
        assert f"{name}: {words}" in said.replace("\\_", "_"), said
    assert "trend `ct`" not in said and "stationary around a constant" in said
