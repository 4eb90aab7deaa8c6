"""Diagnostics of a stored VAR version: refit from its training data, then every test as plain data.

Nothing is unpickled: the artifact's levels go through `to_model_space` and `fit_results` with the
version's own lag order and trend, so every number is what statsmodels' VARResults gives for that
data and spec. Unit roots and Johansen's test (varlib.integration) run on the training levels.
"""

from __future__ import annotations

import numpy as np

from ..adequacy import default_whiteness_lags
from ..artifact import Artifact
from ..integration import analyse
from ..kinds.var import model_space_exog
from ..model import fit_results, params_of
from ..model_space import DIFFERENCED, to_model_space
from ..whole_numbers import whole_number
from .arch import arch_tests, check_arch_lags
from .results import Diagnostics
from .var_tests import (
    DEFAULT_SIGNIF,
    Refit,
    coefficients,
    granger_tests,
    impulse_responses,
    instantaneous_tests,
    lag_order,
    normality_tests,
    stability,
    whiteness,
    whiteness_lm,
)

DEFAULT_IRF_PERIODS = 10
MAX_IRF_PERIODS = 100


def refit(artifact: Artifact) -> Refit:
    """Fit the version's spec (its lag order and trend, its exogenous variables) on its training data,
    transformed as the spec says."""
    series = to_model_space(artifact.data.values, artifact.spec.transform, artifact.variables)
    dates = artifact.data.dates[len(artifact.data.dates) - len(series) :]
    exog = model_space_exog(artifact.spec, artifact.data.exog, len(series))
    results = fit_results(series, artifact.k_ar, artifact.spec.trend, artifact.variables, exog=exog)
    return Refit(artifact, series, tuple(dates), results, exog)


def diagnose(
    artifact: Artifact,
    irf_periods: int = DEFAULT_IRF_PERIODS,
    whiteness_lags: int | None = None,
    signif: float = DEFAULT_SIGNIF,
    arch_lags: int | None = None,
) -> Diagnostics:
    """All diagnostics of one version. `whiteness_lags` defaults to max(10, k_ar + 1), below the residual count;
    `arch_lags` to DEFAULT_ARCH_LAGS, or as many as the residuals hold."""
    irf_periods = check_irf_periods(irf_periods)
    fitted = refit(artifact)
    results = fitted.results
    lags = check_whiteness_lags(whiteness_lags, artifact.k_ar, int(results.nobs))
    arch_lags = check_arch_lags(arch_lags, int(results.nobs))
    normality, lutkepohl, by_variable = normality_tests(
        results, artifact.variables, artifact.spec.transform, signif, artifact.data.values
    )
    return Diagnostics(
        name=artifact.name,
        version=str(artifact.version) if artifact.version else None,
        variables=tuple(artifact.variables),
        transform=artifact.spec.transform,
        trend=artifact.spec.trend,
        k_ar=artifact.k_ar,
        nobs=int(results.nobs),
        refit_gap=_refit_gap(results, artifact.params),
        lag_selection=lag_order(fitted),
        coefficients=coefficients(fitted),
        stability=stability(fitted),
        whiteness=whiteness(fitted, lags, signif, adjusted=False),
        whiteness_adjusted=whiteness(fitted, lags, signif, adjusted=True),
        whiteness_lags=lags,
        whiteness_lm=whiteness_lm(fitted, signif),
        normality=normality,
        normality_lutkepohl=lutkepohl,
        normality_by_variable=by_variable,
        resid_dates=fitted.resid_dates,
        resid=np.asarray(results.resid, dtype=float),
        resid_acorr=np.asarray(results.resid_acorr(lags), dtype=float),
        granger=granger_tests(fitted, signif),
        instantaneous=instantaneous_tests(fitted, signif),
        irf=impulse_responses(fitted, irf_periods, signif),
        fevd=np.asarray(results.fevd(irf_periods).decomp, dtype=float),
        integration=analyse(
            artifact.data.values,
            artifact.variables,
            max(_levels_order(artifact), 2),
            artifact.data.dates,  # a VECM advised on a long sample's last rows starts at the first tested
            artifact.spec.exog,  # which a VECM advised takes none of
        ),
        model=artifact.description,
        arch=arch_tests(np.asarray(results.resid), artifact.variables, arch_lags, signif),
        imported_from=artifact.provenance.get("source_class"),
    )


def _levels_order(artifact: Artifact) -> int:
    """The VAR order in levels that the version's model stands for: a VAR(p) of differences is a VAR(p + 1)
    of the levels, whose Johansen test takes p lagged differences (not p - 1, as a VAR(p) in levels)."""
    return artifact.k_ar + (1 if artifact.spec.transform in DIFFERENCED else 0)


def check_irf_periods(periods) -> int:
    return whole_number(periods, 1, MAX_IRF_PERIODS, "impulse-response horizon", "irf_periods")


# the page's bound and the CLI's: near the residual count, each lag's autocorrelation rests on a handful of pairs
MAX_WHITENESS_LAGS = 60


def whiteness_lag_bounds(artifact: Artifact, most: int = MAX_WHITENESS_LAGS) -> tuple[int, int, int]:
    """(lowest, highest, default) portmanteau lags for a version: above its lag order, below its
    residual count, and at most `most`."""
    residuals = len(artifact.data.values) - artifact.spec.lag_inputs_extra - artifact.k_ar
    lowest = artifact.k_ar + 1
    highest = max(lowest, min(most, residuals - 1))
    return lowest, highest, min(default_whiteness_lags(artifact.k_ar, residuals), highest)


def check_whiteness_lags(lags, k_ar: int, nobs: int) -> int:
    """The portmanteau test needs more lags than the model has, and fewer than the residuals."""
    default = default_whiteness_lags(k_ar, nobs)
    if lags is None:
        lags = default
    most = max(k_ar + 1, min(MAX_WHITENESS_LAGS, nobs - 1))
    return whole_number(
        lags,
        k_ar + 1,
        most,
        "whiteness lags",
        "whiteness_lags",
        words=f"a whole number above the lag order {k_ar} and at most {most}",
        after=f" (below the {nobs} residuals, and {MAX_WHITENESS_LAGS} at most: near the residual count each lag's"
        f" autocorrelation rests on a handful of pairs); try {default}",
    )


def _refit_gap(results, params) -> float:
    """The largest difference between the refit's coefficients and the version's, lags and deterministic terms."""
    refitted = params_of(results, params.trend)
    gaps = [np.abs(refitted.coefs - params.coefs).max()]
    if params.trend_coefs.size and refitted.trend_coefs.shape == params.trend_coefs.shape:
        gaps.append(np.abs(refitted.trend_coefs - params.trend_coefs).max())
    return float(max(gaps))
