"""A header written in decomposed Unicode (NFD: O and a combining diaeresis, as macOS may save it) refused
`--vars "BIP Österreich"` typed composed (NFC) with "not in ...; available: BIP Österreich", which looks the same.
Names are compared composed, and the file's are kept so, so a REST `conditions` key typed NFC matches later (QA)."""

from __future__ import annotations

import unicodedata

import numpy as np

from varlib import ModelSpec, forecast_artifact, load_dataset, read_lag_inputs, train_model
from varlib.artifact import build_artifact
from varlib.cli import main

NAME = "BIP Österreich"
QUARTERS = [f"{2000 + q // 4}Q{q % 4 + 1}" for q in range(40)]


def _nfd_csv() -> bytes:
    values = 100 + np.cumsum(np.random.default_rng(4).normal(0.3, 1.0, size=(len(QUARTERS), 2)), axis=0)
    rows = [f"{date},{a:.3f},{b:.3f}" for date, (a, b) in zip(QUARTERS, values, strict=True)]
    header = unicodedata.normalize("NFD", f"date,{NAME},Zins")
    return (header + "\n" + "\n".join(rows) + "\n").encode()


def test_a_name_typed_composed_finds_the_decomposed_header_and_is_kept_composed():
    dataset = load_dataset(_nfd_csv(), variables=[NAME, "Zins"], csv_name="at.csv")
    assert dataset.variables == [NAME, "Zins"] and unicodedata.is_normalized("NFC", dataset.variables[0])
    assert load_dataset(_nfd_csv(), csv_name="at.csv").variables == [NAME, "Zins"]  # the default, composed too


def test_a_name_typed_decomposed_trains_as_typed_and_takes_a_condition_keyed_composed():
    typed = unicodedata.normalize("NFD", NAME)
    dataset = load_dataset(_nfd_csv(), variables=[typed, "Zins"], csv_name="at.csv")
    result = train_model(dataset, ModelSpec((typed, "Zins"), lags=1, holdout=0))  # the spec names it as typed
    assert result.spec.variables == (typed, "Zins")
    artifact = build_artifact(result, "at", "t")
    conditioned = forecast_artifact(artifact, 2, conditions={NAME: [150.0, None]})  # keyed composed (NFC)
    assert conditioned.forecast.mean[0, 0] == 150.0


def test_lag_inputs_with_a_decomposed_header_fit_a_composed_model():
    lags = read_lag_inputs(_nfd_csv(), [NAME, "Zins"], 2, "none", "lags.csv", "QS-OCT")
    assert list(lags.columns) == [NAME, "Zins"] and len(lags) == 2


def test_the_cli_trains_on_a_composed_name(tmp_path, monkeypatch, capsys):
    for key in ("MINIO_ENDPOINT", "MINIO_BUCKET", "VARLIB_READ_ONLY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path / "store"))
    path = tmp_path / "at.csv"
    path.write_bytes(_nfd_csv())
    assert main(["train", "--csv", str(path), "--vars", f"{NAME},Zins", "--lags", "1"]) == 0, capsys.readouterr().err


def test_a_condition_keyed_composed_fits_a_model_trained_on_a_decomposed_header():
    dataset = load_dataset(_nfd_csv(), csv_name="at.csv")
    artifact = build_artifact(train_model(dataset, ModelSpec((NAME, "Zins"), lags=1, holdout=0)), "at", "t")
    result = forecast_artifact(artifact, 2, conditions={NAME: [150.0, None]})
    assert result.forecast.mean[0, 0] == 150.0
