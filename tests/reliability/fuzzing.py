"""Hypothesis settings, strategies and checks shared by the fuzz suites (library and CLI)."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from varlib import ModelSpec
from varlib.artifact import build_artifact
from varlib.data import load_csv
from varlib.service import forecast_artifact, train_model

SCALES = [pytest.param(1, id="ci"), pytest.param(20, id="x20", marks=pytest.mark.slow)]


def fuzz(examples: int):
    return settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck))


FIGURES: Counter = Counter()

EXTREME = st.sampled_from(
    [
        0.0,
        -0.0,
        1e-308,
        5e-324,
        1e150,
        -1e150,
        1e300,
        -1e300,
        1.7e308,
        -1.7e308,
        float("nan"),
        float("inf"),
        float("-inf"),
    ]
)
CELL = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(10**30), 10**30),
    EXTREME,
    st.text(max_size=6),
    st.none(),
    st.booleans(),
)


HOSTILE_STEPS = st.one_of(
    st.integers(-5, 450),
    st.sampled_from([0, 1, 400, 401, 10**9]),
    st.floats(),
    st.text(max_size=3),
    st.none(),
    st.booleans(),
)
HOSTILE_ALPHA = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, 0.0001, 0.5, 0.50001, 1]),
    st.text(max_size=4),
    st.none(),
    st.booleans(),
)


def check_forecast(result) -> None:
    """A result shown as valid: finite everywhere, lower <= point <= upper, one row per step."""
    f = result.forecast
    for array in (f.mean, f.lower, f.upper):
        assert np.all(np.isfinite(array)), array
    assert np.all(f.lower <= f.mean + 1e-9 * np.abs(f.mean)) and np.all(f.mean <= f.upper + 1e-9 * np.abs(f.mean))
    assert f.mean.shape == (result.steps, len(result.variables)) and len(result.index) == result.steps


ROWS, COLUMNS = st.integers(0, 6), st.integers(0, 5)


def lag_tables(draw_rows=ROWS, draw_cols=COLUMNS):
    @st.composite
    def table(draw):
        rows, cols = draw(draw_rows), draw(draw_cols)
        kind = draw(st.sampled_from(["list", "array", "frame", "none", "scalar", "ragged"]))
        cells = [[draw(CELL) for _ in range(cols)] for _ in range(rows)]
        if kind == "none":
            return None
        if kind == "scalar":
            return draw(CELL)
        if kind == "ragged" and rows:
            cells[0] = cells[0] + [1.0]
            return cells
        if kind == "array":
            return np.array(cells, dtype=object)
        if kind == "frame":
            columns = draw(st.sampled_from([["realgdp", "realcons", "realinv"], ["realgdp", "realcons"], ["a", "b"]]))
            frame = pd.DataFrame(
                [row[: len(columns)] + [0.0] * (len(columns) - len(row)) for row in cells], columns=columns
            )
            if draw(st.booleans()) and rows:
                frame.index = pd.date_range("2009-10-01", periods=rows, freq=draw(st.sampled_from(["QS", "D", "YS"])))
            return frame
        return cells

    return table()


def train_and_forecast(raw: bytes, spec: dict):
    dataset = load_csv(raw, name="fuzz.csv")
    result = train_model(dataset, ModelSpec(**spec))
    assert np.all(np.isfinite(result.params.coefs)) and np.all(np.isfinite(result.params.sigma_u))
    if result.evaluation:
        for metrics in result.evaluation.metrics.values():
            assert all(v is None or math.isfinite(v) for v in metrics.values()), metrics
    check_forecast(forecast_artifact(build_artifact(result, "fuzz", "fuzz"), steps=4))
