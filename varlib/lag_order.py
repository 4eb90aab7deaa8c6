"""How many lags a VAR may have on a given sample, and how the order is chosen.

With n model-space observations, k variables and d deterministic terms (constant, trend) and
exogenous regressors (a VARX), a VAR(p) estimates k*p + d coefficients per equation from n - p
rows, leaving

    residual df = (n - p) - (k*p + d)

- No order is fitted with fewer than MIN_RESIDUAL_DF residual degrees of freedom.
- The default maximum searched is the smaller of Schwert's rule, floor(12 * (n/100)^(1/4)), and the
  largest p whose coefficients per equation are at most half the rows it is estimated from
  (k*p + d <= (n - p) / 2). 60 quarterly rows of 3 variables give 8, 84 rows of 4 give 9, the
  203 rows of the bundled macro data 14. A maximum the user gives is kept, but orders below the
  residual-df minimum are never searched. On a very large sample the default is also cut so that the search's design
  holds at most SEARCH_CELLS cells (100,000 rows of 48 variables: 5 lags), with a warning.
- The search starts at lag 1 (a VAR(0) forecasts no dynamics) unless the spec asks to include 0.
- A choice at the largest order searched, one far above the stricter criteria's (`_far_above`), or an order
  with thin residual degrees of freedom
  (fewer than half the rows), comes with a warning that says what to do; a VECM's counts its own
  regressors per equation, fewer than the VAR in levels searched (varlib.vecm_warnings.thin_warnings), and so
  does its refusal of a fixed order (degrees_of_freedom.vecm_terms).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from .degrees_of_freedom import MIN_RESIDUAL_DF, deterministic_terms, largest_fitting_order, residual_df, rows_needed
from .errors import InvalidInputError
from .model import LagSelection, select_lags
from .wording import and_list

if TYPE_CHECKING:  # the spec consults the kinds, which use this module
    from .spec import ModelSpec

SCHWERT = 12  # Schwert (1989): p_max = floor(12 * (n / 100) ** 0.25)
# The search's design (n rows by k*p + d columns, a few copies at once in its QR decomposition) stays under this many
# cells by default: 100,000 daily rows of 48 series searched to Schwert's 67 lags held about 13 GB.
SEARCH_CELLS = 25_000_000
THIN_ADVICE = "the estimates are imprecise; use fewer lags or more data"  # a thin fit's, VAR's or VECM's


def default_max_lags(n: int, k: int, trend: str, exog: int = 0, bounded: bool = True) -> int:
    """The documented default maximum lag order for n model-space rows of k variables (module docstring);
    `bounded=False`: without the memory bound."""
    schwert = _schwert(n)
    memory = _within_memory(n, k, deterministic_terms(trend, exog)) if bounded else schwert
    return max(1, min(schwert, _half_rows(n, k, trend, exog), largest_fitting_order(n, k, trend, exog=exog), memory))


def _schwert(n: int) -> int:
    return math.floor(SCHWERT * (n / 100) ** 0.25)


def _half_rows(n: int, k: int, trend: str, exog: int) -> int:
    """The largest p whose coefficients per equation are at most half the rows: k*p + d <= (n - p) / 2."""
    return max(0, math.floor((n - 2 * deterministic_terms(trend, exog)) / (2 * k + 1)))


def _within_memory(n: int, k: int, d: int) -> int:
    """The largest order whose search design holds at most SEARCH_CELLS cells."""
    return max(0, (SEARCH_CELLS // max(n, 1) - d) // k)


class Sample(str):
    """The name of the rows a fit is on (`what` in messages), knowing how many rows a holdout keeps out of it
    (`held_out`), so that a refusal for too few rows can say that a smaller holdout gives them back; or, for
    the whole sample, how many rows the holdout fit that follows will keep out (`holdout`), so that the order
    a refusal offers also fits there (else following it is refused by that fit)."""

    held_out: int
    holdout: int

    def __new__(cls, text: str, held_out: int = 0, holdout: int = 0) -> Sample:
        sample = super().__new__(cls, text)
        sample.held_out = held_out
        sample.holdout = holdout
        return sample


_LOWER_HOLDOUT = " (--holdout 0; dashboard: Holdout fraction)"


def _fewer_lags(n: int, k: int, p: int, trend: str, what: str, exog: int, terms: int | None) -> str:
    """The fix for an order too large for n rows when a smaller one fits: an order that also fits the fit
    before a later holdout, and the holdout as the other way when it is what takes the rows."""
    fits = largest_fitting_order(n, k, trend, exog=exog, terms=terms)
    needed = rows_needed(k, p, trend, exog, terms)
    later = getattr(what, "holdout", 0)  # the whole sample: the holdout fit that follows has `later` fewer rows
    if later:
        part = largest_fitting_order(n - later, k, trend, exog=exog, terms=terms)
        if part < fits:
            no_holdout = f"at most {fits} with no holdout{_LOWER_HOLDOUT}"
            lags = f"at most {part} here, as the fit before the {later}-row holdout needs, or {no_holdout}"
            return (
                f"use fewer lags: {lags if part else 'none with this holdout, ' + no_holdout}; or at least"
                f" {needed} usable rows before the holdout"
            )
    fix = f"use fewer lags (at most {fits} here) or at least {needed} usable rows"
    held = getattr(what, "held_out", 0)  # a part before a holdout: without it the order may fit
    if held and residual_df(n + held, k, p, trend, exog, terms) >= MIN_RESIDUAL_DF:
        fix += f", or lower the holdout, which takes {held} row{'' if held == 1 else 's'}{_LOWER_HOLDOUT}"
    return fix


def _var_words(p: int) -> str:
    return f"VAR({p})"


def check_order(
    n: int,
    k: int,
    p: int,
    trend: str,
    what: str,
    exog: int = 0,
    terms: int | None = None,
    words: Callable[[int], str] = _var_words,
) -> None:
    """Refuse an order that would leave fewer than MIN_RESIDUAL_DF residual degrees of freedom; `terms` and
    `words`: another model's count besides k*p and its name at an order (a VECM's: varlib.kinds.vecm)."""
    df = residual_df(n, k, p, trend, exog, terms)
    if df < MIN_RESIDUAL_DF:
        if largest_fitting_order(n, k, trend, exog=exog, terms=terms) >= 1:
            fix = _fewer_lags(n, k, p, trend, what, exog, terms)
        else:  # no order fits: more rows for order 1, fewer variables (a VAR has two at least), a smaller holdout
            needed = rows_needed(k, 1, trend, exog, terms)
            ways = ["add rows"] + (["use fewer variables"] if k > 2 else [])
            held = getattr(what, "held_out", 0)  # a Sample: the rows a holdout keeps out of this fit
            if held:
                lower = f"lower the holdout, which takes {held} row{'' if held == 1 else 's'}{_LOWER_HOLDOUT}"
                ways.insert(0 if n + held >= needed else len(ways), lower)  # first when it is enough
            fix = f"even a {words(1)} needs at least {needed} usable rows; {and_list(ways, 'or')}"
        raise InvalidInputError(
            f"{what} has {n} usable rows; a {words(p)} of {k} variables estimates"
            f" {k * p + deterministic_terms(trend, exog, terms)} coefficients per equation and would keep {df} residual"
            f" degrees of freedom, below the minimum of {MIN_RESIDUAL_DF}: {fix}",
            field="lags",
            value=p,
        )


def search_range(n: int, k: int, spec: ModelSpec, what: str) -> tuple[int, list[str]]:
    """The maximum order to search on this sample, and a warning when the spec's own maximum was cut."""
    exog = len(spec.exog)
    fitting = largest_fitting_order(n, k, spec.trend, exog=exog)
    if fitting < max(1, spec.min_lags):
        check_order(n, k, 1, spec.trend, what, exog)  # raises with the rows needed
    if spec.max_lags is None:
        top = default_max_lags(n, k, spec.trend, exog)
        if top >= (without := default_max_lags(n, k, spec.trend, exog, bounded=False)):
            return top, []
        return top, [  # a larger search is the user's to ask for: it is theirs to give the memory
            f"the default maximum lag order is {top}, not {without}, on {n} rows of {k} variables, to keep the"
            " search's memory bounded; give a larger maximum (CLI --max-lags, dashboard: Max lags) to search further"
        ]
    if spec.max_lags <= fitting:
        return spec.max_lags, []
    return fitting, [
        f"max lags {spec.max_lags} was cut to {fitting}: on {n} rows of {k} variables a larger order"
        f" would keep fewer than {MIN_RESIDUAL_DF} residual degrees of freedom per equation"
    ]


