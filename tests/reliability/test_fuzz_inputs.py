"""Suite 7, hostile input fuzzed with hypothesis: only VarlibError comes out, and valid results are finite."""

from __future__ import annotations

import csv
import io
import json
import math
from collections import Counter

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.reliability.conftest import assert_clean_failure, clean_env, run_cli
from tests.support.figures import record
from varlib import ModelSpec, Registry, cli
from varlib.artifact import build_artifact
from varlib.config import Settings
from varlib.data import MAX_CSV_BYTES, load_csv
from varlib.errors import VarlibError
from varlib.service import forecast_artifact, load_dataset, train_model

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


def _check_forecast(result) -> None:
    """A result shown as valid: finite everywhere, lower <= point <= upper, one row per step."""
    f = result.forecast
    for array in (f.mean, f.lower, f.upper):
        assert np.all(np.isfinite(array)), array
    assert np.all(f.lower <= f.mean + 1e-9 * np.abs(f.mean)) and np.all(f.mean <= f.upper + 1e-9 * np.abs(f.mean))
    assert f.mean.shape == (result.steps, len(result.variables)) and len(result.index) == result.steps


@pytest.fixture(scope="module")
def artifacts(macro_result):
    """Three shapes of model: levels by AIC, logdiff VAR(2) and diff VAR(1) with a trend."""
    dataset = load_dataset(variables=["realgdp", "realcons", "realinv"])
    logdiff = train_model(dataset, ModelSpec(variables=tuple(dataset.variables), transform="logdiff", lags=2))
    diff = train_model(dataset, ModelSpec(variables=("realgdp", "realcons"), transform="diff", trend="ct", lags=1))
    return [build_artifact(r, "var", "fuzz") for r in (macro_result, logdiff, diff)]


ROWS, COLUMNS = st.integers(0, 6), st.integers(0, 5)


def _lag_tables(draw_rows=ROWS, draw_cols=COLUMNS):
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
        lags = data.draw(_lag_tables() if hostile == "lags" else st.one_of(st.none(), _near_valid_lags(artifact)))
        FIGURES["forecast inputs tried"] += 1
        try:
            result = forecast_artifact(artifact, steps, alpha, lags)
        except VarlibError as exc:
            assert str(exc)
            FIGURES["forecast inputs refused"] += 1
            return
        _check_forecast(result)
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


def _train_and_forecast(raw: bytes, spec: dict):
    dataset = load_csv(raw, name="fuzz.csv")
    result = train_model(dataset, ModelSpec(**spec))
    assert np.all(np.isfinite(result.params.coefs)) and np.all(np.isfinite(result.params.sigma_u))
    if result.evaluation:
        for metrics in result.evaluation.metrics.values():
            assert all(v is None or math.isfinite(v) for v in metrics.values()), metrics
    _check_forecast(forecast_artifact(build_artifact(result, "fuzz", "fuzz"), steps=4))


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
            _train_and_forecast(raw, spec)
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


HOSTILE_CSVS = {
    "empty": b"",
    "header only": b"date,a,b\n",
    "one row": b"date,a,b\n2000-01-01,1,2\n",
    "non-numeric": b"date,a,b\n" + b"".join(f"2000-{m:02d}-01,x{m},{m}\n".encode() for m in range(1, 13)),
    "duplicate dates": b"date,a,b\n" + b"".join(f"2000-01-01,{m},{m * m % 7}\n".encode() for m in range(1, 13)),
    "unsorted dates": b"date,a,b\n"
    + b"".join(f"20{20 - m:02d}-01-01,{m},{m * m % 7}\n".encode() for m in range(1, 13)),
    "constant column": b"date,a,b\n" + b"".join(f"20{m:02d}-01-01,5,{m * m % 7}\n".encode() for m in range(1, 30)),
    "collinear columns": b"date,a,b\n"
    + b"".join(f"20{m:02d}-01-01,{m * m % 11},{2 * (m * m % 11)}\n".encode() for m in range(1, 30)),
    "nan and inf": b"date,a,b\n"
    + b"".join(f"20{m:02d}-01-01,{'nan' if m == 5 else m},{'inf' if m == 7 else m}\n".encode() for m in range(1, 30)),
    "binary": bytes(range(256)) * 4,
}


@pytest.mark.parametrize("label", sorted(HOSTILE_CSVS))
def test_named_hostile_csvs_through_library_and_cli(label, tmp_path, capsys):
    raw = HOSTILE_CSVS[label]
    with pytest.raises(VarlibError):
        _train_and_forecast(raw, {"variables": ("a", "b"), "lags": 1, "holdout": 0})
    path = tmp_path / "upload.csv"
    path.write_bytes(raw)
    assert cli.main(["train", "--csv", str(path), "--vars", "a,b", "--lags", "1", "--holdout", "0", "--json"]) in (1, 2)
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: "), err


