"""Unit roots and cointegration: which transform the data want, and whether a long-run relation links them.

Per variable, two tests with opposite null hypotheses (statsmodels): ADF (H0: a unit root) and KPSS
(H0: stationary around a trend), both with a constant and a linear trend, on log levels when every
value is positive (the series a `logdiff` model would difference), else on levels. Their verdict at 5%:

- both say stationary (ADF rejects, KPSS does not): `stationary`, a VAR in levels is fine;
- both say unit root (ADF does not reject, KPSS rejects): `integrated`; if the first difference is
  stationary (ADF with a constant rejects) the variable is I(1) and should be differenced;
- they disagree: `unclear` (short samples often leave it so).

When two or more variables look integrated, Johansen's trace test (statsmodels `coint_johansen`,
constant, p - 1 lagged differences) counts the cointegrating relations at 5%: with rank r > 0 a VAR
in differences throws r long-run relations away and a vector error-correction model keeps them.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .data.columns import is_straight_line
from .integration_advice import DETERMINISTIC, recommend

SIGNIF = 0.05


@dataclass(frozen=True)
class UnitRoot:
    """The tests of one variable and their verdict."""

    variable: str
    adf_statistic: float
    adf_pvalue: float
    kpss_statistic: float
    kpss_pvalue: float  # interpolated by statsmodels within [0.01, 0.10]
    diff_adf_pvalue: float
    verdict: str  # "stationary" | "integrated" | "unclear" | DETERMINISTIC
    order: int | None  # 0 or 1 when the tests agree, None otherwise

    def to_dict(self) -> dict:
        return {
            "variable": self.variable,
            "adf_statistic": self.adf_statistic,
            "adf_pvalue": self.adf_pvalue,
            "kpss_statistic": self.kpss_statistic,
            "kpss_pvalue": self.kpss_pvalue,
            "diff_adf_pvalue": self.diff_adf_pvalue,
            "verdict": self.verdict,
            "order": self.order,
        }


@dataclass(frozen=True)
class Johansen:
    """Johansen's trace and maximum-eigenvalue statistics for ranks 0..k-1 with 90/95/99% critical values."""

    variables: tuple[str, ...]
    eigenvalues: tuple[float, ...]
    trace: tuple[float, ...]
    trace_critical: tuple[tuple[float, float, float], ...]
    max_eigen: tuple[float, ...]
    max_eigen_critical: tuple[tuple[float, float, float], ...]
    lagged_differences: int
    deterministic: str  # "none", "constant" or "linear trend" (statsmodels' det_order -1, 0, 1)
    rank: int  # by the trace test at 5%

    @property
    def links(self) -> bool:
        """Some but not all combinations are stationary: long-run relations that a VECM keeps (0 < rank < K)."""
        return 0 < self.rank < len(self.trace)

    def frame(self, trace_levels: tuple[int, ...] = (95,), eigenvalues: bool = True) -> pd.DataFrame:
        """The table as pages and the report show it: one row per rank, the statistics beside the critical
        values asked for (of 90, 95, 99%; the maximum-eigenvalue test at 95%)."""
        column = {90: 0, 95: 1, 99: 2}
        rows = []
        for r in range(len(self.trace)):
            row: dict[str, float] = {"rank <=": r, "trace": self.trace[r]}
            row |= {f"trace {level}%": self.trace_critical[r][column[level]] for level in trace_levels}
            row |= {"max eigen": self.max_eigen[r], "max eigen 95%": self.max_eigen_critical[r][1]}
            if eigenvalues:
                row["eigenvalue"] = self.eigenvalues[r]
            rows.append(row)
        return pd.DataFrame(rows)

    def to_dict(self) -> dict:
        rows = [
            {
                "rank": r,
                "trace": self.trace[r],
                "trace_critical_90_95_99": list(self.trace_critical[r]),
                "max_eigen": self.max_eigen[r],
                "max_eigen_critical_90_95_99": list(self.max_eigen_critical[r]),
            }
            for r in range(len(self.trace))
        ]
        return {
            "variables": list(self.variables),
            "eigenvalues": list(self.eigenvalues),
            "table": rows,
            "lagged_differences": self.lagged_differences,
            "deterministic": self.deterministic,
            "rank": self.rank,
        }

    @classmethod
    def from_dict(cls, raw: dict) -> Johansen:
        rows = raw["table"]
        return cls(
            tuple(raw["variables"]),
            tuple(float(v) for v in raw["eigenvalues"]),
            tuple(float(row["trace"]) for row in rows),
            tuple(_triple(row["trace_critical_90_95_99"]) for row in rows),
            tuple(float(row["max_eigen"]) for row in rows),
            tuple(_triple(row["max_eigen_critical_90_95_99"]) for row in rows),
            int(raw["lagged_differences"]),
            str(raw["deterministic"]),
            int(raw["rank"]),
        )


