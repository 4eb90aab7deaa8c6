"""Diagnostics › Stability: the eigenvalue table as tall as its rows, numbered from 1, conjugate pairs + then -,
no signed zero; a VECM's unit roots with their own legend entry."""

from __future__ import annotations

import numpy as np
import pytest
from streamlit.elements.arrow import ArrowMixin

from tests.app.conftest import charts, displayed, errors, open_app, values
from varlib import ModelSpec, load_dataset, train_model
from varlib.service import publish_result

DIAG = "views/diagnostics.py"


@pytest.fixture
def heights(monkeypatch) -> dict:
    """The height each keyed st.dataframe was asked for (AppTest does not keep it)."""
    asked, original = {}, ArrowMixin.dataframe

    def dataframe(self, data=None, *args, **kwargs):
        asked[kwargs.get("key")] = kwargs.get("height", "auto")
        return original(self, data, *args, **kwargs)

    monkeypatch.setattr(ArrowMixin, "dataframe", dataframe)
    return asked


def _stability(query: dict):
    at = open_app(query, page=DIAG)
    at.session_state["dg_tab"] = "Stability"
    at.run()
    assert errors(at) == "" and not at.exception
    return at


def _table(at):
    return next(d for d in at.dataframe if "modulus" in d.value.columns)


def test_the_eigenvalue_table_is_as_tall_as_its_rows(seeded, heights):
    at = _stability({"model": "var"})
    assert len(_table(at).value) <= 10
    assert heights.get("dg_roots_table") == "content"  # a fixed 420 px left blank rows under it


def test_the_eigenvalues_are_numbered_from_1_pairs_in_order_and_no_signed_zero(seeded):
    table = _table(_stability({"model": "var"}))
    shown = displayed(table)
    assert list(table.value.index) == list(range(1, len(shown) + 1))
    assert not shown["imag"].str.fullmatch(r"-0\.0+").any(), list(shown["imag"])
    imag = table.value["imag"].to_numpy()
    assert (imag < 0).any() and (imag == 0).any()  # this model has both kinds
    for i in np.flatnonzero(imag < 0):  # each negative part follows its conjugate
        assert i > 0 and imag[i - 1] == pytest.approx(-imag[i]), imag


def test_a_vecms_unit_roots_have_their_own_legend_entry(seeded):
    dataset = load_dataset()
    spec = ModelSpec(variables=tuple(dataset.variables), kind="vecm", lags=3, coint_rank=1)
    publish_result(seeded, train_model(dataset, spec), "macro-vecm", "patch", "cointegrated")
    at = _stability({"model": "macro-vecm"})
    roots = next(f for f in charts(at) if f["layout"]["title"]["text"].startswith("Eigenvalues"))
    by_name = {t["name"]: t for t in roots["data"]}
    unit = by_name["unit roots (1 expected: K - r)"]  # K = 2 variables, rank r = 1
    assert values(unit, "x") == pytest.approx([1.0], abs=1e-6)
    inside = by_name["eigenvalues inside"]
    assert len(values(inside, "x")) == 2 * 3 - 1 and max(abs(np.asarray(values(inside, "x")))) < 1
