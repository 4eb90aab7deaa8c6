"""Refusal of a VARX whose exogenous columns the fit cannot tell from its variables or its trend terms."""

from __future__ import annotations

import numpy as np

from .errors import InvalidInputError
from .model_space import trend_columns
from .wording import and_list

# The smallest singular value, as a share of the largest, of the model-space columns once the trend terms are
# taken out and each is scaled to length 1, below which they count as moving together exactly. Float noise
# and identities printed to 6 or more significant digits of their variation come out under 1e-9; the tightest
# genuine relation among any 4-6 macrodata columns (30-200 rows, levels, differences or log differences, any
# trend) came out at 1e-3. The margin either side keeps honest data accepted.
SEPARABLE_RTOL = 1e-6
# What is left of an exogenous column once the trend terms are taken out, as a share of its variation about its
# mean, below which it is one of those terms (a time trend beside trend `ct`). Measured against the variation,
# not the values: 100,000 plus noise of 0.01 varies, whatever its size.
IN_TREND_RTOL = 1e-6
# A column whose weight in the null direction is under this share of the largest takes no part in the relation:
# in a near-exact one, columns outside it still get weights of about the noise's size.
INVOLVED_SHARE = 1e-3
# The trend terms as these refusals name them inside a sentence ("up to a constant and a time trend"): with
# articles, and "time trend" as the refusal of a column that rises by a step calls it, where wording.TREND_WORDS
# labels a choice in a list ("constant + linear trend"); one dict for the three sentences that name them.
TERMS_SAID = {"n": "", "c": "a constant", "ct": "a constant and a time trend"}


def check_exog_separable(
    series: np.ndarray,
    exog: np.ndarray | None,
    trend: str,
    names: list[str] | None = None,
    exog_names: list[str] | None = None,
    where: str = "",
) -> None:
    """Refuse exogenous columns (`exog`, one row per row of the model-space `series`, as given) that are a
    combination of the variables of the same period, of the trend terms, or of both.

    A VARX regresses each variable on its lags, the trend terms and the exogenous columns of the same period.
    An exogenous column equal to a combination of the variables (gap = gdp - cons in levels) fits that
    combination exactly: the residual covariance is singular, so the tests, intervals and holdout scores are
    degenerate. One equal to the trend terms (a time trend next to trend `ct`) is a regressor the fit cannot
    tell from them, and the forecast rests on a split between the two that the data never identified. The check
    is in model space, where the fit is: in first differences gap in levels is no such combination."""
    if exog is None or series.shape[0] < 3:
        return
    rows, k = series.shape
    extra = np.asarray(exog, dtype=float).reshape(rows, -1)
    labels = [*(names or [f"variable {j + 1}" for j in range(k)])]
    labels += exog_names or [f"column {j + 1}" for j in range(extra.shape[1])]  # read as "the exogenous column 1"
    columns = np.column_stack([series, extra])
    left, kept, varies = _beyond_terms(columns, trend)
    for j in range(k, columns.shape[1]):  # a constant column is refused before (training.exog_values)
        if varies[j] > 0 and kept[j] <= IN_TREND_RTOL * varies[j]:
            raise _in_trend(labels[j], extra[:, j - k], where)
    usable = (varies > 0) & (kept > IN_TREND_RTOL * varies)
    involved = _relation(left, kept, usable) if usable[k:].any() else []
    if not involved:
        return
    # a relation among the variables alone (up to the trend terms) is theirs, and said so; a plain VAR's fit
    # meets it as residuals that cannot be tested (varlib.adequacy)
    raise _together([labels[i] for i in involved if i < k], [labels[i] for i in involved if i >= k], trend, where)


