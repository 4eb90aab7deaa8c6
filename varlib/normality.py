"""The joint normality test of a model's residuals: Doornik and Hansen's omnibus test.

Lütkepohl's joint Jarque-Bera test (statsmodels' `test_normality`, JMulTi's second test) standardises the
residuals by a Cholesky factor of their covariance, so its verdict changes with the order of the variables: on
80 quarters of three growth rates it gives p = 0.84 in one order and 0.003 in another. JMulTi's first test
uses the symmetric square root of the covariance instead, which does not depend on the order but does depend
on the units (the same residuals with one variable in thousands give another value). Doornik and Hansen
(2008, Oxford Bulletin of Economics and Statistics 70, 927-939) standardise through the correlation matrix, so
neither the order nor the units matter, and transform each standardised series' skewness and kurtosis towards
standard normals that hold in small samples; their squares sum to a chi-squared with 2k degrees of freedom.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MIN_ROWS = 8  # the kurtosis transform's terms change sign below 8 observations


@dataclass(frozen=True)
class JointNormality:
    """Doornik and Hansen's statistic, its p-value and degrees of freedom (NaN when it cannot be computed)."""

    statistic: float
    pvalue: float
    df: int


def doornik_hansen(resid: np.ndarray) -> JointNormality:
    """The omnibus test of `resid` (observations x variables). Raises LinAlgError (a ValueError) when the
    residuals have no full-rank correlation matrix (a variable that never moves, or variables that move together
    exactly)."""
    values = np.asarray(resid, dtype=float)
    n, k = values.shape
    if n < MIN_ROWS:
        return JointNormality(float("nan"), float("nan"), 2 * k)
    centred = values - values.mean(axis=0)
    spread = np.sqrt((centred**2).mean(axis=0))
    if not np.all(spread > 0) or not np.all(np.isfinite(spread)):
        raise np.linalg.LinAlgError("a residual series does not vary")
    scaled = centred / spread
    eigenvalues, vectors = np.linalg.eigh(scaled.T @ scaled / n)  # the correlation matrix
    if eigenvalues.min() <= 1e-12 * eigenvalues.max():
        raise np.linalg.LinAlgError("the residuals' correlation matrix is singular")
    standardised = scaled @ (vectors * eigenvalues**-0.5) @ vectors.T  # its symmetric inverse square root
    second = (standardised**2).mean(axis=0)
    skewness = (standardised**3).mean(axis=0) / second**1.5
    kurtosis = (standardised**4).mean(axis=0) / second**2
    z_skew, z_kurt = _skewness_z(skewness, n), _kurtosis_z(skewness, kurtosis, n)
    statistic = float(z_skew @ z_skew + z_kurt @ z_kurt)
    from scipy import stats  # imported on use, as everywhere here: scipy.stats costs half a second to import

    return JointNormality(statistic, float(stats.chi2.sf(statistic, 2 * k)), 2 * k)


def _skewness_z(skewness: np.ndarray, n: int) -> np.ndarray:
    """D'Agostino's (1970) transform of the sample skewness to a standard normal (scipy's `skewtest`)."""
    beta = 3.0 * (n * n + 27 * n - 70) * (n + 1) * (n + 3) / ((n - 2) * (n + 5) * (n + 7) * (n + 9))
    omega2 = -1.0 + np.sqrt(2.0 * (beta - 1.0))
    delta = 1.0 / np.sqrt(np.log(np.sqrt(omega2)))
    y = skewness * np.sqrt((omega2 - 1.0) * (n + 1) * (n + 3) / (12.0 * (n - 2)))
    return delta * np.log(y + np.sqrt(y * y + 1.0))


def _kurtosis_z(skewness: np.ndarray, kurtosis: np.ndarray, n: int) -> np.ndarray:
    """Doornik and Hansen's transform of the sample kurtosis (a gamma approximation, then Wilson-Hilferty's
    cube root), which allows for the skewness found with it."""
    delta = (n - 3.0) * (n + 1) * (n * n + 15 * n - 4)
    a = (n - 2.0) * (n + 5) * (n + 7) * (n * n + 27 * n - 70) / (6.0 * delta)
    c = (n - 7.0) * (n + 5) * (n + 7) * (n * n + 2 * n - 5) / (6.0 * delta)
    k = (n + 5.0) * (n + 7) * (n**3 + 37 * n * n + 11 * n - 313) / (12.0 * delta)
    squared = skewness * skewness
    alpha = a + squared * c
    chi = (kurtosis - 1.0 - squared) * 2.0 * k
    return (np.cbrt(chi / (2.0 * alpha)) - 1.0 + 1.0 / (9.0 * alpha)) * np.sqrt(9.0 * alpha)
