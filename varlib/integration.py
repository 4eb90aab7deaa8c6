"""Unit roots and cointegration: which transform the data want, and whether a long-run relation links them.

Per variable, two tests with opposite null hypotheses (statsmodels): ADF (H0: a unit root) and KPSS
(H0: stationary around a trend), both with a constant and a linear trend, on log levels when every
value is positive (the series a `logdiff` model would difference) and no name says it holds logs already
(model_space.logs_advisable: `log_gdp` is tested, and advised, as it is), else on levels. Their verdict at 5%:

- both say stationary (ADF rejects, KPSS does not): `stationary`, around a trend (a VAR in levels with
  trend `ct`) unless the same pair of tests with a constant only says stationary too (a VAR in levels):
  testing with a trend alone advised `ct` for series that do not trend, and a trend that is not there drifts
  every forecast. The constant-only pair never overrides a unit root found with a trend (a trending price level
  can pass its ADF). Nor does a trend whose t-test in the ADF regression is not significant at 5% (Dolado,
  Jenkinson and Sosvilla-Rivero's sequential procedure): that series is stationary around a constant too;
- both say unit root (ADF does not reject, KPSS rejects): `integrated`; if the first difference is
  stationary (ADF with a constant rejects) the variable is I(1) and should be differenced. A transform
  differences every variable, so when others look stationary the advice leaves the choice to the holdout;
- they disagree: `unclear` (short samples often leave it so), unless the pair with a constant only says
  stationary (a growth rate whose ADF with a trend, the weaker test, does not reject): then `stationary` around
  a constant (KPSS's test of a constant level finds no trend).

When two or more variables look integrated, Johansen's trace test (statsmodels `coint_johansen`,
constant, p - 1 lagged differences) counts the cointegrating relations at 5%: with rank r > 0 a VAR
in differences throws r long-run relations away and a vector error-correction model keeps them. A stationary
variable's own level is a relation by itself, so relations found beside stationary or unclear variables count as a
link only when the integrated variables alone have one too (the same test on them alone).

A sample longer than MAX_TESTED_ROWS is tested on its last MAX_TESTED_ROWS rows, and the result says so:
ADF's lag search (Schwert's rule, as statsmodels) costs about n^1.75, so the tests of 100,000 daily rows
took minutes where 5,000 rows take under a second, while the advice is read before every fit. A VECM the advice
names starts there too (train's --start at the first row tested, given the rows' dates): on every row the test
may find another rank.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from .clock import iso_label
from .data.columns import is_straight_line
from .errors import InvalidInputError
from .fit_checks import check_not_degenerate
from .integration_advice import recommend, vecm_rank
from .integration_results import DETERMINISTIC, SIGNIF, Integration, Johansen, UnitRoot
from .integration_vecm import AdviceSample, AdvisedVecm
from .model_space import logs_advisable

__all__ = [
    "DETERMINISTIC",
    "AdvisedVecm",
    "MAX_JOHANSEN_VARIABLES",
    "MAX_TESTED_ROWS",
    "Integration",
    "Johansen",
    "UnitRoot",
    "analyse",
    "johansen_test",
    "small_sample_rank",
    "trace_rank",
    "unit_roots",
]

MAX_TESTED_ROWS = 5_000
# statsmodels' critical values of the trace and maximum-eigenvalue statistics (Osterwald-Lenum's tables) end at 12
# common trends: for more variables the first ranks' values are NaN, every comparison with them fails, and the
# rank found would be too high by the variables past 12
MAX_JOHANSEN_VARIABLES = 12
UNTESTED_MANY = (
    f" Johansen's cointegration test was not run: its critical values cover at most {MAX_JOHANSEN_VARIABLES}"
    " variables, not {count}; test a VECM on fewer variables."
)


def analyse(
    levels: np.ndarray,
    names: list[str],
    k_ar: int = 2,
    dates: Sequence | pd.Index | None = None,
    exog: Sequence[str] = (),
) -> Integration:
    """Unit-root tests of each column of `levels`, a transform recommendation and, when two or more
    variables look integrated, Johansen's test with `k_ar - 1` lagged differences (on the last
    MAX_TESTED_ROWS rows of a longer sample). Refused, naming them, when those variables move together exactly.
    `dates`, the rows' (a VECM advised on the last rows alone starts at the first one's), and `exog`, the
    exogenous variables of the model advised on (such a VECM takes none), are for the advice's words."""
    positive = logs_advisable(levels, names)  # of the whole sample: the transform advised applies to all of it
    rows = len(levels)
    sample = _sample(rows, dates, exog)
    series, roots = _tested(levels, names, positive)
    integrated = [u for u in roots if u.verdict == "integrated"]
    tested = [j for j, u in enumerate(roots) if u.verdict != DETERMINISTIC]
    tested_on = "log levels" if positive else "levels"
    johansen = None
    if len(integrated) >= 2:
        # two columns that move together exactly (a copy of one) leave Johansen's moment matrix singular:
        # refused as training refuses them, naming the columns, not a linear-algebra error
        check_not_degenerate(series[:, tested], [names[j] for j in tested], f"in {tested_on}", counters=False)
        johansen = _johansen(series[:, tested], [names[j] for j in tested], max(k_ar - 1, 1))
    caveat = _small_sample_caveat(johansen, len(series)) if johansen is not None and johansen.rank > 0 else ""
    among_integrated = _rank_among_integrated(series, roots, johansen)
    transform, advice = recommend(roots, positive, johansen, among_integrated, caveat, sample)
    if len(integrated) >= 2 and len(tested) > MAX_JOHANSEN_VARIABLES:
        advice += UNTESTED_MANY.format(count=len(tested))
    vecm = vecm_rank(roots, johansen, among_integrated)
    return Integration(tested_on, roots, transform, advice, johansen, len(series), rows, vecm, sample)


