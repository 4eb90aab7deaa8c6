"""Diagnostics of a stored VAR version: refit from its training data, then statsmodels' tests as plain data.

Nothing is unpickled: the artifact's levels go through `to_model_space` and `fit_results` with the
version's own lag order and trend, so every number is what statsmodels' VARResults gives for that
data and spec (lag-order selection, coefficients, stability, whiteness, normality, Granger and
instantaneous causality, impulse responses, variance decompositions). All results are in model
space: for `diff`/`logdiff` versions the residuals, responses and decompositions are of the
(log) differences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..artifact import Artifact
from ..errors import InvalidInputError
from ..model import LagSelection, check_sample, fit_results, select_lags
from ..spec import to_model_space
from .results import (
    CausalityTest,
    Coefficients,
    Diagnostics,
    ImpulseResponses,
    Stability,
    TestResult,
)

DEFAULT_IRF_PERIODS = 10
MAX_IRF_PERIODS = 100
DEFAULT_WHITENESS_LAGS = 10
DEFAULT_SIGNIF = 0.05
NEAR_UNIT = 0.95  # a largest modulus above this behaves almost like a unit root over forecast horizons


@dataclass(frozen=True)
class Refit:
    """A version refitted from its own training data: the statsmodels results and the model-space dates."""

    artifact: Artifact
    series: np.ndarray
    dates: tuple[str, ...]
    results: Any  # statsmodels VARResults (statsmodels has no type information)

    @property
    def resid_dates(self) -> tuple[str, ...]:
        return self.dates[self.artifact.k_ar :]


def refit(artifact: Artifact) -> Refit:
    """Fit the version's spec (its lag order and trend) on its training data, transformed as the spec says."""
    series = to_model_space(artifact.data.values, artifact.spec.transform)
    dates = artifact.data.dates[len(artifact.data.dates) - len(series) :]
    results = fit_results(series, artifact.k_ar, artifact.spec.trend)
    return Refit(artifact, series, tuple(dates), results)


def diagnose(
    artifact: Artifact,
    irf_periods: int = DEFAULT_IRF_PERIODS,
    whiteness_lags: int | None = None,
    signif: float = DEFAULT_SIGNIF,
    adjusted: bool = False,
) -> Diagnostics:
    """All diagnostics of one version. `whiteness_lags` defaults to max(10, k_ar + 1)."""
    irf_periods = check_irf_periods(irf_periods)
    fitted = refit(artifact)
    results = fitted.results
    lags = check_whiteness_lags(whiteness_lags, artifact.k_ar, results.nobs)
    stored = artifact.params.coefs
    return Diagnostics(
        name=artifact.name,
        version=str(artifact.version) if artifact.version else None,
        variables=tuple(artifact.variables),
        transform=artifact.spec.transform,
        trend=artifact.spec.trend,
        k_ar=artifact.k_ar,
        nobs=int(results.nobs),
        refit_gap=float(np.max(np.abs(np.asarray(results.coefs) - stored))),
        lag_selection=lag_order(fitted),
        coefficients=coefficients(fitted),
        stability=stability(fitted),
        whiteness=whiteness(fitted, lags, signif, adjusted),
        whiteness_lags=lags,
        normality=normality(fitted, signif),
        normality_by_variable=tuple(_jarque_bera(results.resid[:, j], signif) for j in range(results.neqs)),
        resid_dates=fitted.resid_dates,
        resid=np.asarray(results.resid, dtype=float),
        resid_acorr=np.asarray(results.resid_acorr(lags), dtype=float),
        granger=granger_tests(fitted, signif),
        instantaneous=instantaneous_tests(fitted, signif),
        irf=impulse_responses(fitted, irf_periods, signif),
        fevd=np.asarray(results.fevd(irf_periods).decomp, dtype=float),
    )


# -- the pieces ------------------------------------------------------------------------
def lag_order(fitted: Refit) -> LagSelection:
    """statsmodels' select_order on the model-space series with the spec's trend and max_lags.

    When the sample is too short for the spec's max_lags the largest feasible maximum is used
    (LagSelection.max_lags says which)."""
    spec = fitted.artifact.spec
    k = fitted.series.shape[1]
    max_lags = spec.max_lags
    while max_lags > 1 and not _enough_rows(len(fitted.series), k, max_lags, spec.trend):
        max_lags -= 1
    return select_lags(fitted.series, max_lags, spec.trend)