def _triple(values) -> tuple[float, float, float]:
    a, b, c = (float(v) for v in values)
    return a, b, c


@dataclass(frozen=True)
class Integration:
    """Unit roots of every variable, the transform they suggest, and Johansen's test when it applies."""

    tested_on: str  # "log levels" | "levels"
    unit_roots: tuple[UnitRoot, ...]
    recommended_transform: str | None  # None: the tests leave it open
    advice: str
    johansen: Johansen | None

    def to_dict(self) -> dict:
        return {
            "tested_on": self.tested_on,
            "unit_roots": [u.to_dict() for u in self.unit_roots],
            "recommended_transform": self.recommended_transform,
            "advice": self.advice,
            "johansen": self.johansen.to_dict() if self.johansen else None,
        }


def analyse(levels: np.ndarray, names: list[str], k_ar: int = 2) -> Integration:
    """Unit-root tests of each column of `levels`, a transform recommendation and, when two or more
    variables look integrated, Johansen's test with `k_ar - 1` lagged differences."""
    positive = bool(np.all(levels > 0))
    series = np.log(levels) if positive else np.asarray(levels, dtype=float)
    roots = tuple(
        _unit_root(series[:, j], name, is_straight_line(levels[:, j]) or is_straight_line(series[:, j]))
        for j, name in enumerate(names)
    )
    integrated = [u for u in roots if u.verdict == "integrated"]
    tested = [j for j, u in enumerate(roots) if u.verdict != DETERMINISTIC]
    johansen = (
        _johansen(series[:, tested], [names[j] for j in tested], max(k_ar - 1, 1)) if len(integrated) >= 2 else None
    )
    transform, advice = recommend(roots, positive, johansen)
    return Integration("log levels" if positive else "levels", roots, transform, advice, johansen)


def _unit_root(x: np.ndarray, name: str, deterministic: bool) -> UnitRoot:
    from statsmodels.tsa.stattools import adfuller, kpss

    if deterministic:
        nan = float("nan")
        return UnitRoot(name, nan, nan, nan, nan, nan, DETERMINISTIC, None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # KPSS warns when its p-value is outside its table (then 0.01 or 0.10)
        adf = adfuller(x, regression="ct", autolag="AIC", result_object=False)
        level_kpss = kpss(x, regression="ct", nlags="auto", result_object=False)
        diff_adf = adfuller(np.diff(x), regression="c", autolag="AIC", result_object=False)
    adf_p, kpss_p, diff_p = float(adf[1]), float(level_kpss[1]), float(diff_adf[1])
    order: int | None
    if adf_p < SIGNIF <= kpss_p:
        verdict, order = "stationary", 0
    elif kpss_p < SIGNIF <= adf_p:
        verdict, order = "integrated", (1 if diff_p < SIGNIF else None)
    else:
        verdict, order = "unclear", None
    return UnitRoot(name, float(adf[0]), adf_p, float(level_kpss[0]), kpss_p, diff_p, verdict, order)


def _johansen(series: np.ndarray, names: list[str], lagged: int) -> Johansen | None:
    if series.shape[0] <= series.shape[1] * (lagged + 1) + 10:
        return None  # too short for the test to say anything
    return johansen_test(series, names, lagged, 0)


DET_ORDERS = {-1: "none", 0: "constant", 1: "linear trend"}


def johansen_test(series: np.ndarray, names: list[str], lagged: int, det_order: int) -> Johansen:
    """statsmodels' `coint_johansen` with `lagged` lagged differences and deterministic terms -1 (none),
    0 (a constant) or 1 (a linear trend); the rank is the first r whose trace statistic stays below its 95%
    critical value (as statsmodels' `select_coint_rank(method="trace", signif=0.05)`)."""
    from statsmodels.tsa.vector_ar.vecm import coint_johansen

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = coint_johansen(series, det_order=det_order, k_ar_diff=lagged)
    trace = tuple(float(v) for v in result.lr1)
    trace_crit = tuple((float(a), float(b), float(c)) for a, b, c in result.cvt)
    eigen_crit = tuple((float(a), float(b), float(c)) for a, b, c in result.cvm)
    rank = next((r for r in range(len(trace)) if trace[r] < trace_crit[r][1]), len(trace))
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