def _sample(rows: int, dates: Sequence | pd.Index | None, exog: Sequence[str]) -> AdviceSample:
    """The rows tested, when the last MAX_TESTED_ROWS alone: the first one's date as train's --start reads it
    (`2002-09-27`, or with its time of day on intraday rows), where the rows' dates are given."""
    if rows <= MAX_TESTED_ROWS:
        return AdviceSample(exog=tuple(exog))
    first = None if dates is None else iso_label(dates[rows - MAX_TESTED_ROWS])  # a Timestamp, or its ISO text
    return AdviceSample(MAX_TESTED_ROWS, first, tuple(exog))


def _rank_among_integrated(series: np.ndarray, roots: tuple[UnitRoot, ...], johansen: Johansen | None) -> int | None:
    """Johansen's rank among the integrated variables alone, when the test of every tested variable found relations
    and others beside them were tested (a stationary or unclear variable's own level is a relation by itself, so
    only this rank shows a link between the integrated ones); else None."""
    integrated = [j for j, u in enumerate(roots) if u.verdict == "integrated"]
    tested = [u for u in roots if u.verdict != DETERMINISTIC]
    if johansen is None or not johansen.links or len(integrated) == len(tested):
        return None
    alone = _johansen(series[:, integrated], [roots[j].variable for j in integrated], johansen.lagged_differences)
    return None if alone is None else alone.rank


def trace_rank(trace: tuple[float, ...], critical: tuple[tuple[float, float, float], ...], factor: float = 1.0) -> int:
    """The trace test's rank at 5%: the first r whose statistic (times `factor`, a small-sample scaling) is under
    its critical value, or k when every one is over."""
    return next((r for r in range(len(trace)) if trace[r] * factor < critical[r][1]), len(trace))


