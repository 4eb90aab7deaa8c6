"""The tests of a refitted VECM, each as plain data: statsmodels' VECMResults (and VARProcess of its VAR form).

Coefficients, loadings and relations carry statsmodels' standard errors; causality tests, impulse responses
and their asymptotic errors are VECMResults' own (through the VAR representation; the tests' shared parts made
once, the errors from small Kronecker factors: varlib.diagnostics.granger and irf_errors); the variance
decomposition is computed from statsmodels' VARProcess of the VAR representation as its FEVD does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ..artifact import Artifact
from ..integration import Johansen
from ..vecm_model import params_of
from .causality import CausalityTest
from .coefficients import Coefficients
from .cointegration import Cointegration
from .granger import instantaneous_table, scoped_tests, vecm_granger_f, vecm_levels_var
from .irf_errors import ResponseErrors, vecm_weights
from .results import ImpulseResponses


@dataclass(frozen=True)
class VecmRefit:
    """A VECM version refitted from its own training data: statsmodels' results and the model-space dates."""

    artifact: Artifact
    series: np.ndarray
    dates: tuple[str, ...]
    results: Any  # statsmodels VECMResults

    @property
    def resid_dates(self) -> tuple[str, ...]:
        return self.dates[self.artifact.k_ar :]

    @property
    def df_resid(self) -> int:
        """Rows minus the coefficients of one equation (lagged differences, terms outside, loadings)."""
        results = self.results
        return int(results.nobs) - int(results.gamma.shape[1] + results.det_coef.shape[1] + results.coint_rank)


def coefficients(fitted: VecmRefit) -> Coefficients:
    """Γ_1..Γ_{p-1} and the deterministic terms outside the relation, per equation, with standard errors."""
    results, names = fitted.results, fitted.artifact.variables
    k = len(names)
    lagged = [f"L{i}.d.{name}" for i in range(1, fitted.artifact.k_ar) for name in names]
    terms = [label for label, code in (("const", "co"), ("trend", "lo")) if code in results.deterministic]
    stacked = (
        np.hstack([results.gamma, results.det_coef]).reshape(k, -1).T,
        np.hstack([results.stderr_gamma, results.stderr_det_coef]).reshape(k, -1).T,
        np.hstack([results.tvalues_gamma, results.tvalues_det_coef]).reshape(k, -1).T,
        np.hstack([results.pvalues_gamma, results.pvalues_det_coef]).reshape(k, -1).T,
    )
    return _table(tuple(lagged + terms), tuple(names), *stacked, fitted.df_resid)


def cointegration(fitted: VecmRefit, johansen: Johansen) -> Cointegration:
    """The rank, Johansen's table, β (normalised) and α with their standard errors."""
    results, names = fitted.results, fitted.artifact.variables
    rank = int(results.coint_rank)
    relations = tuple(f"ec{i + 1}" for i in range(rank))
    inside = [label for label, code in (("const", "ci"), ("trend", "li")) if code in results.deterministic]
    beta = np.vstack([results.beta, results.det_coef_coint])
    # the normalisation makes the first r rows I_r; computed as beta @ inv(beta[:r]) they carry rounding noise
    # (4.2e-17 where 0 is meant), which read as an estimate and turned the whole column to scientific notation
    beta[:rank] = np.identity(rank)
    beta_se = np.vstack([results.stderr_beta, results.stderr_det_coef_coint])
    with np.errstate(divide="ignore", invalid="ignore"):
        # the first r rows are the normalisation (I_r), not estimates: no t or p value
        beta_t = np.where(beta_se > 0, beta / beta_se, np.nan)
    beta_p = np.vstack([results.pvalues_beta, results.pvalues_det_coef_coint])
    beta_p = np.where(beta_se > 0, beta_p, np.nan)
    beta_se = np.where(beta_se > 0, beta_se, np.nan)  # statsmodels' 0 for them would read as an exact estimate
    regressors = tuple(names) + tuple(f"{label} (in relation)" for label in inside)
    df = fitted.df_resid
    return Cointegration(
        rank=rank,
        rank_method=fitted.artifact.params.rank_method,
        deterministic=str(results.deterministic),
        johansen=johansen,
        beta=_table(regressors, relations, beta, beta_se, beta_t, beta_p, df),
        alpha=_table(
            relations,
            tuple(names),
            np.asarray(results.alpha).T,
            np.asarray(results.stderr_alpha).T,
            np.asarray(results.tvalues_alpha).T,
            np.asarray(results.pvalues_alpha).T,
            df,
        ),
        log_likelihood=float(results.llf),
        var_coefs=np.asarray(results.var_rep, dtype=float),
        var_deterministic=params_of(results, str(results.deterministic), None, "", len(fitted.series)).var.trend_coefs,
        sigma_u=np.asarray(results.sigma_u, dtype=float),
    )


