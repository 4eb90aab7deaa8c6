"""Residual degrees of freedom of a VAR: the arithmetic every rule about sample sizes shares (the lag search, the
training checks, a file's preview), apart from any model code so that the data layer can use it too."""

from __future__ import annotations

MIN_RESIDUAL_DF = 10


def deterministic_terms(trend: str, exog: int = 0) -> int:
    """Coefficients per equation besides the lags: the trend terms and `exog` exogenous regressors."""
    return len(trend.replace("n", "")) + exog


def residual_df(n: int, k: int, p: int, trend: str, exog: int = 0) -> int:
    """Residual degrees of freedom per equation of a VAR(p) on n model-space rows."""
    return (n - p) - (k * p + deterministic_terms(trend, exog))


def rows_needed(k: int, p: int, trend: str, exog: int = 0) -> int:
    """The fewest model-space rows on which a VAR(p) keeps MIN_RESIDUAL_DF residual degrees of freedom."""
    return MIN_RESIDUAL_DF - residual_df(0, k, p, trend, exog)


def largest_fitting_order(n: int, k: int, trend: str, min_df: int = MIN_RESIDUAL_DF, exog: int = 0) -> int:
    """The largest p that keeps at least `min_df` residual degrees of freedom (0 when none does)."""
    d = deterministic_terms(trend, exog)
    return max(0, (n - d - min_df) // (k + 1))