def test_a_huge_csv_is_refused_by_size_before_parsing(tmp_path, capsys):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as handle:
        handle.write(b"date,a,b\n")
        handle.truncate(MAX_CSV_BYTES + 1)  # sparse: over the limit without writing 50 MB
    with pytest.raises(VarlibError, match="limit"):
        load_csv(path)
    with pytest.raises(VarlibError, match="limit"):
        load_csv(b"x" * (MAX_CSV_BYTES + 1))
    assert cli.main(["train", "--csv", str(path)]) == 2
    assert "limit" in capsys.readouterr().err
    run = run_cli(clean_env(VARLIB_STORE_DIR=str(tmp_path / "store")), "train", "--csv", str(path))
    assert_clean_failure(run, "limit")
    record(
        "fuzz",
        "named hostile CSVs and a huge file, library + CLI",
        inputs_tried=len(HOSTILE_CSVS) + 3,
        refused_with_varlib_error=len(HOSTILE_CSVS) + 3,
        other_exceptions=0,
    )


@pytest.fixture
def published_store(tmp_path, macro_artifact, monkeypatch):
    store = tmp_path / "store"
    Registry.from_settings(Settings(store_dir=store)).publish(macro_artifact)
    for name in ("MINIO_ENDPOINT", "VARLIB_READ_ONLY", "VARLIB_MAX_ARTIFACT_BYTES", "VARLIB_STORE_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(store))
    return store


@pytest.mark.parametrize("scale", SCALES)
def test_cli_forecast_arguments_fuzzed(published_store, tmp_path, capsys, macro_artifact, scale):
    FIGURES.clear()
    lags_path = tmp_path / "lags.csv"
    text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8)

    @fuzz(100 * scale)
    @given(
        steps=st.one_of(st.integers(1, 400).map(str), st.integers(-3, 500).map(str), text),
        alpha=st.one_of(st.floats(0.0001, 0.5).map(repr), st.floats().map(repr), text),
        version=st.sampled_from(["latest", "latest", "0.0.1", "0.0.2", "0_0_1", "1.2", "../x", ""]),
        lags=st.one_of(st.none(), st.none(), _lag_tables(draw_rows=st.integers(0, 4))),
        with_date=st.booleans(),
    )
    def check(steps, alpha, version, lags, with_date):
        args = ["forecast", version, f"--steps={steps}", f"--alpha={alpha}", "--json"]
        if lags is not None:
            frame = (
                pd.DataFrame(
                    list(lags)
                    if isinstance(lags, list) and len({len(r) for r in lags}) <= 1
                    else np.atleast_2d(np.asarray(lags, dtype=object))
                )
                if not isinstance(lags, pd.DataFrame)
                else lags
            )
            if with_date:
                frame.insert(0, "date", [f"2010-0{i % 9 + 1}-01" for i in range(len(frame))])
            frame.to_csv(lags_path, index=False)
            args += ["--lags-csv", str(lags_path)]
        FIGURES["cli tried"] += 1
        code = cli.main(args)
        out, err = capsys.readouterr()
        if code == 0:
            payload = json.loads(out)  # the CLI refuses to print NaN (allow_nan=False)
            assert np.all(np.isfinite(np.asarray(payload["mean"], dtype=float)))
            FIGURES["cli accepted"] += 1
        else:
            assert code in (1, 2)
            lines = err.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith("error: "), err
            FIGURES["cli refused"] += 1

    check()
    record(
        "fuzz",
        "CLI forecast arguments and lag CSVs (in-process main)" + (f", x{scale}" if scale > 1 else ""),
        inputs_tried=FIGURES["cli tried"],
        refused_with_one_error_line=FIGURES["cli refused"],
        accepted_all_finite=FIGURES["cli accepted"],
        tracebacks=0,
    )


# Regressions found by the fuzzing above (statsmodels' ValueError / LinAlgError escaped as tracebacks).
_CONSTANT = (
    b"date,v0,v1\n2000-01-01,7.0,99.86\n2000-04-01,7.0,99.97\n2000-07-01,7.0,100.33\n2000-10-01,7.0,101.28\n"
    b"2001-01-01,7.0,100.01\n2001-04-01,7.0,100.05\n2001-07-01,7.0,99.83\n"
)
_CONSTANT_BUT_LAST = b"date,a,b\n" + b"".join(
    f"20{m:02d}-01-01,{5 if m < 29 else 6},{(m * m) % 7 + m / 10}\n".encode() for m in range(1, 30)
)


@pytest.mark.parametrize(
    "raw, spec",
    [
        (_CONSTANT, {"variables": ("v0", "v1"), "transform": "none", "lags": None, "max_lags": 1, "holdout": 0}),
        (_CONSTANT, {"variables": ("v0", "v1"), "transform": "diff", "lags": None, "max_lags": 1, "holdout": 0}),
        (_CONSTANT_BUT_LAST, {"variables": ("a", "b"), "lags": 1, "holdout": 0}),
        (_CONSTANT_BUT_LAST, {"variables": ("a", "b"), "lags": None, "max_lags": 2, "holdout": 0}),
    ],
    ids=[
        "constant, lags by AIC",
        "constant after differencing, lags by AIC",
        "constant lagged regressor, fixed lags",
        "constant lagged regressor, lags by AIC",
    ],
)
def test_degenerate_data_is_refused_with_a_message(raw, spec):
    with pytest.raises(VarlibError, match="constant|collinear"):
        _train_and_forecast(raw, spec)