def _table(regressors, equations, params, stderr, tvalues, pvalues_normal, df_resid: int) -> Coefficients:
    from scipy import stats  # imported on use: scipy.stats costs half a second to import

    tvalues = np.asarray(tvalues, dtype=float)
    return Coefficients(
        regressors=tuple(regressors),
        equations=tuple(equations),
        params=np.asarray(params, dtype=float),
        stderr=np.asarray(stderr, dtype=float),
        tvalues=tvalues,
        pvalues=2 * stats.t.sf(np.abs(tvalues), df_resid),
        pvalues_normal=np.asarray(pvalues_normal, dtype=float),
        df_resid=df_resid,
    )


def granger_tests(fitted: VecmRefit, signif: float) -> tuple[CausalityTest, ...]:
    """statsmodels' VECM Granger tests (F, in the VAR representation), in the VAR page's scopes: its
    test_granger_causality, with the VAR in levels it refits for every test fitted once (varlib.diagnostics.granger)."""
    return scoped_tests(fitted.artifact.variables, lambda pairs: vecm_granger_f(fitted.results, pairs, signif), signif)


def instantaneous_tests(fitted: VecmRefit, signif: float) -> tuple[CausalityTest, ...]:
    """Wald tests of instantaneous causality between each variable and all the others: VECMResults'
    test_inst_causality, whose VAR in levels is fitted once here instead of once per test."""
    levels = vecm_levels_var(fitted.results)
    return instantaneous_table(fitted.artifact.variables, levels.sigma_u, int(levels.nobs), signif)


def impulse_responses(fitted: VecmRefit, periods: int, signif: float) -> ImpulseResponses:
    """VECMResults' plain and orthogonalised responses (as its irf() computes them) with their asymptotic
    standard errors, computed from small Kronecker factors (varlib.diagnostics.irf_errors): irf() itself would
    build the k²p x k²p covariance of the VAR form and, per period, a k² x k² covariance for its diagonal."""
    results = fitted.results
    sigma_u = np.asarray(results.sigma_u)
    plain = np.asarray(results.ma_rep(periods), dtype=float)
    orth = np.asarray(results.orth_ma_rep(periods, P=np.linalg.cholesky(sigma_u)), dtype=float)
    errors = ResponseErrors(plain, results.var_rep, vecm_weights(results), sigma_u, int(results.nobs))
    return ImpulseResponses(periods, plain, orth, errors.stderr(orth=False), errors.stderr(orth=True), signif)


def variance_decomposition(fitted: VecmRefit, periods: int) -> np.ndarray:
    """[variable][period][shock]: squared orthogonalised responses summed, over the forecast-error variance
    (statsmodels' VARProcess of the VAR representation, as its FEVD computes it)."""
    from statsmodels.tsa.vector_ar.var_model import VARProcess

    results = fitted.results
    process = VARProcess(np.asarray(results.var_rep), None, np.asarray(results.sigma_u))
    shares = (process.orth_ma_rep(periods)[:periods] ** 2).cumsum(axis=0)
    variances = np.diagonal(process.mse(periods), axis1=1, axis2=2)
    return (shares / variances[:, :, None]).swapaxes(0, 1)


def residual_autocorrelations(resid: np.ndarray, lags: int) -> np.ndarray:
    """Sample autocorrelations of the residuals at lags 0..`lags` (centred, as VARResults.resid_acorr)."""
    centred = resid - resid.mean(axis=0)
    n = len(centred)
    acov = np.array([centred[lag:].T @ centred[: n - lag] / n for lag in range(lags + 1)])
    scale = np.sqrt(np.diag(acov[0]))
    return acov / np.outer(scale, scale)
