"""A VECM version's diagnostics, backtest, comparison and report, against statsmodels computed here."""

from __future__ import annotations

import json
import warnings
from dataclasses import replace

import numpy as np
import pytest
from statsmodels.tsa.vector_ar.vecm import VECM, coint_johansen

from tests.unit.test_vecm_forecast import SIMULATED
from varlib import ModelSpec, backtest, compare_table, diagnose, overlay_forecasts, render_report
from varlib.artifact import build_artifact
from varlib.data import Dataset
from varlib.forecast_errors import ma_matrices
from varlib.normality import doornik_hansen
from varlib.training import train
from varlib.versions import Version

NAMES = ("a", "b", "c")
RTOL = 1e-8


def _artifact(kind: str = "vecm", **spec) -> object:
    frame = __import__("pandas").DataFrame(
        SIMULATED, columns=list(NAMES), index=__import__("pandas").date_range("1980-01-01", periods=160, freq="QS")
    )
    dataset = Dataset("simulated", frame, "0" * 64, "QS")
    result = train(dataset, ModelSpec(variables=NAMES, kind=kind, **spec))
    return replace(build_artifact(result, f"sim-{kind}", "tester"), version=Version(0, 0, 1))


@pytest.fixture(scope="module")
def vecm():
    return _artifact(lags=3, deterministic="colo", coint_rank=1)


@pytest.fixture(scope="module")
def reference():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return VECM(SIMULATED, k_ar_diff=2, coint_rank=1, deterministic="colo").fit()


@pytest.fixture(scope="module")
def diag(vecm):
    return diagnose(vecm, irf_periods=8, whiteness_lags=12)


def close(actual, desired):
    np.testing.assert_allclose(np.asarray(actual, dtype=float), np.asarray(desired, dtype=float), rtol=RTOL, atol=1e-12)


def test_johansen_relations_and_loadings_are_statsmodels(diag, reference):
    coint = diag.cointegration
    johansen = coint_johansen(SIMULATED, 1, 2)
    close(coint.johansen.trace, johansen.lr1)
    close(coint.johansen.max_eigen, johansen.lr2)
    close(coint.johansen.trace_critical, johansen.cvt)
    close(coint.johansen.max_eigen_critical, johansen.cvm)
    assert coint.rank == 1 and coint.rank_method == "fixed" and coint.deterministic == "colo"
    close(coint.beta.params, reference.beta)
    close(coint.beta.stderr[1:], reference.stderr_beta[1:])
    close(coint.beta.tvalues[1:], reference.tvalues_beta[1:])
    assert coint.beta.params[0, 0] == pytest.approx(1) and np.isnan(coint.beta.tvalues[0, 0])  # the normalisation
    assert np.isnan(coint.beta.stderr[0, 0])  # no error either, not an exact 0
    close(coint.alpha.params, reference.alpha.T)
    close(coint.alpha.stderr, reference.stderr_alpha.T)
    close(coint.alpha.pvalues_normal, reference.pvalues_alpha.T)
    close(coint.log_likelihood, reference.llf)
    close(coint.var_coefs, reference.var_rep)
    close(coint.sigma_u, reference.sigma_u)


def test_short_run_coefficients_are_statsmodels(diag, reference):
    coefs = diag.coefficients
    assert coefs.regressors == ("L1.d.a", "L1.d.b", "L1.d.c", "L2.d.a", "L2.d.b", "L2.d.c", "const", "trend")
    close(coefs.params, np.hstack([reference.gamma, reference.det_coef]).T)
    close(coefs.stderr, np.hstack([reference.stderr_gamma, reference.stderr_det_coef]).T)
    close(coefs.pvalues_normal, np.hstack([reference.pvalues_gamma, reference.pvalues_det_coef]).T)


def test_stability_expects_k_minus_r_unit_roots(diag, reference):
    stability = diag.stability
    companion = np.zeros((9, 9))
    companion[:3] = np.hstack(list(reference.var_rep))
    companion[3:, :6] = np.eye(6)
    close(stability.moduli, np.sort(np.abs(np.linalg.eigvals(companion)))[::-1])
    assert (stability.expected_unit_roots, stability.unit_roots, stability.as_expected) == (2, 2, True)
    assert not stability.stable and stability.adequate
    assert "2 eigenvalues of its VAR representation are exactly 1" in stability.verdict


def test_residual_tests_causality_and_responses_are_statsmodels(diag, reference):
    assert diag.irf.accumulated is None and not diag.level_responses  # a VECM's responses are the levels'
    for ours, adjusted in ((diag.whiteness, False), (diag.whiteness_adjusted, True)):
        theirs = reference.test_whiteness(nlags=12, adjusted=adjusted)
        close([ours.statistic, ours.pvalue, ours.df], [theirs.test_statistic, theirs.pvalue, theirs.df])
    close(diag.normality_lutkepohl.statistic, reference.test_normality().test_statistic)
    close(diag.normality.statistic, doornik_hansen(reference.resid).statistic)
    groups = {(t.scope, t.causing, t.caused): t.result for t in diag.granger}
    theirs = reference.test_granger_causality(caused=[1], causing=[0])
    close(groups[("pair", ("a",), ("b",))].statistic, theirs.test_statistic)
    theirs = reference.test_granger_causality(caused=[0, 1], causing=[2])
    close(groups[("one_to_others", ("c",), ("a", "b"))].statistic, theirs.test_statistic)
    close(diag.instantaneous[0].result.statistic, reference.test_inst_causality(causing=[0]).test_statistic)
    analysis = reference.irf(8)
    close(diag.irf.plain, analysis.irfs)
    close(diag.irf.orth, analysis.orth_irfs)
    close(diag.irf.orth_stderr, analysis.stderr(orth=True))
    close(diag.resid, reference.resid)


