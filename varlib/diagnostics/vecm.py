"""Diagnostics of a stored VECM version: refit from its training data, then every test as plain data.

The artifact's levels (or log levels) are refitted with the version's lag order, rank and deterministic terms
by statsmodels' VECM, so every number is what VECMResults gives for that data and spec. The lag-order table
is the VAR in levels with the VECM's deterministic terms (as training searched it); Johansen's table uses the
version's lagged differences and the nearest deterministic case of statsmodels' `coint_johansen`. Residual
tests, causality, responses and the variance decomposition are of the VECM and its VAR representation (in
levels, or log levels for `log`).
"""

from __future__ import annotations

import numpy as np

from ..artifact import Artifact
from ..integration import analyse, johansen_test
from ..kinds import kind_of
from ..lag_order import search_range
from ..model import select_lags
from ..model_space import to_model_space
from ..vecm_checks import stability as vecm_stability
from ..vecm_lm import vecm_lm_test
from ..vecm_model import DET_ORDER, fit_vecm
from .arch import arch_tests, check_arch_lags
from .results import Diagnostics, Stability
from .var import check_irf_periods, check_whiteness_lags
from .var_tests import DEFAULT_SIGNIF, lm_result, normality_tests, whiteness
from .vecm_tests import (
    VecmRefit,
    coefficients,
    cointegration,
    granger_tests,
    impulse_responses,
    instantaneous_tests,
    residual_autocorrelations,
    variance_decomposition,
)


def refit(artifact: Artifact) -> VecmRefit:
    """Fit the version's spec (its order, rank and deterministic terms) on its training data."""
    params = artifact.params
    series = to_model_space(artifact.data.values, artifact.spec.transform, artifact.variables)
    results = fit_vecm(series, params.k_ar, params.coint_rank, params.deterministic)
    return VecmRefit(artifact, series, tuple(artifact.data.dates), results)


def diagnose(
    artifact: Artifact,
    irf_periods: int = 10,
    whiteness_lags: int | None = None,
    signif: float = DEFAULT_SIGNIF,
    arch_lags: int | None = None,
) -> Diagnostics:
    """All diagnostics of one VECM version."""
    irf_periods = check_irf_periods(irf_periods)
    fitted = refit(artifact)
    results, params, names = fitted.results, artifact.params, artifact.variables
    nobs = int(results.nobs)
    lags = check_whiteness_lags(whiteness_lags, artifact.k_ar, nobs)
    arch_lags = check_arch_lags(arch_lags, nobs)
    resid = np.asarray(results.resid, dtype=float)
    normality, lutkepohl, by_variable = normality_tests(
        results, names, artifact.spec.transform, signif, artifact.data.values
    )
    johansen = johansen_test(fitted.series, names, params.k_ar - 1, DET_ORDER[params.deterministic])
    return Diagnostics(
        name=artifact.name,
        version=str(artifact.version) if artifact.version else None,
        variables=tuple(names),
        transform=artifact.spec.transform,
        trend=params.deterministic,
        k_ar=artifact.k_ar,
        nobs=nobs,
        refit_gap=float(np.max(np.abs(np.asarray(results.var_rep) - params.var.coefs))),
        lag_selection=_lag_order(fitted),
        coefficients=coefficients(fitted),
        stability=_stability(fitted),
        whiteness=whiteness(fitted, lags, signif, adjusted=False),
        whiteness_adjusted=whiteness(fitted, lags, signif, adjusted=True),
        whiteness_lags=lags,
        whiteness_lm=lm_result(vecm_lm_test(results), signif),
        normality=normality,
        normality_lutkepohl=lutkepohl,
        normality_by_variable=by_variable,
        resid_dates=fitted.resid_dates,
        resid=resid,
        resid_acorr=residual_autocorrelations(resid, lags),
        granger=granger_tests(fitted, signif),
        instantaneous=instantaneous_tests(fitted, signif),
        irf=impulse_responses(fitted, irf_periods, signif),
        fevd=variance_decomposition(fitted, irf_periods),
        integration=analyse(artifact.data.values, names, max(artifact.k_ar, 2), artifact.data.dates),
        kind=artifact.spec.kind,
        model=artifact.description,
        cointegration=cointegration(fitted, johansen),
        arch=arch_tests(resid, names, arch_lags, signif),
    )


def _lag_order(fitted: VecmRefit):
    """The criteria of the VAR in levels with the VECM's deterministic terms, searched as training searched."""
    spec = kind_of(fitted.artifact.spec).order_spec(fitted.artifact.spec)
    n, k = fitted.series.shape
    max_lags, _ = search_range(n, k, spec, "the training sample")
    return select_lags(fitted.series, max_lags, spec.trend, spec.min_lags, fitted.artifact.variables)


def _stability(fitted: VecmRefit) -> Stability:
    rank = int(fitted.results.coint_rank)
    criterion = fitted.artifact.spec.order_criterion
    ok, eigenvalues, units, verdict = vecm_stability(np.asarray(fitted.results.var_rep), rank, criterion)
    stable = bool(np.all(np.abs(eigenvalues) < 1))
    return Stability(stable, eigenvalues, verdict, len(fitted.artifact.variables) - rank, units, ok)
