"""VECM estimation (statsmodels' Johansen ML) and the fitted parameters as plain arrays, with their VAR form.

A VECM of K variables with cointegration rank r and p - 1 lagged differences,

    Δy_t = α (β' y_{t-1} + η' D^in_{t-1}) + Γ_1 Δy_{t-1} + … + Γ_{p-1} Δy_{t-p+1} + C D^out_t + u_t,

is the VAR(p) in levels y_t = ν_t + A_1 y_{t-1} + … + A_p y_{t-p} + u_t with A_1 = I + αβ' + Γ_1,
A_i = Γ_i - Γ_{i-1} (1 < i < p), A_p = -Γ_{p-1} (statsmodels' `var_rep`). Its deterministic part ν_t
collects the terms outside the relation (C D^out_t: a constant `co`, a trend `lo` at t) and those inside
it (αη' D^in_{t-1}: a constant `ci`, a trend `li` at t - 1). With t counted as statsmodels' `predict`
counts it (the h-th forecast of a sample of N rows has t = N + h), ν_t is a constant plus a slope times t:

    ν_t = (c_out + αη_c - αη_l) + (δ_out + αη_l) t,

which is what `VarParams` with trend `ct` (or `c`, or `n`) and n_totobs = N forecasts. So a VECM forecasts
through varlib.forecast exactly as statsmodels' `VECMResults.predict` does, in numpy.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .degrees_of_freedom import vecm_regressors
from .errors import InvalidInputError
from .integration import Johansen
from .model import VarParams, _quiet_fit
from .model_space import DETERMINISTIC

# The VAR in levels that a VECM is (for the lag-order rules and the criteria table): its deterministic terms.
# A trend without a constant has no statsmodels VAR trend of its own; "ct" is searched for it.
LEVELS_TREND = {terms: ("ct" if "l" in terms else "c" if "c" in terms else "n") for terms in DETERMINISTIC}
# statsmodels' coint_johansen knows -1 (none), 0 (a constant) and 1 (a linear trend): the nearest case is used.
DET_ORDER = {terms: (-1 if terms == "n" else 1 if "l" in terms else 0) for terms in LEVELS_TREND}
RANK_BY_TEST = "trace test at 5%"


def johansen_caveat(deterministic: str) -> str | None:
    """Why Johansen's table of a VECM with these deterministic terms only approximates the model's own test
    (the likelihood ratios of its ranks); None where it is that test (`n`, `co`)."""
    if "l" in deterministic:
        why = "removes a linear trend from the levels before testing, which is none of Johansen's trend cases"
    elif "ci" in deterministic:
        why = "tests a constant restricted to the relation as an unrestricted one"
    else:
        return None
    return (
        f"statsmodels' Johansen test {why}: its statistics and suggested rank approximate this model's own test;"
        " fix the rank when it matters"
    )


@dataclass(frozen=True)
class VecmParams:
    """Fitted VECM parameters as statsmodels' VECMResults holds them: alpha (K x r) loadings, beta (K x r)
    relations normalised to I_r in the first r rows, det_coef_coint (rows `ci`, `li`; r columns), gamma
    (K x K(p-1), [Γ_1 … Γ_{p-1}]), det_coef (K x terms `co`, `lo`), sigma_u (ML, divided by T)."""

    alpha: np.ndarray
    beta: np.ndarray
    det_coef_coint: np.ndarray
    gamma: np.ndarray
    det_coef: np.ndarray
    sigma_u: np.ndarray
    deterministic: str
    k_ar: int  # the VAR order in levels: k_ar - 1 lagged differences
    n_totobs: int  # rows of the fitted (model-space) series, presample included
    johansen: Johansen | None  # the trace and max-eigenvalue table of the fitted sample
    rank_method: str  # "fixed" or RANK_BY_TEST

    @property
    def k(self) -> int:
        return int(self.sigma_u.shape[0])

    @property
    def coint_rank(self) -> int:
        return int(self.alpha.shape[1])

    @property
    def lagged_differences(self) -> int:
        return self.k_ar - 1

    @property
    def regressors(self) -> int:
        """Regressors per equation, as statsmodels' VECMResults estimates them (the rows of its `_delta_x` and the
        columns of alpha): k(p - 1) lagged differences, the terms outside the relation (`co`, `lo`) and r
        error-correction terms; the terms inside it (`ci`, `li`) enter through the relations."""
        return vecm_regressors(self.k, self.k_ar, self.coint_rank, int(self.det_coef.shape[1]))

    @cached_property
    def var(self) -> VarParams:
        """The VAR representation in levels (module docstring), kept with the parameters."""
        return VarParams(
            var_coefficients(self.alpha, self.beta, self.gamma, self.k_ar),
            self._trend_coefs(),
            self.sigma_u,
            LEVELS_TREND[self.deterministic] if self._has_terms() else "n",
            self.n_totobs,
        )

    def _has_terms(self) -> bool:
        return self.deterministic != "n"

    def _trend_coefs(self) -> np.ndarray:
        terms, k = self.deterministic, self.k
        const, slope = np.zeros(k), np.zeros(k)
        outside = iter(self.det_coef.T)  # statsmodels' order: constant, then trend
        inside = iter(self.det_coef_coint)  # the same inside the relation
        if "co" in terms:
            const = const + next(outside)
        if "lo" in terms:
            slope = slope + next(outside)
        if "ci" in terms:
            const = const + self.alpha @ next(inside)
        if "li" in terms:
            within = self.alpha @ next(inside)  # at t - 1: a slope, and minus one slope in the constant
            const, slope = const - within, slope + within
        if not self._has_terms():
            return np.zeros((0, k))
        return np.vstack([const, slope]) if LEVELS_TREND[terms] == "ct" else const[None, :]

    def to_dict(self) -> dict:
        return {
            "k_ar": self.k_ar,
            "coint_rank": self.coint_rank,
            "deterministic": self.deterministic,
            "alpha": self.alpha.tolist(),
            "beta": self.beta.tolist(),
            "det_coef_coint": self.det_coef_coint.tolist(),
            "gamma": self.gamma.tolist(),
            "det_coef": self.det_coef.tolist(),
            "sigma_u": self.sigma_u.tolist(),
            "n_totobs": self.n_totobs,
            "johansen": self.johansen.to_dict() if self.johansen else None,
            "rank_method": self.rank_method,
        }

    @classmethod
    def from_dict(cls, raw: dict) -> VecmParams:
        k, rank, p = len(raw["sigma_u"]), int(raw["coint_rank"]), int(raw["k_ar"])
        terms = str(raw["deterministic"])
        if terms not in LEVELS_TREND or not 1 <= rank < k or p < 1:
            raise ValueError(f"deterministic {terms!r}, rank {rank} or order {p} is not a VECM of {k} variables")
        inside = ("ci" in terms) + ("li" in terms)
        outside = outside_terms(terms)
        return cls(
            np.asarray(raw["alpha"], dtype=float).reshape(k, rank),
            np.asarray(raw["beta"], dtype=float).reshape(k, rank),
            np.asarray(raw["det_coef_coint"], dtype=float).reshape(inside, rank),
            np.asarray(raw["gamma"], dtype=float).reshape(k, k * (p - 1)),
            np.asarray(raw["det_coef"], dtype=float).reshape(k, outside),
            np.asarray(raw["sigma_u"], dtype=float).reshape(k, k),
            terms,
            p,
            int(raw["n_totobs"]),
            Johansen.from_dict(raw["johansen"]) if raw.get("johansen") else None,
            str(raw["rank_method"]),
        )


def var_coefficients(alpha: np.ndarray, beta: np.ndarray, gamma: np.ndarray, k_ar: int) -> np.ndarray:
    """A_1..A_p of the VAR in levels, computed as statsmodels' `VECMResults.var_rep` computes them."""
    k = alpha.shape[0]
    coefs = np.zeros((k_ar, k, k))
    coefs[0] = alpha.dot(beta.T) + np.identity(k)
    if gamma.size > 0:
        coefs[0] += gamma[:, :k]
        coefs[k_ar - 1] = -gamma[:, k * (k_ar - 2) :]
        for i in range(1, k_ar - 1):
            coefs[i] = gamma[:, k * i : k * (i + 1)] - gamma[:, k * (i - 1) : k * i]
    return coefs


