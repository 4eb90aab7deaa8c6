"""A VECM's LM test for residual autocorrelation: its auxiliary regression is JMulTi's (JMulTi's printed LM
statistics for the e6 VECMs, shipped in statsmodels' tests, are met from it to the printed digits for
every deterministic case they cover without seasonal dummies), its regressors are the ones the VECM was
estimated on, and its F form holds its level on short samples, where the adjusted portmanteau test does not."""

from __future__ import annotations

import re

import numpy as np
import pytest
from scipy import stats
from statsmodels.datasets import interest_inflation
from statsmodels.tsa.vector_ar.vecm import VECM

from tests.support import jmulti
from varlib.adequacy import default_whiteness_lags
from varlib.autocorrelation_lm import lm_test
from varlib.vecm_lm import jmulti_vecm_lm, vecm_lm_test, vecm_regressors

E6 = interest_inflation.load_pandas().data[["Dp", "R"]].to_numpy(float)
CASES = [("nc", "n"), ("co", "co"), ("ci", "ci"), ("colo", "colo"), ("cili", "cili")]


def _printed(case: str) -> tuple[str, str, float]:
    """JMulTi's LM statistic and p-value as printed, and its df (it prints no F form for a VECM)."""
    text = (jmulti.folder() / f"vecm_e6_jmulti_{case}_diag.txt").read_text(encoding="latin-1")
    block = text.split("LM-TYPE TEST FOR AUTOCORRELATION with 5 lags", 1)[1].split("***", 1)[0]
    lm, pvalue, df = (
        re.search(label + r"\s+([-\d.]+)", block).group(1) for label in ("LM statistic:", "p-value:", "df:")
    )
    return lm, pvalue, float(df)


def _fit(deterministic: str, data: np.ndarray = E6, diff_lags: int = 3, rank: int = 1):
    return VECM(data, k_ar_diff=diff_lags, coint_rank=rank, deterministic=deterministic).fit()


@pytest.mark.parametrize("case, deterministic", CASES)
def test_jmultis_printed_lm_is_met_from_these_regressors(case, deterministic):
    lm = jmulti_vecm_lm(_fit(deterministic))
    printed_lm, printed_p, df = _printed(case)
    assert (f"{lm:.4f}", f"{stats.chi2.sf(lm, df):.4f}", df) == (printed_lm, printed_p, 20.0)


@pytest.mark.parametrize("deterministic", [d for _, d in CASES])
def test_the_regressors_are_those_the_vecm_was_estimated_on(deterministic):
    """Maximum likelihood leaves residuals orthogonal to its regressors: any other column set would not be."""
    results = _fit(deterministic)
    regressors, residuals = vecm_regressors(results), np.asarray(results.resid)
    assert regressors.shape == (len(residuals), 2 * 3 + ("co" in deterministic) + ("lo" in deterministic) + 1)
    scale = np.abs(regressors).max(axis=0) * np.abs(residuals).max() * len(residuals)
    assert (np.abs(regressors.T @ residuals).max(axis=1) < 1e-9 * scale).all()


def test_the_test_is_the_f_form_of_that_regression():
    results = _fit("cili")
    test = vecm_lm_test(results)
    assert test == lm_test(np.asarray(results.resid), vecm_regressors(results), 5) and test.df1 == 20


def test_lags_shrink_to_what_the_sample_holds():
    def lags(rows: int) -> int | None:
        test = vecm_lm_test(_fit("co", E6[:rows]))
        return test.lags if test else None

    assert [lags(rows) for rows in (16, 17, 19, 23, 30)] == [None, 1, 2, 4, 5]


def _cointegrated(rng: np.random.Generator, rows: int) -> np.ndarray:
    """60 rows of a VECM of 4 variables, rank 2 (y1 - y3 and y2 - y4), 3 lagged differences, a drift."""
    beta = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0]])
    alpha = np.array([[-0.2, 0.0], [0.0, -0.2], [0.1, 0.0], [0.0, 0.1]])
    gammas = [0.2 * np.eye(4) + 0.05 * (1 - np.eye(4)), -0.15 * np.eye(4), 0.35 * np.eye(4)]
    shocks = rng.standard_normal((rows + 104, 4)) @ np.linalg.cholesky(0.7 * np.eye(4) + 0.3).T
    levels, changes = np.zeros_like(shocks), np.zeros_like(shocks)
    for t in range(4, len(shocks)):
        changes[t] = alpha @ beta.T @ levels[t - 1] + 0.1 + shocks[t]
        changes[t] += sum(g @ changes[t - i] for i, g in enumerate(gammas, start=1))
        levels[t] = levels[t - 1] + changes[t]
    return levels[-rows:]


def test_the_f_form_holds_its_level_where_the_portmanteau_test_does_not():
    """Correctly specified VECMs of 4 variables on 60 rows, 200 samples, a 5% test: the F form rejects in
    about 6% of them (at most 12% here), the adjusted portmanteau test in about 39%."""
    rng = np.random.default_rng(7)
    lm_rejections = portmanteau_rejections = 0
    for _ in range(200):
        results = _fit("co", _cointegrated(rng, 60), diff_lags=3, rank=2)
        lm_rejections += vecm_lm_test(results).lmf_pvalue < 0.05
        lags = default_whiteness_lags(int(results.k_ar), int(results.nobs))
        portmanteau_rejections += results.test_whiteness(nlags=lags, adjusted=True).pvalue < 0.05
    assert lm_rejections <= 24 and portmanteau_rejections >= 50, (lm_rejections, portmanteau_rejections)