def test_the_variance_decomposition_is_that_of_the_var_representation(diag, reference):
    """An independent route: Φ_i from varlib's MA recursion, orthogonalised by the Cholesky factor."""
    phis = ma_matrices(np.asarray(reference.var_rep), 8)
    orth = phis @ np.linalg.cholesky(reference.sigma_u)
    shares = np.cumsum(orth**2, axis=0)
    total = shares.sum(axis=2, keepdims=True)
    close(diag.fevd, (shares / total).swapaxes(0, 1))
    close(diag.fevd.sum(axis=2), 1.0)


def test_diagnose_json_has_the_johansen_and_cointegration_objects(diag):
    body = json.loads(json.dumps(diag.to_dict(), allow_nan=False))
    assert body["kind"] == "vecm" and body["model"].startswith("VECM of cointegration rank 1")
    # with a trend the test takes the lone random walk for trend-stationary (rank 3); the version fixed rank 1
    assert body["johansen"]["rank"] == 3 and body["cointegration"]["rank"] == 1
    assert body["johansen"]["lagged_differences"] == 2
    assert body["johansen"]["deterministic"] == "linear trend" and len(body["johansen"]["table"]) == 3
    assert body["cointegration"]["beta"]["ec1"][0]["stderr"] is None
    assert body["cointegration"]["beta"]["ec1"][0]["t"] is None  # the normalised entry has no t value
    assert np.asarray(body["cointegration"]["var_representation"]["coefs"]).shape == (3, 3, 3)
    assert body["stability"]["expected_unit_roots"] == 2 and body["stability"]["as_expected"] is True
    acorr = np.asarray(body["resid_acorr"])
    close(np.diagonal(acorr[0]), 1.0)


def test_the_backtest_refits_the_vecm_at_each_origin(vecm):
    result = backtest(vecm, origins=3, horizon=2)
    assert result.lag_orders == (3, 3, 3)
    for n, cut in enumerate(range(160 - 2 - 3 + 1, 160 - 2 + 1)):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fit = VECM(SIMULATED[:cut], k_ar_diff=2, coint_rank=1, deterministic="colo").fit()
        close(result.forecast[n], fit.predict(steps=2))
        close(result.actual[n], SIMULATED[cut : cut + 2])


def test_a_var_and_a_vecm_compare_side_by_side_and_overlay(vecm):
    var = _artifact("var", transform="diff", lags=2)
    table = compare_table([var, vecm])
    assert table.loc["kind"].tolist() == ["VAR", "VECM", True]
    assert table.loc["rank (VECM)"].tolist()[:2] == [None, 1]
    assert table.loc["rank chosen by"].tolist()[:2] == [None, vecm.params.rank_method]
    assert "model" not in table.index  # its facts have rows of their own; the long line was cut in a column
    overlaid = overlay_forecasts([var, vecm], steps=4)
    assert [item.shared for item in overlaid] == [True, True]  # VAR(2) on differences needs 3 rows, the VECM 3
    assert overlaid[1].forecast.forecast.mean.shape == (4, 3)


def test_the_report_has_the_cointegration_section(vecm, diag):
    page = render_report(vecm, diag)
    assert "<h1>VECM model sim-vecm 0.0.1</h1>" in page and "<h2>Cointegration</h2>" in page
    assert "Cointegration relations (beta, normalised): ec1" in page and "Loadings (alpha): a" in page
    assert "2 eigenvalues of its VAR representation are exactly 1" in page


def test_the_cointegrated_coverage_study_runs_the_products_code():
    """A small run of studies/cointegrated.py: the process has K - r unit roots, and the bands cover
    loosely what they should (a few hundred replications)."""
    from studies.cointegrated import METHODS, Design, run_design
    from varlib.vecm_checks import companion_eigenvalues, unit_root_count

    design = Design("k=3", 200)
    assert unit_root_count(companion_eigenvalues(design.process().coefs)) == 2
    out = run_design(design, 150, horizons=4)
    for method in METHODS:
        coverage = np.asarray(out["coverage"][method]["0.95"])
        assert coverage.shape == (4,) and np.all((coverage > 0.85) & (coverage <= 1.0)), (method, coverage)
    assert np.all(np.asarray(out["width_95"]["diff standard"]) > np.asarray(out["width_95"]["vecm"]))


def test_the_reports_cointegration_tables_head_the_normal_p_value_in_words(vecm, diag):
    page = render_report(vecm, diag)
    assert "p_normal" not in page and "one_to_others" not in page and "<th>p normal</th>" in page
