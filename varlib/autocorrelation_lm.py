"""The LM test for residual autocorrelation of a VAR (Breusch-Godfrey) and its F form (Edgerton-Shukur).

The adjusted portmanteau test's chi-square approximation needs many more tested lags than the model
has (Lütkepohl 2005, section 4.4.3): with the 60-100 quarterly rows users bring and the lag orders a
criterion picks there, it rejects white residuals of a correctly specified VAR far more often than its
level says. The LM test regresses the residuals on the model's own regressors and `h` lags of the
residuals (pre-sample residuals set to zero; Lütkepohl section 4.4.4); Edgerton and Shukur's (1999)
F form of it (Rao's F, "LMF") keeps its size close to nominal in small samples and is the model checks'
verdict. Both are printed by JMulTi (Doornik 1996), to whose published output they are tested.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

DEFAULT_LM_LAGS = 5  # JMulTi's and R vars' default
SINGULAR = 1e-10  # smallest eigenvalue of the residual correlations, relative to the largest, of a usable fit


@dataclass(frozen=True)
class LMTest:
    """The Breusch-Godfrey LM statistic (chi-square, h K^2 df) and its Edgerton-Shukur F form."""

    lags: int
    lm: float
    lm_pvalue: float
    lm_df: int
    lmf: float
    lmf_pvalue: float
    df1: int
    df2: float

    def to_dict(self) -> dict:
        return {
            "lags": self.lags,
            "lm": self.lm,
            "lm_pvalue": self.lm_pvalue,
            "lm_df": self.lm_df,
            "lmf": self.lmf,
            "lmf_pvalue": self.lmf_pvalue,
            "df1": self.df1,
            "df2": self.df2,
        }


def largest_lm_lags(nobs: int, k: int, regressors: int, wanted: int = DEFAULT_LM_LAGS) -> int:
    """`wanted` lags, or as many as the auxiliary regression can hold with the F form's degrees of
    freedom positive; 0 when not even one lag fits (the residuals cannot be tested)."""
    for lags in range(wanted, 0, -1):
        m = k * lags
        n_eff = nobs - regressors - m - 0.5 * (k - m + 1)
        if nobs - regressors - m > k and _rao_df2(n_eff, k, m) > 0:
            return lags
    return 0


def lm_scope(lags: int) -> str:
    """The lags a verdict names: none at the full 5; fewer, on a short sample, are the only ones tested."""
    return "" if lags >= DEFAULT_LM_LAGS else " at lag 1" if lags == 1 else f" up to lag {lags}"


def untested_lags(lags: int) -> str:
    """What a pass of the test on fewer than its 5 lagged residuals leaves untested ('' at 5): the portmanteau
    tests beside it cover more lags, and may reject where this passes."""
    if lags >= DEFAULT_LM_LAGS:
        return ""
    return (
        f"The sample has too few rows for the LM test's {DEFAULT_LM_LAGS} lagged residuals, so autocorrelation"
        f" beyond lag {lags} is not ruled out (the portmanteau tests cover more lags). A model with fewer lags or"
        " variables leaves the test room for more."
    )


def lm_test(residuals: np.ndarray, regressors: np.ndarray, lags: int) -> LMTest:
    """The test of `residuals` (T x K) of a regression on `regressors` (T x n, deterministic terms
    included) with `lags` lagged residuals in the auxiliary regression."""
    from scipy import stats  # imported on use: scipy.stats costs half a second to import

    nobs, k = residuals.shape
    auxiliary = np.column_stack([regressors, lagged_residuals(residuals, lags)])
    coefs, *_ = np.linalg.lstsq(auxiliary, residuals, rcond=None)
    errors = residuals - auxiliary @ coefs
    sigma_restricted = residuals.T @ residuals / nobs
    sigma_auxiliary = errors.T @ errors / nobs
    lm = nobs * (k - np.trace(np.linalg.solve(sigma_restricted, sigma_auxiliary)))
    lm_df = lags * k * k
    m = k * lags
    n_eff = nobs - regressors.shape[1] - m - 0.5 * (k - m + 1)
    df2 = _rao_df2(n_eff, k, m)
    s = _rao_s(k, m)
    # residuals with a combination fitted exactly (a singular covariance) leave 0/0, x/0, a negative ratio or,
    # depending on the machine's rounding, a ratio above 1 and a negative statistic: the statistics are then NaN,
    # which the verdicts read as "could not be computed", not as a rejection
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio = np.linalg.det(sigma_auxiliary) / np.linalg.det(sigma_restricted)  # 1 - R^2 of the system
        if _singular(sigma_restricted) or not 0 < ratio < np.inf:
            lm = lmf = np.nan
        else:
            lmf = (ratio ** (-1 / s) - 1) * df2 / (k * m)
    return LMTest(
        lags,
        float(lm),
        float(stats.chi2.sf(lm, lm_df)),
        lm_df,
        float(lmf),
        float(stats.f.sf(lmf, k * m, df2)),
        k * m,
        float(df2),
    )


def _singular(covariance: np.ndarray) -> bool:
    """Whether residuals move together exactly: judged on their correlations, so that variables in units of very
    different sizes (variances 1e20 apart) are not taken for it."""
    spread = np.sqrt(np.diag(covariance))
    if not np.all(spread > 0):
        return True
    correlation = covariance / np.outer(spread, spread)
    eigenvalues = np.linalg.eigvalsh(correlation)
    return bool(eigenvalues[0] <= SINGULAR * eigenvalues[-1])


def lagged_residuals(residuals: np.ndarray, lags: int) -> np.ndarray:
    """[u_{t-1}, ..., u_{t-h}] (T x K h), the pre-sample ones set to zero, as JMulTi and R vars set them."""
    nobs, k = residuals.shape
    lagged = np.zeros((nobs, k * lags))
    for i in range(1, lags + 1):
        lagged[i:, k * (i - 1) : k * i] = residuals[:-i]
    return lagged


def _rao_s(k: int, m: int) -> float:
    denominator = k * k + m * m - 5
    return math.sqrt((k * k * m * m - 4) / denominator) if denominator > 0 else 1.0


def _rao_df2(n_eff: float, k: int, m: int) -> float:
    return n_eff * _rao_s(k, m) - (0.5 * k * m - 1)
