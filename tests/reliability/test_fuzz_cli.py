"""Suite 7, hostile input through the CLI and named hostile CSVs: a clean refusal with a message, never a
traceback."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.reliability.conftest import assert_clean_failure, clean_env, run_cli
from tests.reliability.fuzzing import (
    FIGURES,
    SCALES,
    fuzz,
    lag_tables,
    train_and_forecast,
)
from tests.support.figures import record
from varlib import Registry, cli
from varlib.config import Settings
from varlib.data import MAX_CSV_BYTES, load_csv
from varlib.errors import VarlibError

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
        train_and_forecast(raw, {"variables": ("a", "b"), "lags": 1, "holdout": 0})
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
        lags=st.one_of(st.none(), st.none(), lag_tables(draw_rows=st.integers(0, 4))),
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
    f"20{m:02d}-01-01,{5 if m < 29 else 6},{m / 10 + math.sin(1.7 * m):.4f}\n".encode() for m in range(1, 30)
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
        train_and_forecast(raw, spec)