def coefficients(fitted: Refit) -> Coefficients:
    results = fitted.results
    variables = fitted.artifact.variables
    return Coefficients(
        regressors=tuple(_label(name, variables) for name in results.exog_names),
        equations=tuple(variables),
        params=np.asarray(results.params, dtype=float),
        stderr=np.asarray(results.stderr, dtype=float),
        tvalues=np.asarray(results.tvalues, dtype=float),
        pvalues=np.asarray(results.pvalues, dtype=float),
    )


def stability(fitted: Refit) -> Stability:
    """Stable iff every companion eigenvalue (the inverse of statsmodels' roots) is inside the unit circle."""
    results = fitted.results
    eigenvalues = 1.0 / np.asarray(results.roots)  # statsmodels' roots: largest modulus first, stable iff |root| > 1
    eigenvalues = eigenvalues[np.argsort(-np.abs(eigenvalues), kind="stable")]
    stable = bool(results.is_stable())
    return Stability(
        stable, eigenvalues, _verdict(stable, float(np.max(np.abs(eigenvalues))), fitted.artifact.spec.transform)
    )


def whiteness(fitted: Refit, lags: int, signif: float = DEFAULT_SIGNIF, adjusted: bool = False) -> TestResult:
    """Portmanteau test of no residual autocorrelation up to `lags`."""
    res = fitted.results.test_whiteness(nlags=lags, signif=signif, adjusted=adjusted)
    name = "adjusted portmanteau" if adjusted else "portmanteau"
    return TestResult(name, float(res.test_statistic), float(res.pvalue), int(res.df), float(res.crit_value), signif)


def normality(fitted: Refit, signif: float = DEFAULT_SIGNIF) -> TestResult:
    """Multivariate Jarque-Bera test of normal residuals (statsmodels' test_normality)."""
    res = fitted.results.test_normality(signif=signif)
    return TestResult(
        "jarque-bera (joint)", float(res.test_statistic), float(res.pvalue), int(res.df), float(res.crit_value), signif
    )


def granger_tests(fitted: Refit, signif: float = DEFAULT_SIGNIF) -> tuple[CausalityTest, ...]:
    """F-tests: for each variable, do all the others Granger-cause it; then every ordered pair."""
    results, names = fitted.results, fitted.artifact.variables
    k = len(names)
    tests = []
    for j in range(k):
        others = [i for i in range(k) if i != j]
        tests.append(_causality(results, "all_others", others, [j], names, signif))
    for j in range(k):
        for i in range(k):
            if i != j:
                tests.append(_causality(results, "pair", [i], [j], names, signif))
    return tuple(tests)


def instantaneous_tests(fitted: Refit, signif: float = DEFAULT_SIGNIF) -> tuple[CausalityTest, ...]:
    """Wald tests of instantaneous causality between each variable and all the others."""
    results, names = fitted.results, fitted.artifact.variables
    tests = []
    for i, name in enumerate(names):
        res = results.test_inst_causality(causing=[i], signif=signif)
        result = TestResult(
            "instantaneous wald",
            float(res.test_statistic),
            float(res.pvalue),
            int(res.df),
            float(res.crit_value),
            signif,
        )
        others = tuple(n for n in names if n != name)
        tests.append(CausalityTest("instantaneous", "all_others", (name,), others, result))
    return tuple(tests)


def impulse_responses(fitted: Refit, periods: int, signif: float = DEFAULT_SIGNIF) -> ImpulseResponses:
    """Plain and orthogonalised (Cholesky, in the variables' order) responses with asymptotic errors."""
    analysis = fitted.results.irf(periods)
    return ImpulseResponses(
        periods,
        np.asarray(analysis.irfs, dtype=float),
        np.asarray(analysis.orth_irfs, dtype=float),
        np.asarray(analysis.stderr(orth=False), dtype=float),
        np.asarray(analysis.stderr(orth=True), dtype=float),
        signif,
    )


