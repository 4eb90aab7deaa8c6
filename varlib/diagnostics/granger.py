"""Granger F tests of a VAR, many at once: statsmodels' `VARResults.test_causality`, computed from sub-blocks.

statsmodels builds, for every test, the full covariance of the stacked coefficients, kron(inv(Z'Z), Σ_u)
(k·m square for k variables and m regressors per equation: 820 x 820 for 20 variables at two lags), and
multiplies it by a 0/1 restriction matrix C on both sides. C only picks entries, so C cov C' is the Kronecker
product of the picked rows and columns of inv(Z'Z) and Σ_u, and C b the picked coefficients: the same
products of the same numbers, in the same order. inv(Z'Z) is computed once, as statsmodels computes it, and
each test inverts only its own block, so 420 tests of a 20-variable VAR take milliseconds instead of seconds.
tests/unit/test_granger_fast_*.py compare every number with test_causality.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class GrangerF:
    """One test as test_causality(caused, causing, kind="f") reports it."""

    statistic: float
    pvalue: float
    df: tuple[int, int]  # (restrictions, k · residual df of one equation)
    crit_value: float


def granger_f(results, pairs: Sequence[tuple[Sequence[int], Sequence[int]]], signif: float) -> tuple[GrangerF, ...]:
    """The F test of each (causing, caused) pair of variable-index lists on a statsmodels VARResults (a VARX's
    too: its exogenous columns sit with the deterministic terms, before the lags, as in test_causality)."""
    from scipy import stats  # imported on use, as elsewhere in the diagnostics: scipy.stats is slow to import

    if not pairs:
        return ()
    if not 0 < signif < 1:  # test_causality's own checks, so a bad call fails as it did
        raise ValueError("signif has to be between 0 and 1")
    k, p, deterministic = int(results.neqs), int(results.k_ar), int(results.k_exog)
    if p == 0:
        raise RuntimeError("Cannot test Granger Causality in a model with 0 lags.")
    z = np.asarray(results.endog_lagged)
    inv_zz = np.linalg.inv(z.T @ z)  # as VARResults.cov_params computes it
    sigma_u = np.asarray(results.sigma_u)  # residual covariance with the degrees-of-freedom correction
    params = np.asarray(results.params)  # regressor x equation
    statistics, restrictions = [], []
    for causing, caused in pairs:
        # C's rows run over lags, then causing variables, then caused ones: the regressor of lag j of
        # variable i is row `deterministic + j·k + i` of params, and the caused ones are its columns
        rows = [deterministic + k * j + i for j in range(p) for i in causing]
        block = np.kron(inv_zz[np.ix_(rows, rows)], sigma_u[np.ix_(caused, caused)])  # C cov C'
        coefficients = params[np.ix_(rows, caused)].ravel()  # C vec(params')
        wald = coefficients @ np.linalg.inv(block) @ coefficients
        restrictions.append(len(rows) * len(caused))
        statistics.append(wald / restrictions[-1])
    df2 = k * int(results.df_resid)
    pvalues = stats.f.sf(statistics, restrictions, df2)
    critical = stats.f.ppf(1 - signif, restrictions, df2)
    return tuple(
        GrangerF(float(s), float(pv), (int(r), df2), float(c))
        for s, pv, r, c in zip(statistics, np.atleast_1d(pvalues), restrictions, np.atleast_1d(critical), strict=True)
    )