def choose_order(
    series: np.ndarray,
    spec: ModelSpec,
    what: str,
    exog: np.ndarray | None = None,
    check: Callable[[int, int, int, str, str, int], None] = check_order,
    fits_the_var: bool = True,
) -> tuple[int, LagSelection | None, str, list[str]]:
    """The lag order for a spec on a model-space series (and its exogenous regressors, row by row):
    (p, criteria table, how, warnings). `check` refuses a fixed order (a VECM's counts its own coefficients);
    `fits_the_var`: whether the VAR searched is the model fitted (a VECM is not: its order is at least 1, and its
    coefficients per equation are its own)."""
    n, k = series.shape
    n_exog = len(spec.exog)

    def thin(p: int) -> list[str]:  # a VECM warns of its own count once its rank is known (vecm_warnings)
        return order_warnings(n, k, p, spec.trend, n_exog) if fits_the_var else []

    if spec.lags is not None:
        check(n, k, spec.lags, spec.trend, what, n_exog)
        return spec.lags, None, "fixed", thin(spec.lags)
    max_lags, warnings = search_range(n, k, spec, what)
    whole = select_lags(series, max_lags, spec.trend, 0, list(spec.variables), exog)  # from 0 where it exists
    selection = whole.from_lag(spec.min_lags)
    chosen = selection.selected[spec.ic]
    how = f"{spec.ic} (lags {spec.min_lags}-{max_lags})"
    if fits_the_var and chosen == spec.min_lags == 1 and whole.selected[spec.ic] == 0:  # hidden below the search
        warnings.append(
            f"{spec.ic} chose the smallest order searched (1), but prefers no lags at all below it: {_noise(spec)},"
            " so the VAR(1)'s dynamics may be noise too; the search starts at 1 unless asked to start at 0 (CLI"
            " --min-lags 0, dashboard: Let the criterion choose 0 lags)"
        )
    if chosen == 0:  # only when asked to search from 0: no dynamics, but a VAR(1) is the smallest forecast
        warnings.append(f"{spec.ic} prefers no lags at all: {_noise(spec)}; a VAR(1), the smallest, is fitted")
        return 1, selection, f"{how}; 0 chosen, 1 fitted", warnings + thin(1)
    if chosen == max_lags and max_lags > max(1, spec.min_lags):
        warnings.append(_at_the_top(n, k, chosen, spec, selection, fits_the_var))
    elif fits_the_var:
        warnings.extend(_far_above(n, k, chosen, spec, selection))
    return chosen, selection, how, warnings + thin(chosen)


