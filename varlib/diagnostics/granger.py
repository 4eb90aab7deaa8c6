"""Causality tests of a VAR and a VECM, many at once: statsmodels' `VARResults.test_causality` (F),
`VECMResults.test_granger_causality` and the `test_inst_causality` of both, computed from shared parts.

statsmodels builds, for every Granger test, the full covariance of the stacked coefficients, kron(inv(Z'Z), Σ_u)
(k·m square for k variables and m regressors per equation: 820 x 820 for 20 variables at two lags), and
multiplies it by a 0/1 restriction matrix C on both sides. C only picks entries, so C cov C' is the Kronecker
product of the picked rows and columns of inv(Z'Z) and Σ_u, and C b the picked coefficients: the same
products of the same numbers, in the same order. inv(Z'Z) is computed once, as statsmodels computes it, and
each test inverts only its own block, so 420 tests of a 20-variable VAR take milliseconds instead of seconds.
A VECM's Granger test refits a VAR in levels and inverts its X'X for every test, its instantaneous test refits
one too, and every instantaneous test inverts the duplication matrix: here each is made once, then picked from
as statsmodels' C picks. tests/unit/test_granger_fast_*.py and test_vecm_granger_fast_*.py compare every number.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .causality import CausalityTest
from .outcome import TestResult


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
    return _f_tests(statistics, restrictions, k * int(results.df_resid), signif)


def _f_tests(statistics: list[float], restrictions: list[int], df2: int, signif: float) -> tuple[GrangerF, ...]:
    """F(restrictions, df2) p-values and critical values, all at once (the same values as one call each)."""
    from scipy import stats  # imported on use, as elsewhere in the diagnostics: scipy.stats is slow to import

    pvalues = stats.f.sf(statistics, restrictions, df2)
    critical = stats.f.ppf(1 - signif, restrictions, df2)
    return tuple(
        GrangerF(float(s), float(pv), (int(r), df2), float(c))
        for s, pv, r, c in zip(statistics, np.atleast_1d(pvalues), restrictions, np.atleast_1d(critical), strict=True)
    )


def vecm_granger_f(
    results,
    pairs: Sequence[tuple[Sequence[int], Sequence[int]]],
    signif: float,
) -> tuple[GrangerF, ...]:
    """The F test of each (causing, caused) pair on a statsmodels VECMResults: its test_granger_causality.

    That test fits a VAR of p + 1 lags to the levels with the VECM's deterministic terms (no trend of its own),
    tests the first p lags' coefficients with the inverse of X'X of a reparametrised regressor matrix and
    Σ_u scaled to 1/T, and builds both anew for every test. Neither depends on the pair: both are made once
    here, in statsmodels' own operations, and each test picks its block of t·kron(inv(X'X)_11, Σ_u) and its
    coefficients, so the numbers are the same products in the same order."""
    if not pairs:
        return ()
    if not 0 < signif < 1:
        raise ValueError("signif has to be between 0 and 1")
    y, k, t, p = np.asarray(results.y_all), int(results.neqs), int(results.nobs) - 1, int(results.k_ar) + 1
    exog = vecm_deterministic(results)
    var_results = _levels_var(y, exog, p)
    deterministic = 0 if exog is None else exog.shape[1]
    x_min_p = np.zeros((k * p, t))  # the lagged differences to the p-th lag, then the p-th lag (statsmodels' X)
    for i in range(p - 1):
        x_min_p[i * k : (i + 1) * k, :] = y[:, p - 1 - i : -1 - i] - y[:, :-p]
    x_min_p[-k:, :] = y[:, :-p]
    if exog is not None:
        x_min_p = np.vstack([exog[-t:].T, x_min_p])
    x_x_11 = np.linalg.inv(np.dot(x_min_p, x_min_p.T))[: k * (p - 1) + deterministic, : k * (p - 1) + deterministic]
    sigma_u = np.asarray(var_results.sigma_u) * (t - k * p - deterministic) / t  # statsmodels' 1/T variant
    params = np.asarray(var_results.params)
    statistics, restrictions = [], []
    for causing, caused in pairs:
        rows = [deterministic + k * j + i for j in range(p - 1) for i in causing]  # as C's rows: lag, causing, caused
        block = t * np.kron(x_x_11[np.ix_(rows, rows)], sigma_u[np.ix_(caused, caused)])  # C sig_alpha_min_p C'
        coefficients = params[np.ix_(rows, caused)].ravel()  # C vec(params[:-k]')
        wald = t * (coefficients.T @ np.linalg.inv(block) @ coefficients)
        restrictions.append(len(rows) * len(caused))
        statistics.append(wald / restrictions[-1])
    return _f_tests(statistics, restrictions, k * int(var_results.df_resid), signif)


@dataclass(frozen=True)
class InstantWald:
    """One test as test_inst_causality(causing) reports it: Wald, chi-square with df restrictions."""

    statistic: float
    pvalue: float
    df: int
    crit_value: float


def instantaneous_wald(sigma_u, nobs: int, causing: Sequence[Sequence[int]], signif: float) -> tuple[InstantWald, ...]:
    """VARResults.test_inst_causality(c) for each causing list c (caused: all the others; one variable each, as
    the diagnostics ask: for longer lists statsmodels' mask pairs them element by element, and so does this),
    from the residual covariance and the observation count. statsmodels inverts the duplication matrix
    (k² x k(k+1)/2) and builds kron(Σ_u, Σ_u) in every test; both are made once here, and each test picks the
    rows its 0/1 restriction matrix picks, so the numbers are the same products in the same order."""
    from scipy import stats
    from statsmodels.tsa.tsatools import duplication_matrix, vech

    if not causing:
        return ()
    if not 0 < signif < 1:
        raise ValueError("signif has to be between 0 and 1")
    sigma_u = np.asarray(sigma_u)
    k = len(sigma_u)
    d_plus = np.linalg.pinv(duplication_matrix(k))
    kron = np.kron(sigma_u, sigma_u)
    vech_sigma_u = vech(sigma_u)
    tests = []
    for causing_ind in causing:
        caused_ind = [i for i in range(k) if i not in causing_ind]
        mask = np.zeros(sigma_u.shape)
        mask[causing_ind, caused_ind] = 1  # both triangles, so every pair is below the diagonal once
        mask[caused_ind, causing_ind] = 1
        inds = np.nonzero(vech(mask))[0]
        cd = d_plus[inds]
        middle = np.linalg.inv(cd @ kron @ cd.T) / 2
        restricted = vech_sigma_u[inds]
        statistic = nobs * (restricted.T @ middle @ restricted)
        df = len(causing_ind) * len(caused_ind)
        distribution = stats.chi2(df)
        critical = float(distribution.ppf(1 - signif))
        tests.append(InstantWald(float(statistic), float(distribution.sf(statistic)), df, critical))
    return tuple(tests)


def vecm_deterministic(results) -> np.ndarray | None:
    """The VECM's deterministic terms as regressors of the VAR in levels (statsmodels' _deterministic_to_exog
    for the terms varlib fits: constant and linear trend, inside or outside the relation)."""
    if getattr(results, "seasons", 0) or results.exog is not None or results.exog_coint is not None:
        raise ValueError("seasonal and exogenous terms of a VECM are not supported here")
    rows, terms = int(results.nobs) + int(results.k_ar), str(results.deterministic)
    columns: list[np.ndarray] = [np.ones(rows)] if "co" in terms or "ci" in terms else []
    columns += [np.arange(rows)] if "lo" in terms or "li" in terms else []
    return np.column_stack(columns) if columns else None


def vecm_levels_var(results):
    """The VAR in levels of a VECM's p lags that its test_inst_causality fits (trend "n": its terms are exog)."""
    return _levels_var(np.asarray(results.y_all), vecm_deterministic(results), int(results.k_ar))


