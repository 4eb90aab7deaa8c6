"""Suite 7, hostile input fuzzed with hypothesis through the library: only VarlibError comes out, and valid
results are finite (the CLI's share is in test_fuzz_cli.py)."""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.reliability.fuzzing import (
    CELL,
    EXTREME,
    FIGURES,
    HOSTILE_ALPHA,
    HOSTILE_STEPS,
    SCALES,
    check_forecast,
    fuzz,
    lag_tables,
    train_and_forecast,
)
from tests.support.figures import record
from varlib import ModelSpec
from varlib.artifact import build_artifact
from varlib.errors import VarlibError
from varlib.service import forecast_artifact, load_dataset, train_model


@pytest.fixture(scope="module")
def artifacts(macro_result):
    """Three shapes of model: levels by AIC, logdiff VAR(2) and diff VAR(1) with a trend."""
    dataset = load_dataset(variables=["realgdp", "realcons", "realinv"])
    logdiff = train_model(dataset, ModelSpec(variables=tuple(dataset.variables), transform="logdiff", lags=2))
    diff = train_model(dataset, ModelSpec(variables=("realgdp", "realcons"), transform="diff", trend="ct", lags=1))
    return [build_artifact(r, "var", "fuzz") for r in (macro_result, logdiff, diff)]


@st.composite
def _near_valid_lags(draw, artifact):
    """The default lag table with a few cells changed: reaches the numerical code, not only the checks."""
    values = artifact.default_lag_inputs().to_numpy(dtype=float).copy()
    for _ in range(draw(st.integers(0, 3))):
        i, j = draw(st.integers(0, values.shape[0] - 1)), draw(st.integers(0, values.shape[1] - 1))
        values[i, j] = draw(st.one_of(EXTREME, st.floats(-1e6, 1e6)))
    return values


@pytest.mark.parametrize("scale", SCALES)
def test_forecast_inputs_fuzzed_through_the_library(artifacts, scale):
    FIGURES.clear()

    @fuzz(300 * scale)
    @given(which=st.integers(0, 2), data=st.data(), hostile=st.sampled_from(["steps", "alpha", "lags", "none"]))
    def check(which, data, hostile):
        # One argument hostile at a time (or none), the others valid: every check and the numerics get reached.
        artifact = artifacts[which]
        steps = data.draw(HOSTILE_STEPS if hostile == "steps" else st.integers(1, 400))
        alpha = data.draw(HOSTILE_ALPHA if hostile == "alpha" else st.floats(0.0001, 0.5))
        lags = data.draw(lag_tables() if hostile == "lags" else st.one_of(st.none(), _near_valid_lags(artifact)))
        FIGURES["forecast inputs tried"] += 1
        try:
            result = forecast_artifact(artifact, steps, alpha, lags)
        except VarlibError as exc:
            assert str(exc)
            FIGURES["forecast inputs refused"] += 1
            return
        check_forecast(result)
        FIGURES["forecast inputs accepted"] += 1

    check()
    record(
        "fuzz",
        "forecast inputs, library" + (f", x{scale}" if scale > 1 else ""),
        inputs_tried=FIGURES["forecast inputs tried"],
        refused_with_varlib_error=FIGURES["forecast inputs refused"],
        accepted_all_finite=FIGURES["forecast inputs accepted"],
        other_exceptions=0,
        non_finite_results=0,
    )


@st.composite
def _csv_files(draw):
    """Small CSVs with every flaw a user's file can have."""
    n_vars = draw(st.sampled_from([0, 1, 2, 2, 3, 3, 4]))
    n_rows = draw(st.one_of(st.integers(0, 12), st.integers(40, 120)))
    start = pd.Timestamp("2000-01-01")
    dates = [start + pd.DateOffset(months=3 * i) for i in range(n_rows)]
    flaw = draw(
        st.sampled_from(
            ["none"] * 6
            + [
                "duplicate",
                "unsorted",
                "garbage date",
                "constant",
                "collinear",
                "huge values",
                "cells",
                "trend",
                "no date column",
            ]
        )
    )
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    values = np.cumsum(rng.normal(size=(n_rows, n_vars)), axis=0) + 100
    cells = values.astype(object)
    if flaw == "duplicate" and n_rows > 2:
        dates[2] = dates[1]
    if flaw == "unsorted" and n_rows > 3:
        dates[1], dates[3] = dates[3], dates[1]
    if flaw == "constant" and n_vars:
        cells[:, 0] = 7.0
    if flaw == "collinear" and n_vars > 1:
        cells[:, 1] = 2.0 * values[:, 0] + 1
    if flaw == "huge values":
        cells = (values * draw(st.sampled_from([1e150, 1e300, 1e-300]))).astype(object)
    if flaw == "trend" and n_vars:
        cells[:, 0] = np.arange(n_rows, dtype=float)
    if flaw == "cells" and n_rows and n_vars:
        for _ in range(draw(st.integers(1, 3))):
            cells[draw(st.integers(0, n_rows - 1)), draw(st.integers(0, n_vars - 1))] = draw(CELL)
    labels = [d.date().isoformat() for d in dates]
    if flaw == "garbage date" and n_rows:
        labels[draw(st.integers(0, n_rows - 1))] = draw(st.text(max_size=5))
    out = io.StringIO()
    writer = csv.writer(out)
    names = [f"v{j}" for j in range(n_vars)]
    writer.writerow(names if flaw == "no date column" else ["date", *names])
    for label, row in zip(labels, cells, strict=False):
        writer.writerow(list(row) if flaw == "no date column" else [label, *row])
    return out.getvalue().encode(), names, flaw


@st.composite
def _specs(draw, names):
    variables = tuple(draw(st.sampled_from([names, names[:2], names[::-1]]))) if names else ()
    return dict(
        variables=variables,
        transform=draw(st.sampled_from(["none", "diff", "logdiff"])),
        trend=draw(st.sampled_from(["c", "ct", "n"])),
        lags=draw(st.one_of(st.none(), st.integers(1, 4))),
        max_lags=draw(st.integers(1, 4)),
        holdout=draw(st.sampled_from([0, 0.1, 0.3])),
    )


@pytest.mark.parametrize("scale", SCALES)
def test_csv_uploads_fuzzed_through_the_library(scale):
    FIGURES.clear()

    @fuzz(150 * scale)
    @given(data=st.data())
    def check(data):
        raw, names, flaw = data.draw(_csv_files())
        spec = data.draw(_specs(names))
        FIGURES["csv tried"] += 1
        FIGURES[f"csv flaw {flaw}"] += 1
        try:
            train_and_forecast(raw, spec)
        except VarlibError as exc:
            assert str(exc)
            FIGURES["csv refused"] += 1
            return
        FIGURES["csv accepted"] += 1

    check()
    record(
        "fuzz",
        "CSV uploads, library (load, train, forecast)" + (f", x{scale}" if scale > 1 else ""),
        inputs_tried=FIGURES["csv tried"],
        refused_with_varlib_error=FIGURES["csv refused"],
        accepted_all_finite=FIGURES["csv accepted"],
        flaws={k.removeprefix("csv flaw "): v for k, v in FIGURES.items() if k.startswith("csv flaw")},
        other_exceptions=0,
        non_finite_results=0,
    )
