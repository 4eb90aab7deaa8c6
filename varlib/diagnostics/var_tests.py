"""The tests of a refitted VAR, each as plain data: statsmodels' VARResults does the numbers.

All results are in model space: for `diff`/`logdiff` versions the residuals, responses and
decompositions are of the (log) differences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ..adequacy import lm_whiteness_verdict, normality_verdict, stability_verdict, var_lm_test, whiteness_verdict
from ..artifact import Artifact
from ..autocorrelation_lm import DEFAULT_LM_LAGS, LMTest
from ..lag_order import search_range
from ..model import LagSelection, select_lags
from ..normality import doornik_hansen
from ..wording import and_list, counted, p_is
from .causality import CausalityTest
from .coefficients import Coefficients
from .granger import granger_f, instantaneous_table, scoped_tests
from .irf_errors import ResponseErrors, var_weights
from .results import ImpulseResponses, Stability, TestResult

if TYPE_CHECKING:  # a VECM's refit imports nothing from here, yet its whiteness is this one
    from .vecm_tests import VecmRefit

DEFAULT_SIGNIF = 0.05


@dataclass(frozen=True)
class Refit:
    """A version refitted from its own training data: the statsmodels results and the model-space dates."""

    artifact: Artifact
    series: np.ndarray
    dates: tuple[str, ...]
    results: Any  # statsmodels VARResults (statsmodels has no type information)
    exog: np.ndarray | None = None  # the exogenous regressors of the model-space rows (a VARX)

    @property
    def resid_dates(self) -> tuple[str, ...]:
        return self.dates[self.artifact.k_ar :]


def lag_order(fitted: Refit) -> LagSelection:
    """statsmodels' select_order on the model-space series, searched as training searches (varlib.lag_order):
    up to the spec's maximum or the sample-aware default, never past the residual-df minimum."""
    spec, (n, k) = fitted.artifact.spec, fitted.series.shape
    max_lags, _ = search_range(n, k, spec, "the training sample")
    return select_lags(fitted.series, max_lags, spec.trend, spec.min_lags, fitted.artifact.variables, fitted.exog)


def coefficients(fitted: Refit) -> Coefficients:
    """OLS estimates with p-values from Student t (the equation's residual df) and from the normal."""
    from scipy import stats  # imported on use: scipy.stats costs half a second to import

    results, variables = fitted.results, fitted.artifact.variables
    tvalues = np.asarray(results.tvalues, dtype=float)
    df_resid = int(results.df_resid)
    return Coefficients(
        regressors=tuple(_label(name, variables, fitted.artifact.exog) for name in results.exog_names),
        equations=tuple(variables),
        params=np.asarray(results.params, dtype=float),
        stderr=np.asarray(results.stderr, dtype=float),
        tvalues=tvalues,
        pvalues=2 * stats.t.sf(np.abs(tvalues), df_resid),
        pvalues_normal=np.asarray(results.pvalues, dtype=float),
        df_resid=df_resid,
    )


def stability(fitted: Refit) -> Stability:
    """Stable iff every companion eigenvalue (the inverse of statsmodels' roots) is inside the unit circle."""
    results = fitted.results
    eigenvalues = 1.0 / np.asarray(results.roots)  # statsmodels' roots: largest modulus first, stable iff |root| > 1
    eigenvalues = eigenvalues[np.argsort(-np.abs(eigenvalues), kind="stable")]
    stable = bool(results.is_stable())
    largest = complex(eigenvalues[0]) if eigenvalues.size else 0j
    spec = fitted.artifact.spec
    verdict = stability_verdict(stable, largest, spec.transform, spec.trend, spec.order_criterion)
    return Stability(stable, eigenvalues, verdict)


def whiteness(
    fitted: Refit | VecmRefit, lags: int, signif: float = DEFAULT_SIGNIF, adjusted: bool = False
) -> TestResult:
    """Portmanteau test of no residual autocorrelation up to `lags`, of either kind (statsmodels' VARResults, or
    VECMResults with df K²(h - p + 1) - K r as JMulTi prints it); `adjusted` is the small-sample statistic
    T^2 sum 1/(T - i) tr(...) that R `vars` and JMulTi print."""
    res = fitted.results.test_whiteness(nlags=lags, signif=signif, adjusted=adjusted)
    name = "portmanteau, adjusted (small-sample)" if adjusted else "portmanteau, unadjusted"
    return TestResult(
        name,
        float(res.test_statistic),
        float(res.pvalue),
        int(res.df),
        float(res.crit_value),
        signif,
        whiteness_verdict(float(res.pvalue), lags, adjusted),
    )


def whiteness_lm(fitted: Refit, signif: float = DEFAULT_SIGNIF) -> TestResult | None:
    """The LM test's F form (Edgerton-Shukur) with 5 lagged residuals, the training check's verdict."""
    return lm_result(var_lm_test(fitted.results), signif)


def lm_result(test: LMTest | None, signif: float = DEFAULT_SIGNIF) -> TestResult | None:
    """An LM test's F form as a test result, Rao's second degrees of freedom to one decimal (JMulTi prints them
    rounded down, but the p-value takes them whole: 203 beside a p of 203.6's read as another p); None for None
    (too few rows)."""
    from scipy import stats

    if test is None:
        return None
    return TestResult(
        f"LM, Edgerton-Shukur F, {counted(test.lags, 'lag')}",
        test.lmf,
        test.lmf_pvalue,
        (test.df1, _one_decimal(test.df2)),
        float(stats.f.isf(signif, test.df1, test.df2)),
        signif,
        lm_whiteness_verdict(test.lmf_pvalue, test.lags),
        test.lags < DEFAULT_LM_LAGS,
    )


