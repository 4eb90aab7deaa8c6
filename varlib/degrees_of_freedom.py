"""Residual degrees of freedom of a VAR: the arithmetic every rule about sample sizes shares (the lag search, the
training checks, a file's preview), apart from any model code so that the data layer can use it too. A VECM of VAR
order p is counted by the same rules with its own coefficients per equation (vecm_terms)."""

from __future__ import annotations

MIN_RESIDUAL_DF = 10


def deterministic_terms(trend: str, exog: int = 0, terms: int | None = None) -> int:
    """Coefficients per equation besides the k*p of the lags: the trend terms and `exog` exogenous regressors, or
    `terms` when the caller counts them itself (a VECM's, vecm_terms)."""
    return len(trend.replace("n", "")) + exog if terms is None else terms


def vecm_terms(k: int, rank: int, outside: int) -> int:
    """A VECM's coefficients per equation besides k*p: it estimates k(p - 1) lagged differences, `rank` loadings
    and the `outside` deterministic terms outside the relations (statsmodels' VECMResults; the terms inside them
    enter through the relations), so rank + outside - k, negative when fewer than k."""
    return rank + outside - k


def vecm_regressors(k: int, p: int, rank: int, outside: int) -> int:
    """A VECM's coefficients per equation at VAR order p: k(p - 1) + rank + outside (vecm_terms)."""
    return k * p + vecm_terms(k, rank, outside)


def residual_df(n: int, k: int, p: int, trend: str, exog: int = 0, terms: int | None = None) -> int:
    """Residual degrees of freedom per equation of a VAR(p) on n model-space rows (`terms`: deterministic_terms)."""
    return (n - p) - (k * p + deterministic_terms(trend, exog, terms))


def rows_needed(k: int, p: int, trend: str, exog: int = 0, terms: int | None = None) -> int:
    """The fewest model-space rows on which a VAR(p) keeps MIN_RESIDUAL_DF residual degrees of freedom."""
    return MIN_RESIDUAL_DF - residual_df(0, k, p, trend, exog, terms)


def largest_fitting_order(
    n: int, k: int, trend: str, min_df: int = MIN_RESIDUAL_DF, exog: int = 0, terms: int | None = None
) -> int:
    """The largest p that keeps at least `min_df` residual degrees of freedom (0 when none does)."""
    d = deterministic_terms(trend, exog, terms)
    return max(0, (n - d - min_df) // (k + 1))