def outside_terms(deterministic: str) -> int:
    """How many deterministic terms lie outside the relations (`co`, `lo`): a coefficient per equation each."""
    return ("co" in deterministic) + ("lo" in deterministic)


def fit_vecm(series: np.ndarray, k_ar: int, rank: int, deterministic: str):
    """statsmodels' VECMResults (Johansen's ML) with k_ar - 1 lagged differences."""
    from statsmodels.tsa.vector_ar.vecm import VECM

    try:
        with _quiet_fit():
            return VECM(series, k_ar_diff=k_ar - 1, coint_rank=rank, deterministic=deterministic).fit()
    except (np.linalg.LinAlgError, ValueError) as exc:
        raise InvalidInputError(
            f"the VECM cannot be estimated ({exc}): the variables are collinear or constant, or the sample is"
            " too short for this lag order; drop a variable, use fewer lags or more rows"
        ) from None


def params_of(results, deterministic: str, johansen: Johansen | None, rank_method: str, rows: int) -> VecmParams:
    """The plain-array parameters of statsmodels VECMResults fitted on `rows` model-space rows."""
    params = VecmParams(
        np.real(np.asarray(results.alpha, dtype=complex)).astype(float),
        np.real(np.asarray(results.beta, dtype=complex)).astype(float),
        np.asarray(results.det_coef_coint, dtype=float).reshape(-1, results.coint_rank),
        np.asarray(results.gamma, dtype=float).reshape(results.neqs, -1),
        np.asarray(results.det_coef, dtype=float).reshape(results.neqs, -1),
        np.asarray(results.sigma_u, dtype=float),
        deterministic,
        int(results.k_ar),
        rows,
        johansen,
        rank_method,
    )
    arrays = (params.alpha, params.beta, params.gamma, params.det_coef, params.det_coef_coint, params.sigma_u)
    if not all(np.all(np.isfinite(a)) for a in arrays):
        raise InvalidInputError(
            "the VECM fit produced non-finite coefficients: the variables are collinear or constant"
        )
    return params