def _one_decimal(value: float) -> int | float:
    """`203.6`, or `358` for a whole number (not `358.0`)."""
    rounded = round(float(value), 1)
    return int(rounded) if rounded.is_integer() else rounded


def normality_tests(
    results, variables: Sequence[str], transform: str, signif: float = DEFAULT_SIGNIF, levels=None
) -> tuple[TestResult, TestResult, tuple[TestResult, ...]]:
    """The normality tests of a VAR's or a VECM's statsmodels results: Doornik and Hansen's joint test, whose
    verdict counts (it depends neither on the variables' order nor on their units), Lütkepohl's joint
    Jarque-Bera (statsmodels' `test_normality`: Cholesky, so in the variables' order; JMulTi prints it too),
    and each variable's own Jarque-Bera (`levels`: the data before the transform, for the verdict's hint)."""
    from scipy import stats

    resid = np.asarray(results.resid, dtype=float)
    own = tuple(jarque_bera(resid[:, j], signif) for j in range(resid.shape[1]))
    joint = doornik_hansen(resid)
    verdict = normality_verdict(joint.pvalue, transform, variables, levels)
    failing = [f"{v} (p {p_is(t.pvalue)})" for v, t in zip(variables, own, strict=True) if t.rejected]
    if joint.pvalue >= signif and failing:  # the joint test can pass while one variable's residuals do not
        one = len(failing) == 1
        verdict += (
            f" Yet the Jarque-Bera test of {and_list(failing)} {'alone rejects' if one else 'each reject'} normality:"
            f" look at {'its' if one else 'their'} residuals for outliers."
        )
    critical = float(stats.chi2.isf(signif, joint.df))
    doornik = TestResult("doornik-hansen (joint)", joint.statistic, joint.pvalue, joint.df, critical, signif, verdict)
    res = results.test_normality(signif=signif)
    lutkepohl = TestResult(
        "jarque-bera (joint, Cholesky)",
        float(res.test_statistic),
        float(res.pvalue),
        int(res.df),
        float(res.crit_value),
        signif,
    )
    return doornik, lutkepohl, own


def jarque_bera(resid: np.ndarray, signif: float = DEFAULT_SIGNIF) -> TestResult:
    """Univariate Jarque-Bera of one equation's residuals (scipy), beside the joint tests."""
    from scipy import stats

    res = stats.jarque_bera(resid)
    critical = float(stats.chi2.ppf(1 - signif, 2))
    return TestResult("jarque-bera", float(res.statistic), float(res.pvalue), 2, critical, signif)


def granger_tests(fitted: Refit, signif: float = DEFAULT_SIGNIF) -> tuple[CausalityTest, ...]:
    """The Granger F tests in the pages' scopes (granger.scoped_tests): statsmodels' test_causality, computed
    from one coefficient covariance (varlib.diagnostics.granger)."""
    return scoped_tests(fitted.artifact.variables, lambda pairs: granger_f(fitted.results, pairs, signif), signif)


def instantaneous_tests(fitted: Refit, signif: float = DEFAULT_SIGNIF) -> tuple[CausalityTest, ...]:
    """Wald tests of instantaneous causality between each variable and all the others (symmetric): statsmodels'
    test_inst_causality, with its duplication-matrix inverse made once (varlib.diagnostics.granger)."""
    return instantaneous_table(fitted.artifact.variables, fitted.results.sigma_u, int(fitted.results.nobs), signif)


def impulse_responses(fitted: Refit, periods: int, signif: float = DEFAULT_SIGNIF) -> ImpulseResponses:
    """Plain and orthogonalised (Cholesky, in the variables' order) responses with asymptotic errors, as statsmodels'
    IRAnalysis has them; its stderr and cum_effect_stderr build a k² x k² covariance per period for its diagonal
    alone, so the errors come from small Kronecker factors instead (varlib.diagnostics.irf_errors)."""
    results = fitted.results
    sigma_u = np.asarray(results.sigma_u, dtype=float)
    # the responses as irf() makes them (it would also build the full coefficient covariance, unused here)
    plain = np.asarray(results.ma_rep(periods), dtype=float)
    orth = np.asarray(results.orth_ma_rep(periods, P=np.linalg.cholesky(sigma_u)), dtype=float)
    errors = ResponseErrors(plain, results.coefs, var_weights(results), sigma_u, int(results.nobs))
    accumulated = (
        plain.cumsum(axis=0),
        orth.cumsum(axis=0),
        errors.stderr(orth=False, cumulative=True),
        errors.stderr(orth=True, cumulative=True),
    )
    return ImpulseResponses(
        periods, plain, orth, errors.stderr(orth=False), errors.stderr(orth=True), signif, accumulated
    )


_LAG_NAME = re.compile(r"^L(\d+)\.y(\d+)$")


def _label(name: str, variables: list[str], exog: list[str] | tuple[str, ...] = ()) -> str:
    """statsmodels names an unlabelled array's columns y1..yk and exog0..; show the version's names instead."""
    match = _LAG_NAME.match(name)
    if match:
        return f"L{match.group(1)}.{variables[int(match.group(2)) - 1]}"
    position = name.removeprefix("exog")
    return exog[int(position)] if name.startswith("exog") and position.isdigit() and int(position) < len(exog) else name