def check_irf_periods(periods) -> int:
    if isinstance(periods, bool) or not isinstance(periods, (int, np.integer)) or not 1 <= periods <= MAX_IRF_PERIODS:
        raise InvalidInputError(
            f"impulse-response horizon {periods!r} must be a whole number from 1 to {MAX_IRF_PERIODS}"
        )
    return int(periods)


def whiteness_lag_bounds(artifact: Artifact, most: int = 60) -> tuple[int, int, int]:
    """(lowest, highest, default) portmanteau lags for a version: above its lag order, below its
    residual count, and at most `most`."""
    residuals = len(artifact.data.values) - artifact.spec.lag_inputs_extra - artifact.k_ar
    lowest = artifact.k_ar + 1
    highest = max(lowest, min(most, residuals - 1))
    return lowest, highest, min(max(DEFAULT_WHITENESS_LAGS, lowest), highest)


def check_whiteness_lags(lags, k_ar: int, nobs: int) -> int:
    """The portmanteau test needs more lags than the model has, and fewer than the residuals."""
    if lags is None:
        lags = max(DEFAULT_WHITENESS_LAGS, k_ar + 1)
    if isinstance(lags, bool) or not isinstance(lags, (int, np.integer)) or not k_ar < lags < nobs:
        raise InvalidInputError(
            f"whiteness lags {lags!r} must be a whole number above the lag order {k_ar} and below the"
            f" {nobs} residuals; try {max(DEFAULT_WHITENESS_LAGS, k_ar + 1)}"
        )
    return int(lags)


# -- helpers -----------------------------------------------------------------------------
def _causality(
    results, scope: str, causing: list[int], caused: list[int], names: list[str], signif: float
) -> CausalityTest:
    res = results.test_causality(caused, causing, kind="f", signif=signif)
    df = tuple(int(d) for d in res.df)
    result = TestResult("granger F", float(res.test_statistic), float(res.pvalue), df, float(res.crit_value), signif)
    return CausalityTest("granger", scope, tuple(names[i] for i in causing), tuple(names[j] for j in caused), result)


def _jarque_bera(resid: np.ndarray, signif: float) -> TestResult:
    """Univariate Jarque-Bera of one equation's residuals (scipy), beside the joint test."""
    from scipy import stats  # imported on use: scipy.stats costs half a second to import

    res = stats.jarque_bera(resid)
    return TestResult(
        "jarque-bera", float(res.statistic), float(res.pvalue), 2, float(stats.chi2.ppf(1 - signif, 2)), signif
    )


def _enough_rows(rows: int, k: int, lags: int, trend: str) -> bool:
    try:
        check_sample(rows, k, lags, trend)
    except InvalidInputError:
        return False
    return True


_LAG_NAME = re.compile(r"^L(\d+)\.y(\d+)$")


def _label(name: str, variables: list[str]) -> str:
    """statsmodels names an unlabelled array's columns y1..yk; show the version's names instead."""
    match = _LAG_NAME.match(name)
    return f"L{match.group(1)}.{variables[int(match.group(2)) - 1]}" if match else name


def _verdict(stable: bool, largest: float, transform: str) -> str:
    levels_hint = (
        "A VAR in levels of trending data is usually not stable (the trend acts as a unit root);"
        " refit with transform `diff`, or `logdiff` for positive series such as GDP."
    )
    if not stable:
        text = (
            f"Not stable: the largest eigenvalue modulus is {largest:.4f}, on or outside the unit circle, so"
            " shocks never die out and impulse responses, variance decompositions and long-horizon intervals"
            " are not meaningful."
        )
        return (
            f"{text} {levels_hint}"
            if transform == "none"
            else f"{text} Try fewer lags, another trend, or a different transform."
        )
    text = (
        f"Stable: every eigenvalue of the companion matrix is inside the unit circle (largest modulus {largest:.4f})."
    )
    if largest > NEAR_UNIT and transform == "none":
        return (
            f"{text} The largest is close to 1, which is typical of a VAR in levels of trending data: shocks"
            f" fade very slowly. A `diff` or `logdiff` transform is usually the better model."
        )
    return text
