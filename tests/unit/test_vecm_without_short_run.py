"""A VECM of VAR order 1 whose deterministic terms are all inside its cointegrating relations (or none) has no
coefficient outside them: its coefficient tables are empty, said so, and the HTML report is written, where
building the tables raised KeyError and `varlib report` ended in a traceback."""

from __future__ import annotations

import pytest

from varlib import ModelSpec, diagnose, load_dataset, render_report, train_model
from varlib.artifact import build_artifact


@pytest.mark.parametrize("deterministic", ["ci", "n"])
def test_the_report_of_a_vecm_without_short_run_terms_says_it_has_none(deterministic):
    dataset = load_dataset(variables=["realgdp", "realcons"])
    spec = ModelSpec(("realgdp", "realcons"), kind="vecm", lags=1, coint_rank=1, deterministic=deterministic)
    artifact = build_artifact(train_model(dataset, spec), "v1", "t")
    diag = diagnose(artifact)
    assert diag.coefficients.regressors == () and diag.coefficients.frame("realgdp").empty
    assert diag.coefficients.none_note.startswith("No short-run coefficients")
    page = render_report(artifact, diag)
    assert "No short-run coefficients: at VAR order 1 a VECM has no lagged differences" in page
