"""The ARCH-LM tests equal JMulTi's published output (shipped in statsmodels' tests) to its printed digits, find
volatility clusters where there are some, and take only as many lags as the residuals hold."""

from __future__ import annotations

import re

import numpy as np
import pytest
import statsmodels.datasets.macrodata.data as macrodata
from statsmodels.tsa.api import VAR

from tests.support import jmulti
from varlib import InvalidInputError
from varlib.diagnostics.arch import DEFAULT_ARCH_LAGS, _verdict, arch_tests, check_arch_lags
from varlib.diagnostics.outcome import TestResult

VARIABLES = ("realcons", "realgdp", "realinv")


def _printed(case: str) -> tuple[list[jmulti.Printed], dict[str, jmulti.Printed]]:
    """JMulTi's ARCH blocks of a macrodata VAR(4) case: each variable's LM and p-value (16 lags), and the
    multivariate statistic, p-value and degrees of freedom (5 lags)."""
    text = (jmulti.folder() / f"macrodata_jmulti_{case}_diag.txt").read_text(encoding="utf-8")
    engle = text.split("ARCH-LM TEST with 16 lags", 1)[1].split("***", 1)[0]
    rows = [jmulti.value_after(engle, f"u{j + 1}") for j in range(3)]
    own = [jmulti.Printed(row.values[:2], row.decimals[:2]) for row in rows]
    joint = text.split("MULTIVARIATE ARCH-LM TEST with 5 lags", 1)[1]
    labels = {"statistic": "VARCHLM test statistic:", "pvalue": "p-value(chi^2):", "df": "degrees of freedom:"}
    return own, {key: jmulti.value_after(joint, label) for key, label in labels.items()}


def _within(ours: float, printed: jmulti.Printed) -> bool:
    return bool(np.all(np.abs(ours - printed.values) <= printed.tolerance()))


@pytest.mark.parametrize("case, trend", [("c", "c"), ("ct", "ct"), ("nc", "n")])
def test_engles_and_the_multivariate_test_equal_jmulti_on_the_macrodata_var4(case, trend):
    levels = macrodata.load_pandas().data[list(VARIABLES)].astype(float).to_numpy()
    resid = np.asarray(VAR(levels).fit(4, trend=trend).resid)
    own, joint = _printed(case)
    sixteen = arch_tests(resid, VARIABLES, 16, 0.05)
    for variable, ours, printed in zip(VARIABLES, sixteen.by_variable, own, strict=True):
        assert _within(np.array([ours.statistic, ours.pvalue]), printed), (case, variable, ours, printed.values)
        assert ours.df == 16
    five = arch_tests(resid, VARIABLES, 5, 0.05)
    assert five.joint is not None and five.joint_lags == 5
    for key in ("statistic", "pvalue", "df"):
        assert _within(getattr(five.joint, key), joint[key]), (case, key, getattr(five.joint, key))


def test_without_a_constant_the_residuals_are_tested_about_their_mean():
    """JMulTi's nc figures hold only for squares about the residuals' mean (theirs is not 0 without a constant)."""
    levels = macrodata.load_pandas().data[list(VARIABLES)].astype(float).to_numpy()
    resid = np.asarray(VAR(levels).fit(4, trend="n").resid)
    assert np.abs(resid.mean(axis=0)).min() > 0.05  # so the case tells the two apart
    own, _ = _printed("nc")
    from varlib.diagnostics.arch import engle_lm

    about_zero = engle_lm(resid[:, 0], 16, 0.05)
    assert not _within(np.array([about_zero.statistic, about_zero.pvalue]), own[0])


def _garch(rng, n: int, k: int) -> np.ndarray:
    """k independent GARCH(1,1) series with strong volatility clusters."""
    shocks, variance = np.empty((n, k)), np.ones(k)
    previous = np.zeros(k)
    for t in range(n):
        variance = 0.1 + 0.3 * previous**2 + 0.6 * variance
        previous = np.sqrt(variance) * rng.normal(size=k)
        shocks[t] = previous
    return shocks


def test_volatility_clusters_are_found_and_white_noise_passes_on_a_short_sample():
    rng = np.random.default_rng(7)
    clustered = [arch_tests(_garch(rng, 400, 2), ("a", "b"), DEFAULT_ARCH_LAGS, 0.05) for _ in range(20)]
    assert sum(bool(t.rejected) for t in clustered) >= 18
    assert "ARCH effects in" in clustered[0].verdict and "bands are too narrow" in clustered[0].verdict
    white = [arch_tests(rng.normal(size=(80, 3)), ("a", "b", "c"), DEFAULT_ARCH_LAGS, 0.05) for _ in range(200)]
    # four tests a sample at 5% each: at most about a fifth of the samples has a rejection somewhere
    assert sum(bool(t.rejected) for t in white) <= 50
    passed = next(t for t in white if not t.rejected).verdict
    assert passed.startswith("No sign of ARCH effects (4 lags)") and "On 80 residuals only strong ARCH" in passed


def test_the_lags_shrink_to_what_the_residuals_hold_and_a_bad_request_names_the_limit():
    rng = np.random.default_rng(3)
    ten = arch_tests(rng.normal(size=(58, 10)), tuple("abcdefghij"), 4, 0.05)  # 55 products: no regression fits
    assert ten.joint is None and "58 residuals cannot hold its regression for 10 variables" in ten.joint_note
    assert len(ten.by_variable) == 10 and ten.by_variable[0].df == 4
    four = arch_tests(rng.normal(size=(58, 4)), tuple("abcd"), 4, 0.05)  # 10 products: 2 lags fit
    assert four.joint_lags == 2 and "takes 2 lags" in four.joint_note
    assert check_arch_lags(None, 58) == DEFAULT_ARCH_LAGS and check_arch_lags(None, 8) == 2
    with pytest.raises(InvalidInputError, match=re.escape("ARCH lags 30 must be a whole number from 1 to 18")):
        check_arch_lags(30, 58)
    with pytest.raises(InvalidInputError, match="ARCH lags True"):
        check_arch_lags(True, 58)


def test_one_lag_is_said_as_one_lag():
    tests = arch_tests(np.random.default_rng(3).normal(size=(80, 2)), ("a", "b"), 1, 0.05)
    labels = [label for label, _ in tests.labelled(("a", "b"))]
    assert labels[0] == "ARCH-LM a, 1 lag (H0: constant variance)"
    assert "ARCH-LM multivariate, 1 lag (H0: constant variances)" in labels
    assert "(1 lag)" in tests.verdict or tests.rejected


def test_a_joint_rejection_is_said_beside_a_variables_own():
    """The verdict named only realcons (p 0.0406) while the multivariate test, in the table below it, rejected at
    p < 0.0001 (a multivariate rejection is said beside them)."""
    one = TestResult("ARCH-LM", 12.0, 0.0406, 4, 9.49, 0.05)
    calm = TestResult("ARCH-LM", 2.0, 0.7, 4, 9.49, 0.05)
    joint = TestResult("multivariate ARCH-LM", 90.0, 0.0002, 36, 51.0, 0.05)
    verdict, rejected = _verdict(("realgdp", "realcons"), (calm, one), joint, 4, 200)
    assert rejected and verdict.startswith("ARCH effects in realcons (p = 0.0406) and jointly (p = 0.0002):"), verdict
    quiet = TestResult("multivariate ARCH-LM", 30.0, 0.6, 36, 51.0, 0.05)
    verdict, _ = _verdict(("realgdp", "realcons"), (calm, one), quiet, 4, 200)
    assert verdict.startswith("ARCH effects in realcons (p = 0.0406):"), verdict
