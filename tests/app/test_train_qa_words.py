"""The Train page with an analyst's own CSV: its warnings and the preview name this page's controls where the library
names a CLI flag (a VECM's small-sample rank warning said `CLI --coint-rank 2, dashboard: Cointegration rank on the
Train page` on that very page; a fill's refusal said `(From, the Train page's From)`), and Johansen's table of a
VECM shows every rank, not the first ten with the rest behind an inner scroll."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import streamlit as st
from streamlit.elements.arrow import ArrowMixin

from tests.app.conftest import errors, open_app
from tests.app.test_train_upload import _button, _fill_radio, _upload

TRAIN = "views/train.py"


def walks(k: int = 4, n: int = 60, seed: int = 3) -> bytes:
    """`n` quarters of `k` random walks (seed 3: Johansen's rank hangs on its small-sample factor at order 4)."""
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(100 + np.cumsum(rng.standard_normal((n, k)), axis=0), columns=[f"s{i}" for i in range(k)])
    frame.insert(0, "date", pd.date_range("1990-01-01", periods=n, freq="QS").strftime("%Y-%m-%d"))
    return frame.to_csv(index=False, float_format="%.4f").encode()


@pytest.fixture
def heights(monkeypatch) -> dict:
    """The height each st.dataframe was asked for, by its columns (AppTest keeps none)."""
    asked, original = {}, ArrowMixin.dataframe

    def dataframe(self, data=None, *args, **kwargs):
        frame = getattr(data, "data", data)  # a Styler's frame, or the frame
        asked[tuple(frame.columns)] = (kwargs.get("height", "auto"), len(frame))
        return original(self, data, *args, **kwargs)

    monkeypatch.setattr(ArrowMixin, "dataframe", dataframe)  # a column's
    monkeypatch.setattr(st, "dataframe", lambda *args, **kwargs: dataframe(st._main, *args, **kwargs))  # bound once
    return asked


def _vecm_of_order_4(registry):
    at = _upload(open_app(page=TRAIN), walks(), "walks.csv")
    at.radio(key="train_kind").set_value("vecm").run()
    at.radio(key="train_how").set_value("fixed").run()
    at.number_input(key="train_lags").set_value(4).run()
    _button(at, "Train").click().run()
    assert not at.exception and errors(at) == "", errors(at)
    return at


def test_a_vecm_warning_names_the_rank_control_not_the_cli(registry):
    at = _vecm_of_order_4(registry)
    warned = next(w.value for w in at.warning if "small-sample factor" in w.value)
    assert "force it (the Cointegration rank select" in warned, warned
    assert "CLI" not in warned and "on the Train page" not in warned


def test_johansens_table_shows_every_rank(registry, heights):
    _vecm_of_order_4(registry)
    height, rows = next(drawn for columns, drawn in heights.items() if "trace 95%" in columns)
    assert (height, rows) == ("content", 4)  # ranks 0 to 3 of four variables, none behind an inner scroll


def test_a_fill_refusal_names_the_from_control_once(registry):
    frame = pd.read_csv(pd.io.common.BytesIO(walks(3, 40)))
    frame.loc[:1, "s1"] = np.nan  # its first two values: nothing before them to interpolate from
    at = _upload(open_app(page=TRAIN), frame.to_csv(index=False).encode(), "late start.csv")
    _fill_radio(at).set_value("interpolate").run()
    _button(at, "Train").click().run()
    shown = errors(at)
    assert "start the data later (From) or use fill 'drop'" in shown, shown
    assert "Train page's From" not in shown


def test_the_memory_bound_warning_names_the_max_lags_field(registry, monkeypatch):
    """Only a long sample meets the bound (100,000 daily rows); a small one stands for it here."""
    monkeypatch.setattr("varlib.lag_order.SEARCH_CELLS", 2_000)
    at = open_app(page=TRAIN)
    _button(at, "Train").click().run()
    assert not at.exception and errors(at) == "", errors(at)
    warned = next(w.value for w in at.warning if "memory bounded" in w.value)
    assert "give a larger maximum (Max lags) to search further" in warned, warned