def small_sample_rank(johansen: Johansen, rows: int, k_ar: int) -> tuple[float, int] | None:
    """Reinsel and Ahn's small-sample factor (T - Kp)/T and the rank the trace statistics scaled by it choose, for
    the test's effective sample T = rows - p of a series of `rows` rows at VAR order p = `k_ar`; None when the
    scaled statistics choose Johansen's rank too, or T <= Kp (an order the lag-order rules refuse or warn about)."""
    effective, k = rows - k_ar, len(johansen.trace)
    if effective <= k * k_ar:
        return None
    factor = (effective - k * k_ar) / effective
    scaled = trace_rank(johansen.trace, johansen.trace_critical, factor)
    return None if scaled == johansen.rank else (factor, scaled)


def _small_sample_caveat(johansen: Johansen, rows: int) -> str:
    """A sentence for advice that reads Johansen's rank (a VECM's, or a full rank calling the levels stationary),
    when the scaled trace statistics choose fewer relations (the test over-finds them on few rows for many
    variables); else ""."""
    k_ar = johansen.lagged_differences + 1
    found = small_sample_rank(johansen, rows, k_ar)
    if found is None:
        return ""
    factor, scaled = found
    return (
        f" On {rows} rows ({rows - k_ar} after the VAR order {k_ar}) for {len(johansen.trace)} variables the test"
        " finds relations that are not there"
        f" more often than 5% of the time: with Reinsel and Ahn's small-sample factor {factor:.3f} it finds"
        f" {'none' if scaled == 0 else scaled}"
        + (
            "; compare the VECM with the VAR in differences on the holdout."
            if johansen.links
            else ", so the levels need not be stationary."
        )
    )


def unit_roots(levels: np.ndarray, names: list[str]) -> tuple[str, tuple[UnitRoot, ...]]:
    """The unit-root tests of `analyse` alone (no Johansen test, no advice): what they ran on ("log levels"
    or "levels") and each variable's verdict, for a fit that asks whether its variables are I(1)."""
    positive = logs_advisable(levels, names)
    return ("log levels" if positive else "levels"), _tested(levels, names, positive)[1]


def _tested(levels: np.ndarray, names: list[str], positive: bool) -> tuple[np.ndarray, tuple[UnitRoot, ...]]:
    """The tested series (the last MAX_TESTED_ROWS rows, in logs when `positive`) and its unit-root tests."""
    levels = np.asarray(levels, dtype=float)[-MAX_TESTED_ROWS:]
    series = np.log(levels) if positive else levels
    roots = tuple(
        _unit_root(series[:, j], name, is_straight_line(levels[:, j]) or is_straight_line(series[:, j]))
        for j, name in enumerate(names)
    )
    return series, roots


def _unit_root(x: np.ndarray, name: str, deterministic: bool) -> UnitRoot:
    """The verdict of the level tests with a constant and a trend; a series they call stationary is tested again
    with a constant only, and said stationary around a constant when those agree (then shown)."""
    from statsmodels.tsa.stattools import adfuller

    if deterministic:
        nan = float("nan")
        return UnitRoot(name, nan, nan, nan, nan, nan, DETERMINISTIC, None)
    shown, regression = _level_tests(x, "ct"), "ct"
    # the tests with a trend have less power (a growth rate's ADF may not reject): a series they leave unclear is
    # stationary when the pair with a constant only agrees, KPSS's level test rejecting any trend
    if shown[4] != "integrated" and (constant := _level_tests(x, "c"))[4] == "stationary":
        shown, regression = constant, "c"
    adf_stat, adf_p, kpss_stat, kpss_p, verdict, trend = shown
    # stationary with a trend but not with a constant alone: whether the trend is there is a test of its own
    trend_p = trend if regression == "ct" and verdict == "stationary" else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        diff_p = float(adfuller(np.diff(x), regression="c", autolag="AIC", result_object=False)[1])
    order = 0 if verdict == "stationary" else 1 if verdict == "integrated" and diff_p < SIGNIF else None
    return UnitRoot(name, adf_stat, adf_p, kpss_stat, kpss_p, diff_p, verdict, order, regression, trend_p)