def _levels_var(y: np.ndarray, exog: np.ndarray | None, lags: int):
    from statsmodels.tsa.vector_ar.var_model import VAR

    return VAR(y.T, exog).fit(maxlags=lags, trend="n")


Pairs = list[tuple[list[int], list[int]]]  # (causing, caused) variable positions, one per test


def scoped_tests(
    names: Sequence[str], f_tests: Callable[[Pairs], Sequence[GrangerF]], signif: float
) -> tuple[CausalityTest, ...]:
    """A kind's Granger F tests (`f_tests`) in the pages' scopes: in both group directions (one variable -> all
    others, all others -> one) and for every ordered pair; with two variables a group is a single variable, so
    only the pairs are listed."""
    k = len(names)
    scoped: list[tuple[str, list[int], list[int]]] = []  # (scope, causing, caused)
    if k > 2:
        for j in range(k):
            others = [i for i in range(k) if i != j]
            scoped += [("one_to_others", [j], others), ("others_to_one", others, [j])]
    scoped += [("pair", [i], [j]) for j in range(k) for i in range(k) if i != j]
    tests = f_tests([(causing, caused) for _, causing, caused in scoped])
    return tuple(
        CausalityTest(
            "granger",
            scope,
            tuple(names[i] for i in causing),
            tuple(names[j] for j in caused),
            TestResult("granger F", test.statistic, test.pvalue, test.df, test.crit_value, signif),
        )
        for (scope, causing, caused), test in zip(scoped, tests, strict=True)
    )


def instantaneous_table(names: Sequence[str], sigma_u, nobs: int, signif: float) -> tuple[CausalityTest, ...]:
    """Each variable's instantaneous causality with all the others, from a fit's residual covariance."""
    tests = instantaneous_wald(sigma_u, nobs, [[i] for i in range(len(names))], signif)
    return tuple(
        CausalityTest(
            "instantaneous",
            "one_to_others",
            (name,),
            tuple(n for n in names if n != name),
            TestResult("instantaneous wald", test.statistic, test.pvalue, test.df, test.crit_value, signif),
        )
        for name, test in zip(names, tests, strict=True)
    )
