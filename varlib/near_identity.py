"""A variable that is, up to rounding, a combination of the others: said at training time, not refused.

An exact linear relation between the variables is refused before the fit (varlib.fit_checks), as is one exact
but for the computer's rounding of the transform (g2 = 2 * gdp in log differences). One that holds only up to
the rounding of the stored values passes: a total stored to two decimals beside its parts, or a real rate stored
beside the nominal rate and inflation it was computed from (the bundled data's realint, tbilrate and infl).
The VAR then fits, but that variable's shocks are nearly a combination of the others', so its residual
covariance is close to singular: orthogonalised impulse responses, variance decompositions and Granger tests
that involve those variables rest on the rounding noise. Read in period-to-period changes, so that trending
levels (which all move together over decades) are not taken for such a relation.
"""

from __future__ import annotations

import numpy as np

from .wording import and_list

EXPLAINED = 0.99  # share of a variable's changes that the others' changes explain, from which it is said
WEIGHT = 0.05  # a variable takes part in the relation when its weight is at least this share of the largest


def near_identity_warning(series: np.ndarray, names: list[str]) -> str | None:
    """The warning for the variable of the model's `series` whose changes the others' changes explain best, when
    they explain at least EXPLAINED of them (None otherwise, and for fewer than two variables or too few rows)."""
    found = near_identity(series, names)
    if found is None:
        return None
    variable, relation = found
    return (
        f"{relation}. The model fits, but the shocks of {variable} are nearly a combination of"
        " theirs, so impulse responses, variance decompositions and Granger tests involving them are unreliable;"
        " drop the one computed from the others."
    )


def near_identity(series: np.ndarray, names: list[str]) -> tuple[str, str] | None:
    """The variable and the relation near_identity_warning says (`total moves almost exactly with gdp and cons:
    ...`), or None."""
    changes = np.diff(np.asarray(series, dtype=float), axis=0)
    rows, count = changes.shape
    if count < 2 or rows <= count + 2:
        return None
    changes = changes - changes.mean(axis=0)
    spread = changes.std(axis=0)
    if not np.all(spread > 0):
        return None  # a variable with constant changes is a counter, refused by name elsewhere
    scaled = changes / spread
    fits = []
    for j in range(count):
        others = np.delete(scaled, j, axis=1)
        weights, *_ = np.linalg.lstsq(others, scaled[:, j], rcond=None)
        unexplained = float(np.mean((scaled[:, j] - others @ weights) ** 2))  # 1 - R² (scaled: unit variance)
        fits.append((unexplained, j, weights))
    unexplained, j, weights = min(fits, key=lambda fit: fit[0])
    if unexplained > 1 - EXPLAINED:
        return None
    others_names = [name for k, name in enumerate(names) if k != j]
    largest = np.abs(weights).max()
    partners = [name for name, weight in zip(others_names, weights, strict=True) if abs(weight) >= WEIGHT * largest]
    share = f"{100 * (1 - unexplained):.3f}".rstrip("0").rstrip(".")
    return names[j], (
        f"{names[j]} moves almost exactly with {and_list(partners)}: their period-to-period changes explain {share}%"
        " of its own (as for a total beside its parts, or a rate defined from other variables, stored rounded)"
    )
