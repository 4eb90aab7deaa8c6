"""VAR estimation (statsmodels does it) and the fitted parameters as plain arrays.

VarParams is also the VAR representation through which other model kinds forecast."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np

from .errors import InvalidInputError
from .fit_checks import check_magnitude, check_not_degenerate, collinear_error, default_names, nearly_collinear
from .jsonsafe import finite_or_none
from .lag_search import information_criteria
from .model_space import CRITERIA


@dataclass(frozen=True)
class VarParams:
    """Fitted VAR(p) parameters, enough to forecast without statsmodels.

    coefs[i] is A_{i+1} (k x k); trend_coefs has one row per trend term (const, then t);
    the trend term t continues from `n_totobs`, the length of the fitted (transformed) series,
    as statsmodels' VARResults.forecast does. exog_coefs has one row per exogenous regressor
    (VARX; statsmodels' VAR(endog, exog)), None for a plain VAR.
    """

    coefs: np.ndarray
    trend_coefs: np.ndarray
    sigma_u: np.ndarray
    trend: str
    n_totobs: int
    exog_coefs: np.ndarray | None = None

    @property
    def n_exog(self) -> int:
        return 0 if self.exog_coefs is None else int(self.exog_coefs.shape[0])

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
            **({"exog_coefs": self.exog_coefs.tolist()} if self.exog_coefs is not None else {}),
        }

    @classmethod
    def from_dict(cls, raw: dict) -> VarParams:
        k = len(raw["sigma_u"])
        coefs = np.asarray(raw["coefs"], dtype=float).reshape(int(raw["k_ar"]), k, k)
        trend_coefs = np.asarray(raw["trend_coefs"], dtype=float).reshape(-1, k)
        exog = raw.get("exog_coefs")
        return cls(
            coefs,
            trend_coefs,
            np.asarray(raw["sigma_u"], dtype=float).reshape(k, k),
            raw["trend"],
            int(raw["n_totobs"]),
            np.asarray(exog, dtype=float).reshape(-1, k) if exog else None,
        )


@dataclass(frozen=True)
class LagSelection:
    """Information criteria for every lag 0..max_lags on a common sample, and the choices."""

    max_lags: int
    table: tuple[dict, ...]
    selected: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"max_lags": self.max_lags, "table": list(self.table), "selected": dict(self.selected)}

    def from_lag(self, min_lags: int) -> LagSelection:
        """The table from order `min_lags` on, with each criterion's choice there (the same common sample)."""
        table = tuple(row for row in self.table if row["lag"] >= min_lags)
        return LagSelection(self.max_lags, table, {ic: _argmin(table, ic) for ic in CRITERIA})


def select_lags(
    series: np.ndarray,
    max_lags: int,
    trend: str,
    min_lags: int = 1,
    names: list[str] | None = None,
    exog: np.ndarray | None = None,
) -> LagSelection:
    """statsmodels' select_order on the model-space series (a common sample of n - max_lags rows), as a
    plain table from `min_lags`; each criterion's choice is its minimum over that table. `exog`: the
    exogenous regressors, one row per row of `series`. The criteria come from one QR decomposition
    (varlib.lag_search), equal to select_order's; a degenerate design is left to select_order itself."""
    from statsmodels.tsa.vector_ar.var_model import VAR

    check_not_degenerate(series, names)
    ics = information_criteria(series, max_lags, trend, exog)
    if ics is None:
        try:
            with _quiet_fit():
                ics = dict(VAR(series, exog).select_order(max_lags, trend=trend).ics)
        except (np.linalg.LinAlgError, ValueError):  # statsmodels' words ("5-th leading minor ...") tell no one
            if (scaled := nearly_collinear(series)) is not None:  # collinear up to rounding: name the relation
                raise collinear_error(scaled, names or default_names(series.shape[1]), closely=True) from None
            raise InvalidInputError(
                "the lag order cannot be chosen on this data: a variable is (nearly) constant over the"
                " sample or the variables are collinear; drop one of them or give fewer max lags"
            ) from None
    first = max_lags + 1 - len(ics["aic"])  # with trend 'n' statsmodels starts at lag 1 (no VAR(0))
    table = tuple(
        {"lag": lag, **{ic: finite_or_none(ics[ic][lag - first]) for ic in CRITERIA}}
        for lag in range(first, max_lags + 1)
    )
    return LagSelection(max_lags, table).from_lag(min_lags)


def _argmin(table: tuple[dict, ...], ic: str) -> int:
    """The lag with the smallest finite value of a criterion (the first one on ties, as statsmodels)."""
    finite = [row for row in table if row[ic] is not None]
    return int(min(finite, key=lambda row: row[ic])["lag"]) if finite else int(table[0]["lag"])


def params_of(results, trend: str) -> VarParams:
    """The plain-array parameters of statsmodels VARResults (with exogenous regressors: VAR(endog, exog))."""
    k = int(results.neqs)
    # statsmodels' coefs_exog holds the trend terms first, then the user's exogenous regressors
    terms = np.zeros((0, k))
    if results.coefs_exog.size:
        terms = np.asarray(results.coefs_exog, dtype=float).T.reshape(-1, k)
    n_exog = int(getattr(results, "k_exog_user", 0) or 0)
    params = VarParams(
        np.asarray(results.coefs, dtype=float),
        terms[: terms.shape[0] - n_exog],
        np.asarray(results.sigma_u, dtype=float),
        trend,
        int(results.n_totobs),
        terms[terms.shape[0] - n_exog :] if n_exog else None,
    )
    if not (np.all(np.isfinite(params.coefs)) and np.all(np.isfinite(params.sigma_u))):
        raise InvalidInputError("the fit produced non-finite coefficients: the variables are collinear or constant")
    return params


def fit_results(
    series: np.ndarray,
    lags: int,
    trend: str,
    names: list[str] | None = None,
    space: str = "",
    exog: np.ndarray | None = None,
):
    """statsmodels VARResults for the model-space series (used by fitting and diagnostics); `exog` holds the
    exogenous regressors row by row (VAR(endog, exog)). The caller has checked the order fits the sample
    (varlib.lag_order.check_order)."""
    from statsmodels.tsa.vector_ar.var_model import VAR

    if series.shape[0] <= lags + 1:
        raise InvalidInputError(f"{series.shape[0]} rows cannot hold a VAR({lags}); use fewer lags or more rows")
    check_not_degenerate(series, names, f"in {space}" if space else "")
    try:
        with _quiet_fit():
            results = VAR(series, exog).fit(lags, trend=trend)
    except (np.linalg.LinAlgError, ValueError) as exc:  # ValueError: a lagged regressor is constant
        raise InvalidInputError(
            f"the VAR cannot be estimated ({exc}): the variables are collinear or constant; drop one of them"
        ) from None
    values, labels = series, names or default_names(series.shape[1])
    if exog is not None:  # a large exogenous column drowns the intercept as well: name it if it is the largest
        extra = np.asarray(exog, dtype=float).reshape(series.shape[0], -1)
        values = np.column_stack([series, extra])
        labels = [*labels, *(f"exogenous column {i + 1}" for i in range(extra.shape[1]))]
    check_magnitude(np.asarray(results.endog_lagged, dtype=float), values, labels)
    return results


class _quiet_fit(warnings.catch_warnings):
    """statsmodels warns about date indexes and near-singular fits; the product reports its own checks."""

    def __enter__(self):
        super().__enter__()
        warnings.simplefilter("ignore")
        return self
