"""What a least-squares VAR fit cannot use, refused by name before it runs: a constant, counting or calendar
variable, variables that move together exactly (or but for the transform's rounding), and values too large or
too small beside the intercept. Shared by the fit (varlib.model), training, and the tests that read the data
first (varlib.integration)."""

from __future__ import annotations

import numpy as np

from .data.columns import is_straight_line, repeat_period
from .errors import InvalidInputError
from .model_space import DIFFERENCED, LOGGED
from .wording import and_list

LSTSQ_RCOND = 1e-15  # statsmodels' VAR fit (var_model._estimate_var) cuts singular values below this share
MAX_VALUE = 1e100  # beyond it, products of values in the fit's moment matrices overflow (float64 ends at 1.8e308)
MIN_VALUE = 1e-100  # a variable whose values all stay below it: their products underflow to zero
EPS = float(np.finfo(float).eps)
# Weyl's bound is for the worst case; the factor covers a log that rounds within an ulp, not half of one, and
# stays far below what a relation off by real noise moves (docs/CORRECTNESS.md)
ROUNDING_MARGIN = 10.0
NEARLY_SINGULAR = 1e-8  # the data's condition number squared (in the normal equations) then passes 1/EPS


def check_magnitude(design: np.ndarray, series: np.ndarray, names: list[str]) -> None:
    """Refuse values whose size makes statsmodels' least squares drop a term without a word.

    Its VAR fit solves with `np.linalg.lstsq(..., rcond=1e-15)`, which discards any direction of the design
    smaller than 1e-15 of the largest. Next to lagged values of about 1e15 (an economy's output in a small
    currency unit, say), the column of ones is such a direction: the fit returns an intercept of 0 and other
    coefficients. Next to the ones, values of about 1e-300 are lost the same way. A design that falls short
    only because of its columns' sizes (full rank once each column is scaled to 1) is that case; a design
    that is collinear as well is left to the other checks.
    """
    singular = np.linalg.svd(design, compute_uv=False)
    if singular.size == 0 or singular[-1] > LSTSQ_RCOND * singular[0]:
        return
    sizes = np.abs(design).max(axis=0)
    balanced = np.linalg.svd(design / np.where(sizes > 0, sizes, 1.0), compute_uv=False)
    if balanced[-1] <= LSTSQ_RCOND * balanced[0]:
        return
    if (scaled := nearly_collinear(series)) is not None:  # full rank once scaled only by rounding: a relation
        raise collinear_error(scaled, names, closely=True)
    largest = np.abs(series).max(axis=0)
    big, small = int(np.argmax(largest)), int(np.argmin(largest))
    if largest[big] >= 1.0 > largest[small] > 0:  # sizes on both sides of the intercept: the pair is the trouble
        raise InvalidInputError(
            f"the values are too far apart in size to fit a VAR on: {names[big]} reaches {largest[big]:.3g} while"
            f" {names[small]} reaches only {largest[small]:.3g}, and next to each other the least-squares fit cannot"
            f" tell the smaller one's coefficients from zero, so it would drop them without a word. Rescale one of"
            f" them (divide {names[big]} or multiply {names[small]} by a power of ten: state it in other units) and"
            " train again",
            field=names[small],
            value=float(largest[small]),
        )
    if largest[big] >= 1.0:
        why = "next to values of that size the least-squares fit cannot tell the intercept (and a trend) from zero"
    else:
        why = "next to the intercept the least-squares fit cannot tell values of that size from zero"
    raise _out_of_scale(series, names, why + ", so it would drop them without a word")


def _out_of_scale(series: np.ndarray, names: list[str], why: str, j: int | None = None) -> InvalidInputError:
    """The refusal of data too large (or too small) for the fit, naming variable `j` (default: the one of the
    largest value)."""
    largest = np.abs(series).max(axis=0)
    j = int(np.argmax(largest)) if j is None else j
    name = names[j]
    if largest[j] >= 1.0:  # variables of about that size (within 1,000 times) are named too: all need rescaling
        alike = [
            f"{names[i]} {largest[i]:.3g}" for i in np.argsort(-largest) if i != j and largest[i] * 1e3 >= largest[j]
        ]
        also = f" ({', '.join(alike)})" if alike else ""
        them = "them" if alike else "it"
        size, fix = (
            f"too large to fit a VAR on: {name} reaches {largest[j]:.3g}{also}",
            f"divide {them} by a power of ten",
        )
    else:
        size, fix = f"too small to fit a VAR on: {name} reaches only {largest[j]:.3g}", "multiply it by a power of ten"
    return InvalidInputError(
        f"the values are {size}, and {why}. Rescale the data ({fix}: state it in other units) and train again",
        field=name,
        value=float(largest[j]),
    )


