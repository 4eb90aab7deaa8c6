"""Is a fitted VECM adequate? Stability of its VAR representation (K - r unit roots expected), whiteness, normality.

A VECM of K variables with cointegration rank r is a VAR in levels whose companion matrix has exactly K - r
eigenvalues equal to 1 (its common stochastic trends: the levels wander) and, for a well-specified model,
every other eigenvalue inside the unit circle (deviations from the r long-run relations die out). The
verdict says so in words; any further root on or outside the circle is flagged. Whiteness is the LM test's
F form on the VECM's auxiliary regression (varlib.vecm_lm: the adjusted portmanteau test rejected up to
39% of correctly specified VECMs on 60 rows); normality is statsmodels' joint Jarque-Bera test.
"""

from __future__ import annotations

import numpy as np

from .adequacy import (
    NEAR_UNIT,
    Adequacy,
    Check,
    lm_whiteness_check,
    modulus,
    normality_check,
)
from .near_unit import near_unit_reading
from .normality import doornik_hansen
from .vecm_lm import vecm_lm_test
from .wording import counted, plural_of

UNIT_TOLERANCE = 1e-6  # how close to 1 an eigenvalue counts as a unit root (Π = αβ' has rank r exactly)


def companion_eigenvalues(coefs: np.ndarray) -> np.ndarray:
    """Eigenvalues of the companion matrix of A_1..A_p, largest modulus first."""
    p, k, _ = coefs.shape
    companion = np.zeros((k * p, k * p))
    companion[:k] = np.concatenate(list(coefs), axis=1)
    companion[k:, :-k] = np.eye(k * (p - 1))
    eigenvalues = np.linalg.eigvals(companion)
    return eigenvalues[np.argsort(-np.abs(eigenvalues), kind="stable")]


def unit_root_count(eigenvalues: np.ndarray) -> int:
    return int(np.sum(np.abs(eigenvalues - 1) < UNIT_TOLERANCE))


def stability(coefs: np.ndarray, rank: int, criterion: str | None = None) -> tuple[bool, np.ndarray, int, str]:
    """(as expected, eigenvalues largest first, unit roots found, verdict) of a VECM's VAR representation
    (`criterion`: the one that chose its lag order, None for a fixed order)."""
    k = coefs.shape[1]
    eigenvalues = companion_eigenvalues(coefs)
    expected = k - rank
    units = unit_root_count(eigenvalues)
    others = eigenvalues[np.abs(eigenvalues - 1) >= UNIT_TOLERANCE]
    largest_root = complex(others[0]) if others.size else 0j  # `eigenvalues` (so `others`): largest modulus first
    largest = abs(largest_root)
    outside = int(np.sum(np.abs(others) >= 1 - UNIT_TOLERANCE))
    ok = units == expected and outside == 0
    roots = plural_of(expected, "root")
    if ok:
        verdict = (
            f"As expected for a VECM of {k} variables with cointegration rank {rank}:"
            f" {counted(expected, 'eigenvalue')} of its VAR representation {'is' if expected == 1 else 'are'} exactly"
            f" 1 (the {counted(expected, 'common stochastic trend')} that {'makes' if expected == 1 else 'make'} the"
            f" levels wander), and every other one is inside the unit circle (largest modulus {modulus(largest)}), so"
            f" deviations from the long-run {plural_of(rank, 'relation')} die out."
        )
        reading = near_unit_reading(largest_root, dummies=False, criterion=criterion) if largest > NEAR_UNIT else None
        if reading:
            verdict += f" {reading}."
        elif largest > NEAR_UNIT:
            verdict += " The largest is close to 1: the error correction is slow."
        return True, eigenvalues, units, verdict
    verdict = (
        f"Not as expected: a VECM of {k} variables with cointegration rank {rank} should have exactly {expected}"
        f" unit {roots} and every other eigenvalue inside the unit circle; this fit has {counted(units, 'unit root')}"
        f" and {counted(outside, 'other eigenvalue')} on or outside the circle (largest other modulus"
        f" {modulus(largest)}), so deviations from the long-run {plural_of(rank, 'relation')} do not die out. Try"
        " another cointegration rank, lag order or"
        " deterministic terms."
    )
    return False, eigenvalues, units, verdict


def assess(
    results,
    coefs: np.ndarray,
    rank: int,
    transform: str | None = None,
    criterion: str | None = None,
    names=(),
    levels=None,
) -> Adequacy:
    """The three checks of statsmodels VECMResults, with the stability of its VAR representation `coefs`
    (`transform`, `names` and `levels`: the model's, its variables' and its data before the transform, so that a
    model already in logs, or of values <= 0, is not advised a log transform; `criterion`: the one that chose its
    lag order, None for a fixed order)."""
    ok, _, _, verdict = stability(coefs, rank, criterion)
    return Adequacy(
        (
            Check("stability", ok, verdict),
            lm_whiteness_check(vecm_lm_test(results)),
            normality_check(doornik_hansen(results.resid), transform, names, levels),
        )
    )
