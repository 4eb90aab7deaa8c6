"""The LM test for residual autocorrelation and its Edgerton-Shukur F form equal JMulTi's published output
(shipped in statsmodels' tests) to its printed digits, and the F form holds its level on short samples,
where the adjusted portmanteau test does not."""

from __future__ import annotations

import re

import numpy as np
import pytest
import statsmodels.datasets.macrodata.data as macrodata
from statsmodels.tsa.api import VAR

from tests.support import jmulti
from varlib.autocorrelation_lm import largest_lm_lags, lm_test


def _printed(case: str) -> dict[str, float]:
    """JMulTi's LM block of a macrodata VAR(4) case: LM, its p-value, LMF and its p-value, df1, df2."""
    text = (jmulti.folder() / f"macrodata_jmulti_{case}_diag.txt").read_text(encoding="utf-8")
    block = text.split("LM-TYPE TEST FOR AUTOCORRELATION with 5 lags", 1)[1].split("***", 1)[0]
    values = [float(v) for v in re.findall(r":\s+([-\d.]+)", block)]
    return dict(zip(("lm", "lm_p", "lm_df", "lmf", "lmf_p", "df1", "df2"), values, strict=True))


@pytest.mark.parametrize("case, trend", [("c", "c"), ("ct", "ct"), ("nc", "n")])
def test_lm_and_lmf_equal_jmulti_on_the_macrodata_var4(case, trend):
    levels = macrodata.load_pandas().data[["realcons", "realgdp", "realinv"]].astype(float).to_numpy()
    results = VAR(levels).fit(4, trend=trend)
    ours = lm_test(np.asarray(results.resid), np.asarray(results.endog_lagged), 5)
    printed = _printed(case)
    # four decimals printed; JMulTi's nc LM statistic reads 50.8056 where this computes 50.80567, one unit off
    assert ours.lm == pytest.approx(printed["lm"], abs=1e-4)
    assert ours.lm_pvalue == pytest.approx(printed["lm_p"], abs=5e-5)
    assert ours.lm_df == printed["lm_df"] == 45 and ours.df1 == printed["df1"]
    assert ours.lmf == pytest.approx(printed["lmf"], abs=5e-5)
    assert ours.lmf_pvalue == pytest.approx(printed["lmf_p"], abs=5e-5)
    assert int(ours.df2) == printed["df2"]  # JMulTi prints Rao's second degrees of freedom rounded down


def test_the_f_form_holds_its_level_where_the_portmanteau_test_does_not():
    """White residuals of a VAR(1) of 4 variables on 60 rows, fitted with 4 lags (an order a criterion
    may pick there): 200 samples, a 5% test. The F form rejects in about 5% of them (at most 10% here),
    the adjusted portmanteau test with 10 lags in about a third."""
    rng = np.random.default_rng(1)
    lm_rejections = portmanteau_rejections = 0
    for _ in range(200):
        shocks = rng.normal(size=(110, 4))
        series = np.zeros_like(shocks)
        for t in range(1, len(series)):
            series[t] = 0.3 * series[t - 1] + shocks[t]
        results = VAR(series[50:]).fit(4, trend="c")
        residuals, regressors = np.asarray(results.resid), np.asarray(results.endog_lagged)
        lags = largest_lm_lags(len(residuals), 4, regressors.shape[1])
        lm_rejections += lm_test(residuals, regressors, lags).lmf_pvalue < 0.05
        portmanteau_rejections += results.test_whiteness(10, adjusted=True).pvalue < 0.05
    assert lm_rejections <= 20 and portmanteau_rejections >= 40


def test_lags_shrink_to_what_the_sample_holds():
    assert largest_lm_lags(200, 3, 13) == 5
    assert 0 < largest_lm_lags(30, 4, 17) < 5
    assert largest_lm_lags(12, 4, 9) == 0