def check_not_degenerate(
    series: np.ndarray, names: list[str] | None = None, space: str = "", counters: bool = True, collinear: bool = True
) -> None:
    """Refuse a constant variable (named), with `counters` one that rises by the same step every row (a saved
    row index, a time trend: its equation fits exactly, so its residuals, tests and bands are degenerate), or
    collinear variables: OLS cannot separate them."""
    names = names or default_names(series.shape[1])
    where = f" {space}" if space else ""
    sizes = np.abs(series).max(axis=0) if series.size else np.zeros(series.shape[1])
    if (sizes > MAX_VALUE).any():
        raise _out_of_scale(series, names, "sums of squares of such values overflow the computations")
    for j in np.flatnonzero((sizes > 0) & (sizes < MIN_VALUE)):  # a column of zeros is refused as constant below
        raise _out_of_scale(series, names, "squares of such values underflow to zero", int(j))
    for j in np.flatnonzero(np.ptp(series, axis=0) == 0):
        raise InvalidInputError(
            f"{names[j]} is constant{where}: every row is {series[0, j]:g}, so a VAR cannot use it; drop it",
            field=names[j],
            value=float(series[0, j]),
        )
    for column in range(series.shape[1]) if counters else ():
        if is_straight_line(series[:, column]):
            first, second, third = series[:3, column]
            raise InvalidInputError(
                f"{names[column]} rises by the same step every row{where} ({first:g}, {second:g}, {third:g}, ... by"
                f" {second - first:g}): a counter or a time trend, whose equation a VAR fits exactly; drop it (a time"
                " trend is the trend `ct`)",
                field=names[column],
                value=names[column],
            )
        if period := repeat_period(series[:, column]):
            shown = ", ".join(f"{value:g}" for value in series[: period + 1, column])
            raise InvalidInputError(
                f"{names[column]} repeats itself every {period} rows{where} ({shown}, ...), as a quarter number, a"
                " month number or a year does: the calendar, not data, whose equation a VAR fits exactly; drop it",
                field=names[column],
                value=names[column],
            )
    if collinear:
        check_collinear(series, names, space)


def check_collinear(
    series: np.ndarray, names: list[str] | None = None, space: str = "", rounding: np.ndarray | None = None
) -> None:
    """Refuse variables of which one is a linear combination of the others: exactly, or with `rounding` (each
    column's largest rounding error, model_space_rounding) to within what rounding moves the data. A constant
    column is left to check_not_degenerate, which names it as such."""
    names = names or default_names(series.shape[1])
    singular, scaled = _scaled_singular(series)
    if scaled is None:
        return
    tolerance = singular[0] * max(scaled.shape) * EPS  # numpy's matrix_rank: an exact relation, in float64
    if rounding is not None:  # rounding moves a scaled entry (mean taken off) by up to 2 r / spread: Weyl's bound
        spread = np.abs(series - series.mean(axis=0)).max(axis=0)
        moved = np.sqrt(series.shape[0] * np.sum((2 * np.asarray(rounding) / spread) ** 2))
        tolerance = max(tolerance, ROUNDING_MARGIN * moved)
    if np.count_nonzero(singular > tolerance) < series.shape[1]:
        raise collinear_error(scaled, names, space)


def collinear_error(scaled: np.ndarray, names: list[str], space: str = "", closely: bool = False) -> InvalidInputError:
    """The refusal of collinear variables, naming those of the relation (`scaled`: the data from
    _scaled_singular); `closely`: not exactly, but too closely for a fit (nearly_collinear)."""
    where = f" {space}" if space else ""
    involved = _dependent(scaled, names)
    how = "almost exactly, too closely for a least-squares fit" if closely else "exactly"
    return InvalidInputError(
        f"the variables {', '.join(names)} are collinear{where}: {and_list(involved)} move together {how}"
        " (one is a combination of the others); drop one of those",
        field="variables",
        value=involved,
    )


def nearly_collinear(series: np.ndarray) -> np.ndarray | None:
    """The scaled data (for collinear_error) when the variables are so close to collinear that a least-squares
    fit on them and their lags cannot be solved (its normal equations lose all precision), else None."""
    singular, scaled = _scaled_singular(series)
    if scaled is None or (singular.size == series.shape[1] and singular[-1] > NEARLY_SINGULAR * singular[0]):
        return None
    return scaled


def _scaled_singular(series: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """The singular values of the centred data with each column scaled to its largest deviation, and that data
    (None with a constant column). Scaled because a rank's tolerance is relative to the largest column: next to
    an output in dollars (1e13) a rate written as a decimal (0.05) looked like a combination of the others (a
    column's length would not do: the squares of values of 1e-300 are 0)."""
    centred = series - series.mean(axis=0)
    spread = np.abs(centred).max(axis=0)
    if series.size == 0 or not np.all(spread > 0):
        return np.zeros(0), None
    scaled = centred / spread
    return np.linalg.svd(scaled, compute_uv=False), scaled


def model_space_rounding(levels: np.ndarray, transform: str) -> np.ndarray:
    """Each column's largest rounding error in the model-space series of `levels` under `transform`: a value read
    from text is off by up to EPS/2 of itself, which a log turns into EPS/2 absolute, and the log rounds its
    result by as much relative to it; a difference adds its two operands' errors."""
    values = np.abs(levels).max(axis=0)
    one = EPS * (1.0 + np.abs(np.log(levels)).max(axis=0)) if transform in LOGGED else EPS * values
    return 2 * one if transform in DIFFERENCED else one


def default_names(count: int) -> list[str]:
    """How a refusal names the columns of data given without names."""
    return [f"variable {j + 1}" for j in range(count)]


def _dependent(centred: np.ndarray, names: list[str]) -> list[str]:
    """The variables in an exact linear relation: the non-zero weights of the (centred) data's null direction."""
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    weights = np.abs(vt[-1])
    return [name for name, weight in zip(names, weights, strict=True) if weight > 1e-8 * weights.max()]
