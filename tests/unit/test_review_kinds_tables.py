"""Diagnostics tables built once: the unit-root table (rows, column names, p-value columns, caption with the note
on the rows tested) is Integration.table()'s for the report and the Diagnostics page alike, where each built
its own ("ADF p" in the report, "ADF p (H0: unit root)" on the page, their captions in other words); and one
portmanteau helper serves both kinds, where the VECM's diagnostics kept a line-for-line copy."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from varlib import ModelSpec, analyse_integration, load_dataset
from varlib.artifact import build_artifact
from varlib.diagnostics import var_tests
from varlib.diagnostics import vecm as vecm_diagnostics
from varlib.report_diagnostics import P_COLUMNS, integration
from varlib.training import train


def unit_root_table(result):
    return result.table()


COLUMNS = [
    "variable",
    "verdict",
    "trend p",
    "tested with",
    "ADF statistic",
    "ADF p (H0: unit root)",
    "KPSS statistic",
    "KPSS p (H0: stationary)",
    "ADF p of the difference",
]


@pytest.fixture(scope="module")
def long_sample():
    """Tested on its last 5,000 rows: the caption says so."""
    walks = 100 + np.cumsum(np.random.default_rng(7).normal(size=(5_600, 2)), axis=0)
    return analyse_integration(walks, ["a", "b"])


def test_the_library_owns_the_unit_root_table(long_sample):
    table = unit_root_table(long_sample)
    assert list(table.frame.columns) == COLUMNS and list(table.frame["variable"]) == ["a", "b"]
    assert table.p_columns == ("ADF p (H0: unit root)", "ADF p of the difference")
    assert table.caption.startswith("ADF and KPSS with a constant and a trend and with a constant only, on the levels")
    assert table.caption.endswith(f"0.1 (≥ 0.1). {long_sample.sample_note}") and long_sample.sample_note


def test_the_report_renders_the_librarys_table_and_caption(long_sample):
    html = "".join(integration(SimpleNamespace(integration=long_sample, advice_comparing=lambda compare: None)))
    for column in COLUMNS[1:]:
        assert f"<th>{column}</th>" in html, column
    assert "<th>ADF p</th>" not in html and "<th>KPSS p</th>" not in html  # its own names are gone
    assert unit_root_table(long_sample).caption in html
    assert {"ADF p (H0: unit root)", "ADF p of the difference"} <= P_COLUMNS  # printed as p-values


def test_one_portmanteau_helper_serves_both_kinds():
    assert vecm_diagnostics.whiteness is var_tests.whiteness and not hasattr(vecm_diagnostics, "_whiteness")
    dataset = load_dataset(variables=["realgdp", "realcons"])
    spec = ModelSpec(("realgdp", "realcons"), kind="vecm", lags=3, coint_rank=1, holdout=0)
    artifact = build_artifact(train(dataset, spec), "vecm", "tester")
    diag = vecm_diagnostics.diagnose(artifact, whiteness_lags=8)
    results = vecm_diagnostics.refit(artifact).results
    for adjusted, test in ((False, diag.whiteness), (True, diag.whiteness_adjusted)):
        expected = results.test_whiteness(nlags=8, adjusted=adjusted)
        assert (test.statistic, test.pvalue, test.df) == (
            pytest.approx(float(expected.test_statistic)),
            pytest.approx(float(expected.pvalue)),
            int(expected.df),
        )
        assert test.name == ("portmanteau, adjusted (small-sample)" if adjusted else "portmanteau, unadjusted")