def _level_tests(x: np.ndarray, regression: str) -> tuple[float, float, float, float, str, float]:
    """ADF and KPSS of `x` with deterministic terms `regression` ("ct" or "c"): statistics, p-values, their
    verdict at 5% (stationary: ADF rejects and KPSS does not; integrated: the reverse; else unclear) and the
    p-value of the trend's t-test in ADF's own regression (`regresults`; NaN without a trend).

    The trend's test is the sequential procedure's (Dolado, Jenkinson and Sosvilla-Rivero 1990; Enders): once ADF
    rejects the unit root, the t-statistic of b in dx_t = a + b·t + g·x_{t-1} + lagged dx + e_t is asymptotically
    normal, and b = 0 is no trend in the level (its slope is -b/g). The regression's lagged differences take up the
    serial correlation; a Newey-West t-test of the levels on a trend, with the few lags its bandwidth rule gives a
    short sample, does not, and finds trends that are not there more often (simulated rates in
    docs/CORRECTNESS.md, from studies/trend_significance.py)."""
    from statsmodels.tsa.stattools import adfuller, kpss

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # KPSS warns when its p-value is outside its table (then 0.01 or 0.10)
        adf_stat, adf_p, _, fitted = adfuller(
            x, regression=regression, autolag="AIC", regresults=True, result_object=False
        )
        level_kpss = kpss(x, regression=regression, nlags="auto", result_object=False)
    adf_p, kpss_p = float(adf_p), float(level_kpss[1])
    verdict = "stationary" if adf_p < SIGNIF <= kpss_p else "integrated" if kpss_p < SIGNIF <= adf_p else "unclear"
    trend_p = float(fitted.resols.pvalues[-1]) if regression == "ct" else float("nan")  # the trend is the last term
    return float(adf_stat), adf_p, float(level_kpss[0]), kpss_p, verdict, trend_p


def _johansen(series: np.ndarray, names: list[str], lagged: int) -> Johansen | None:
    if series.shape[1] > MAX_JOHANSEN_VARIABLES:
        return None  # no critical values (analyse says so)
    if series.shape[0] <= series.shape[1] * (lagged + 1) + 10:
        return None  # too short for the test to say anything
    try:
        return johansen_test(series, names, lagged, 0)
    except (np.linalg.LinAlgError, ValueError):  # singular on this sample: advice without it, as on a short one
        return None


DET_ORDERS = {-1: "none", 0: "constant", 1: "linear trend"}


def johansen_test(series: np.ndarray, names: list[str], lagged: int, det_order: int) -> Johansen:
    """statsmodels' `coint_johansen` with `lagged` lagged differences and deterministic terms -1 (none),
    0 (a constant) or 1 (a linear trend); the rank is the first r whose trace statistic stays below its 95%
    critical value (as statsmodels' `select_coint_rank(method="trace", signif=0.05)`)."""
    from statsmodels.tsa.vector_ar.vecm import coint_johansen

    count = series.shape[1]
    if count > MAX_JOHANSEN_VARIABLES:
        raise InvalidInputError(
            f"Johansen's test has critical values for at most {MAX_JOHANSEN_VARIABLES} variables, not {count}, so"
            f" neither its rank nor its table would be right: model at most {MAX_JOHANSEN_VARIABLES} variables in a"
            " VECM (or fit a VAR in differences)",
            field="variables",
            value=count,
        )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # its notice of critical values out of its tables is handled above
        result = coint_johansen(series, det_order=det_order, k_ar_diff=lagged)
    trace = tuple(float(v) for v in result.lr1)
    trace_crit = tuple((float(a), float(b), float(c)) for a, b, c in result.cvt)
    eigen_crit = tuple((float(a), float(b), float(c)) for a, b, c in result.cvm)
    rank = trace_rank(trace, trace_crit)
    return Johansen(
        tuple(names),
        tuple(float(v) for v in result.eig),
        trace,
        trace_crit,
        tuple(float(v) for v in result.lr2),
        eigen_crit,
        lagged,
        DET_ORDERS[det_order],
        rank,
    )