def _far_above(n: int, k: int, p: int, spec: ModelSpec, selection: LagSelection) -> list[str]:
    """The warning of an order far above what the criteria that penalise lags more choose (AIC 9 where HQIC takes 2
    and BIC 1, on 72 quarters): at least twice theirs and 3 more. AIC's choice is then fragile on a short sample (a
    maximum one lower moved it from 9 to 5 there) and the fit spends its rows on lags; said, not overruled, since AIC
    is the forecaster's criterion and on a long sample its larger order may be the better one."""
    stricter = {"aic": "hqic", "fpe": "hqic", "hqic": "bic"}.get(spec.ic)
    other = selection.selected.get(stricter) if stricter else None
    if other is None or p < max(2 * other, other + 3):
        return []
    bic = selection.selected.get("bic")
    also = f" and bic {bic}" if stricter != "bic" and bic is not None else ""
    coefficients = k * p + deterministic_terms(spec.trend, len(spec.exog))
    return [
        f"{spec.ic} chose {p} lags where {stricter} chooses {other}{also}: a VAR({p}) estimates {coefficients}"
        f" coefficients per equation from {n - p} rows, and a choice so far above the stricter criteria's may"
        f" overfit; compare a fixed order of {other} on the holdout"
    ]


def _at_the_top(n: int, k: int, p: int, spec: ModelSpec, selection: LagSelection, fits_the_var: bool) -> str:
    """The warning of a choice at the largest order searched. Where the default maximum is the half-rows bound, a
    larger order would estimate more coefficients per equation than half its rows: the best order is not beyond it,
    and so many coefficients (25 per equation of a VAR(4) of 6 variables from 55 rows) are said."""
    bic = selection.selected.get("bic")
    smaller = f" (BIC chooses {bic})" if spec.ic != "bic" and bic is not None and bic < p else ""
    halved = fits_the_var and spec.max_lags is None and p == _half_rows(n, k, spec.trend, len(spec.exog)) < _schwert(n)
    if not halved:
        return (
            f"{spec.ic} chose the largest order searched ({p}): the best order may lie beyond it, or the criterion"
            f" overfits; compare a smaller fixed order{smaller} on the holdout"
        )
    coefficients = k * p + deterministic_terms(spec.trend, len(spec.exog))
    return (
        f"{spec.ic} chose the largest order searched ({p}), the most the default allows on {n} rows of {k} variables:"
        f" a VAR({p}) estimates {coefficients} coefficients per equation from {n - p} rows, close to half, so its"
        f" estimates are imprecise and the criterion may overfit; compare a smaller fixed order{smaller} on the holdout"
    )