def _beyond_terms(columns: np.ndarray, trend: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each column with the trend terms taken out, its length then, and its variation about its mean."""
    terms = trend_columns(trend, columns.shape[0])  # any start of t spans the same
    left = columns - terms @ np.linalg.lstsq(terms, columns, rcond=None)[0] if terms.shape[1] else columns
    return left, np.linalg.norm(left, axis=0), np.linalg.norm(columns - columns.mean(axis=0), axis=0)


def _in_trend(name: str, values: np.ndarray, where: str) -> InvalidInputError:
    """A column that varies but is the trend terms (only trend `ct` has a varying one: the time trend)."""
    shown = ", ".join(f"{value:g}" for value in values[:3])
    return InvalidInputError(
        f"the exogenous {name} rises by the same step every row{where} ({shown}, ...): it is a time trend, as"
        " trend `ct` already has, so the fit cannot tell the two apart and a forecast would rest on a split"
        f" between them that the data never identified; drop {name}, or keep it and use trend `c`",
        field="exog",
        value=name,
    )


def _together(variables: list[str], exogenous: list[str], trend: str, where: str) -> InvalidInputError:
    columns = ([f"the exogenous {and_list(exogenous)}"] if exogenous else []) + (
        [f"the variables {and_list(variables)}"] if variables else []
    )
    plus = f", up to {TERMS_SAID[trend]}" if TERMS_SAID[trend] else ""
    plus += " (the terms of trend `ct`)" if trend == "ct" else ""
    if variables and exogenous:
        why = (
            "A VARX takes its exogenous columns as given, in the same period as its variables, so it would fit that"
            " combination of the variables exactly, and its residuals, tests and intervals would be degenerate"
        )
        fix = f"drop {and_list(exogenous, 'or')}"
    else:
        why = "The fit cannot separate their effects"
        fix = "drop one of them" + (", or use trend `c`" if trend == "ct" and not variables else "")
    return InvalidInputError(
        f"{' and '.join(columns)} move together exactly{where}: one is a combination of the others{plus}. {why}; {fix}",
        field="exog" if exogenous else "variables",
        value=[*exogenous, *variables],
    )


def check_exog_not_lagged(
    series: np.ndarray,
    exog: np.ndarray | None,
    lags: int,
    trend: str,
    names: list[str],
    exog_names: list[str],
    where: str,
) -> None:
    """Refuse exogenous columns that a VAR(`lags`) cannot tell from its other regressors on the rows it fits (all
    but the first `lags`): a copy or combination of the variables' own lags (`gdp_lag1`, realgdp shifted down a
    row, beside realgdp), or a column that does not vary beyond the trend terms there (a pulse in row 1, a step
    from row 2). The split of their effects would be arbitrary, and a forecast would rest on it."""
    rows = series.shape[0] - lags
    if exog is None or lags < 1 or rows < 3:
        return
    lagged = np.column_stack([series[lags - j : lags - j + rows] for j in range(1, lags + 1)])
    extra = np.asarray(exog, dtype=float).reshape(series.shape[0], -1)[lags:]
    columns = np.column_stack([lagged, extra])
    left, kept, varies = _beyond_terms(columns, trend)
    width = lagged.shape[1]
    idle = idle_exog(extra, trend)
    for j, name in enumerate(exog_names):
        if idle[j]:
            raise _idle_on_fitted_rows(name, extra[:, j], lags, trend, where)
    usable = kept > IN_TREND_RTOL * varies
    k = len(names)
    lag_names = [f"{names[i % k]} {i // k + 1} period{'s' * (i >= k)} earlier" for i in range(width)]
    # each column on its own first: two copies of two lags are both to drop, not one or the other
    copies = {}
    for j, name in enumerate(exog_names):
        alone = usable & (np.arange(columns.shape[1]) < width)
        alone[width + j] = True
        involved = _relation(left, kept, alone)
        if involved:
            copies[name] = [lag_names[i] for i in involved if i < width]
    if copies:
        raise _lag_copies(copies, lags, trend, where, together=False)
    involved = _relation(left, kept, usable)
    exogenous = [exog_names[i - width] for i in involved if i >= width]
    shifted = [lag_names[i] for i in involved if i < width]
    if exogenous and shifted:  # else among the lags or the exogenous columns alone: check_exog_separable's
        raise _lag_copies({and_list(exogenous): shifted}, lags, trend, where, together=True)


def idle_exog(rows: np.ndarray, trend: str) -> np.ndarray:
    """Per exogenous column of `rows` (the rows a fit uses): True where it does not vary there beyond the trend
    terms (0 throughout, one value beside a constant, a time trend beside trend `ct`), so the fit cannot estimate
    its effect."""
    _, kept, varies = _beyond_terms(rows, trend)
    size = np.linalg.norm(rows, axis=0)
    constant = varies <= 1e-12 * size  # up to float noise; a column of zeros too (0 <= 0)
    return (kept <= IN_TREND_RTOL * varies) | (constant & ((trend != "n") | (size == 0)))


def idle_words(values: np.ndarray, trend: str) -> str:
    """How a column idle_exog found idle looks on those rows, to go before "the fit uses": `is 1 on every row`."""
    if np.allclose(values, values[0], rtol=1e-12, atol=0):
        return f"is {values[0]:g} on every row"
    return f"moves only as the trend terms ({TERMS_SAID[trend]}) on the rows"


def _relation(left: np.ndarray, kept: np.ndarray, mask: np.ndarray) -> list[int]:
    """The columns (of `mask`) in an exact linear relation once the trend terms are out, or none."""
    if mask.sum() < 2:
        return []
    _, singular, vt = np.linalg.svd(left[:, mask] / kept[mask], full_matrices=False)
    if singular[-1] > SEPARABLE_RTOL * singular[0]:
        return []
    weights = np.abs(vt[-1])
    return [int(i) for i, w in zip(np.flatnonzero(mask), weights, strict=True) if w > INVOLVED_SHARE * weights.max()]


def _lag_copies(copies: dict[str, list[str]], lags: int, trend: str, where: str, together: bool) -> InvalidInputError:
    """The refusal of exogenous columns that copy the variables' lags: `copies` maps each (or, `together`, the
    columns of one relation, joined) to the lags it moves with."""
    up_to = f" (up to {TERMS_SAID[trend]})" if TERMS_SAID[trend] else ""
    exogenous = next(iter(copies)).split(" and ") if together else list(copies)
    named = and_list(exogenous)
    if together or len(copies) == 1:
        moves = "move together exactly" if together else "moves exactly"
        said = f"the exogenous {named} {moves} with {and_list(next(iter(copies.values())))}{up_to}{where}"
    else:
        each = "; ".join(f"{name} with {and_list(shifted)}" for name, shifted in copies.items())
        said = f"the exogenous columns move exactly with the variables' own lags{up_to}{where}: {each}"
    lagged = sum(len(shifted) for shifted in copies.values())
    return InvalidInputError(
        f"{said}. A VAR({lags}) already has {'that lag as a regressor' if lagged == 1 else 'those lags as regressors'},"
        f" so the fit cannot tell {named} from {'it' if lagged == 1 else 'them'} and would split their effects"
        f" arbitrarily; drop {and_list(exogenous, 'or' if together else 'and')}: the VAR's lags carry"
        f" {'it' if len(exogenous) == 1 else 'them'}",
        field="exog",
        value=exogenous,
    )


def _idle_on_fitted_rows(name: str, values: np.ndarray, lags: int, trend: str, where: str) -> InvalidInputError:
    """A column the fitted rows hold only as the trend terms: all 0, constant, or a time trend under `ct`."""
    terms = TERMS_SAID[trend]
    what = "is 0 on every row" if not np.any(values) else f"moves only as the trend terms ({terms}) on the rows"
    return InvalidInputError(
        f"the exogenous {name} {what} a VAR({lags}) fits (all but the first {lags}){where}, so the fit cannot"
        f" estimate its effect; drop {name}, or give data in which it varies after those rows",
        field="exog",
        value=name,
    )
