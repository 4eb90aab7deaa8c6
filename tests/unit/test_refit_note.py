"""Diagnostics refit the version by OLS; when the version's own coefficients differ (a VARMAX pickle imported from
the original service, estimated by maximum likelihood), every output says the tests describe the refit."""

from __future__ import annotations

import html
import pickle
import warnings

import pytest

from varlib import ModelSpec, Registry, Settings, diagnose, import_legacy, load_dataset, render_report, train_model
from varlib.artifact import build_artifact


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    from statsmodels.datasets import macrodata
    from statsmodels.tsa.statespace.varmax import VARMAX

    frame = macrodata.load_pandas().data[["realgdp", "realcons"]].iloc[:120].reset_index(drop=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fitted = VARMAX(frame, order=(1, 0), trend="c").fit(disp=False, maxiter=2)
    registry = Registry.from_settings(Settings(store_dir=tmp_path_factory.mktemp("store"), author="test"))
    registry.store.create("var/0_0_1/model.pkl", pickle.dumps(fitted))
    import_legacy(registry, "0_0_1", "var", trust=True)
    return registry.load("var", "latest")


def test_an_imported_varmax_is_said_to_differ_from_its_refit(imported):
    found = diagnose(imported)
    assert found.refit_gap > 1e-3
    assert found.refit_note.startswith("These diagnostics describe an OLS refit on the stored data")
    assert "imported from a VARMAXResults pickle, estimated by maximum likelihood" in found.refit_note
    assert found.to_dict()["refit_note"] == found.refit_note
    assert html.escape(found.refit_note) in render_report(imported, found)


def test_a_version_fitted_here_has_no_note():
    dataset = load_dataset()
    artifact = build_artifact(train_model(dataset, ModelSpec(tuple(dataset.variables), lags=2)), "var", "t")
    found = diagnose(artifact)
    assert found.refit_gap < 1e-9 and found.refit_note is None and "OLS refit" not in render_report(artifact, found)


def test_the_cli_says_it_before_the_figures(imported, tmp_path, monkeypatch, capsys):
    from varlib.cli import main

    registry = Registry.from_settings(Settings(store_dir=tmp_path, author="test"))
    registry.publish(imported)
    monkeypatch.setenv("VARLIB_STORE_DIR", str(tmp_path))
    monkeypatch.delenv("MINIO_ENDPOINT", raising=False)
    assert main(["diagnose", "latest"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("note: These diagnostics describe an OLS refit") and "VARMAXResults" in lines[1]