def _noise(spec: ModelSpec) -> str:
    """What a criterion's order 0 says of the model-space series: noise around the spec's deterministic terms
    (a constant is no trend, nor zero: each is named as fitted)."""
    series = {"diff": "the differences", "logdiff": "the log differences"}.get(spec.transform, "the series")
    around = {"n": "zero", "c": "a constant", "ct": "a linear trend"}.get(spec.trend, "their trend")
    given = " and the exogenous variables' effect" if spec.exog else ""
    return f"{series} look like noise around {around}{given}"


def thin_fit(
    n: int, k: int, p: int, trend: str, exog: int = 0, regressors: int | None = None
) -> tuple[int, int] | None:
    """(rows each equation is estimated from, residual degrees of freedom) of a VAR(p) on `n` model-space rows
    when the degrees of freedom are thin (fewer than half the rows), else None. `regressors`: the coefficients
    per equation of a VECM of VAR order p (VecmParams.regressors), in place of the VAR's k*p + d."""
    rows = n - p
    df = residual_df(n, k, p, trend, exog) if regressors is None else rows - regressors
    return (rows, df) if df < rows / 2 else None


def order_warnings(n: int, k: int, p: int, trend: str, exog: int = 0) -> list[str]:
    """A warning when an order's residual degrees of freedom are thin (fewer than half the rows)."""
    thin = thin_fit(n, k, p, trend, exog)
    if thin is None:
        return []
    rows, df = thin
    return [
        f"VAR({p}) estimates {k * p + deterministic_terms(trend, exog)} coefficients per equation from {rows} rows"
        f" ({df} residual degrees of freedom): {THIN_ADVICE}"
    ]
