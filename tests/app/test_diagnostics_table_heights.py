"""Diagnostics tables show every row: the residual tests of three variables (twelve rows) and the coefficients of a
VAR(4) of three (thirteen) were drawn ten rows high, the multivariate ARCH test and the last lags out of sight."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.elements.arrow import ArrowMixin

from tests.app.conftest import errors, open_app
from varlib import ModelSpec, load_dataset, train_model
from varlib.service import publish_result

DIAG = "views/diagnostics.py"
THREE = ("realgdp", "realcons", "realinv")


@pytest.fixture
def heights(monkeypatch) -> dict:
    """The height each st.dataframe was asked for and its rows, by its columns (AppTest keeps neither)."""
    asked, original = {}, ArrowMixin.dataframe

    def dataframe(self, data=None, *args, **kwargs):
        frame = getattr(data, "data", data)  # a Styler's frame, or the frame
        asked.setdefault(tuple(frame.columns), []).append((kwargs.get("height", "auto"), len(frame)))
        return original(self, data, *args, **kwargs)

    monkeypatch.setattr(ArrowMixin, "dataframe", dataframe)  # a column's or a tab's
    monkeypatch.setattr(st, "dataframe", lambda *args, **kwargs: dataframe(st._main, *args, **kwargs))  # bound once
    return asked


@pytest.fixture
def three(registry):
    dataset = load_dataset(variables=list(THREE))
    publish_result(registry, train_model(dataset, ModelSpec(variables=THREE, lags=4)), "var3", "patch", "three")


def _tab(tab: str):
    at = open_app({"model": "var3"}, page=DIAG)
    at.session_state["dg_tab"] = tab
    at.run()
    assert errors(at) == "" and not at.exception
    return at


def test_every_residual_test_is_in_sight(three, heights):
    _tab("Residuals")
    (height, rows), *_ = next(drawn for columns, drawn in heights.items() if "at 0.05" in columns)
    assert rows > 10 and height == "content", (height, rows)  # ARCH-LM per variable and multivariate at the end


def test_every_coefficient_is_in_sight(three, heights):
    _tab("Coefficients")
    equations = next(drawn for columns, drawn in heights.items() if "p normal" in columns)
    assert equations == [("content", 3 * 4 + 1)] * len(THREE)
