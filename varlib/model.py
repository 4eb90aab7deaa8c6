"""VAR estimation (statsmodels does it) and the fitted parameters as plain arrays.

VarParams is also the VAR representation through which other model kinds forecast."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np

from .errors import InvalidInputError
from .spec import CRITERIA, ModelSpec


@dataclass(frozen=True)
class VarParams:
    """Fitted VAR(p) parameters, enough to forecast without statsmodels.

    coefs[i] is A_{i+1} (k x k); trend_coefs has one row per trend term (const, then t);
    the trend term t continues from `n_totobs`, the length of the fitted (transformed) series,
    as statsmodels' VARResults.forecast does.
    """

    coefs: np.ndarray
    trend_coefs: np.ndarray
    sigma_u: np.ndarray
    trend: str
    n_totobs: int

    @property
    def k_ar(self) -> int:
        return int(self.coefs.shape[0])

    @property
    def k(self) -> int:
        return int(self.sigma_u.shape[0])

    def to_dict(self) -> dict:
        return {
            "k_ar": self.k_ar,
            "coefs": self.coefs.tolist(),
            "trend_coefs": self.trend_coefs.tolist(),
            "sigma_u": self.sigma_u.tolist(),
            "trend": self.trend,
            "n_totobs": self.n_totobs,
        }

    @classmethod
    def from_dict(cls, raw: dict) -> VarParams:
        k = len(raw["sigma_u"])
        coefs = np.asarray(raw["coefs"], dtype=float).reshape(int(raw["k_ar"]), k, k)
        trend_coefs = np.asarray(raw["trend_coefs"], dtype=float).reshape(-1, k)
        return cls(
            coefs,
            trend_coefs,
            np.asarray(raw["sigma_u"], dtype=float).reshape(k, k),
            raw["trend"],
            int(raw["n_totobs"]),
        )


@dataclass(frozen=True)
class LagSelection:
    """Information criteria for every lag 0..max_lags on a common sample, and the choices."""

    max_lags: int
    table: tuple[dict, ...]
    selected: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"max_lags": self.max_lags, "table": list(self.table), "selected": dict(self.selected)}


def check_sample(n_rows: int, k: int, lags: int, trend: str, what: str = "the data") -> None:
    """Enough rows to estimate k*lags + trend coefficients per equation with residual df left."""
    needed = lags + k * lags + len(trend.replace("n", "")) + 2
    if n_rows < needed:
        raise InvalidInputError(
            f"{what} has {n_rows} usable rows; a VAR with {k} variables and {lags} lags needs at least"
            f" {needed}: use fewer lags or more rows"
        )


def select_lags(series: np.ndarray, max_lags: int, trend: str) -> LagSelection:
    """statsmodels' select_order on the model-space series, as a plain table."""
    from statsmodels.tsa.vector_ar.var_model import VAR

    k = series.shape[1]
    check_sample(series.shape[0], k, max_lags, trend, "the training sample")
    _check_not_degenerate(series)
    try:
        with _quiet_fit():
            result = VAR(series).select_order(max_lags, trend=trend)
    except (np.linalg.LinAlgError, ValueError) as exc:  # statsmodels' words for degenerate regressors
        raise InvalidInputError(
            f"the lag order cannot be chosen on this data ({exc}): a variable is (nearly) constant over the"
            " sample or the variables are collinear; drop one of them or give fewer max lags"
        ) from None
    first = max_lags + 1 - len(result.ics["aic"])  # with trend 'n' statsmodels starts at lag 1 (no VAR(0))
    table = tuple(
        {"lag": lag, **{ic: _finite_or_none(result.ics[ic][lag - first]) for ic in CRITERIA}}
        for lag in range(first, max_lags + 1)
    )
    selected = {ic: int(result.selected_orders[ic]) for ic in CRITERIA}
    return LagSelection(max_lags, table, selected)


def fit_params(series: np.ndarray, lags: int, trend: str) -> VarParams:
    """OLS fit of a VAR(lags) by statsmodels, kept as plain arrays."""
    results = fit_results(series, lags, trend)
    k = series.shape[1]
    trend_coefs = (
        np.asarray(results.coefs_exog, dtype=float).T.reshape(-1, k) if results.coefs_exog.size else np.zeros((0, k))
    )
    params = VarParams(
        np.asarray(results.coefs, dtype=float),
        trend_coefs,
        np.asarray(results.sigma_u, dtype=float),
        trend,
        int(results.n_totobs),
    )
    if not (np.all(np.isfinite(params.coefs)) and np.all(np.isfinite(params.sigma_u))):
        raise InvalidInputError("the fit produced non-finite coefficients: the variables are collinear or constant")
    return params


def fit_results(series: np.ndarray, lags: int, trend: str):
    """statsmodels VARResults for the model-space series (used by fitting and diagnostics)."""
    from statsmodels.tsa.vector_ar.var_model import VAR

    check_sample(series.shape[0], series.shape[1], lags, trend, "the training sample")
    _check_not_degenerate(series)
    try:
        with _quiet_fit():
            return VAR(series).fit(lags, trend=trend)
    except (np.linalg.LinAlgError, ValueError) as exc:  # ValueError: a lagged regressor is constant
        raise InvalidInputError(
            f"the VAR cannot be estimated ({exc}): the variables are collinear or constant; drop one of them"
        ) from None


def choose_lags(series: np.ndarray, spec: ModelSpec) -> tuple[int, LagSelection | None, str]:
    """The lag order for a spec: fixed, or by criterion. Returns (p, selection table, how)."""
    if spec.lags is not None:
        return spec.lags, None, "fixed"
    selection = select_lags(series, spec.max_lags, spec.trend)
    chosen = selection.selected[spec.ic]
    if chosen == 0:  # a VAR(0) has no dynamics to forecast from; one lag is the smallest VAR
        return 1, selection, f"{spec.ic} chose 0 (max {spec.max_lags}); using 1"
    return chosen, selection, f"{spec.ic} (max {spec.max_lags})"


def _check_not_degenerate(series: np.ndarray) -> None:
    spread = np.ptp(series, axis=0)
    if np.any(spread == 0):
        raise InvalidInputError("a variable is constant in the sample; a VAR cannot use it: drop it")
    if np.linalg.matrix_rank(series - series.mean(axis=0)) < series.shape[1]:
        raise InvalidInputError("the variables are collinear (one is a combination of others); drop one of them")


def _finite_or_none(value) -> float | None:
    value = float(value)
    return value if np.isfinite(value) else None


class _quiet_fit(warnings.catch_warnings):
    """statsmodels warns about date indexes and near-singular fits; the product reports its own checks."""

    def __enter__(self):
        super().__enter__()
        warnings.simplefilter("ignore")
        return self
