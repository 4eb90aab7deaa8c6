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
- A choice at the largest order searched, or an order with thin residual degrees of freedom
  (fewer than half the rows), comes with a warning that says what to do; a VECM's counts its own
  regressors per equation, fewer than the VAR in levels searched (varlib.vecm_warnings.thin_warnings).
"""

from __future__ import annotations

import math
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
    schwert = math.floor(SCHWERT * (n / 100) ** 0.25)
    d = deterministic_terms(trend, exog)
    half = max(0, math.floor((n - 2 * d) / (2 * k + 1)))  # k*p + d <= (n - p) / 2
    memory = _within_memory(n, k, d) if bounded else schwert
    return max(1, min(schwert, half, largest_fitting_order(n, k, trend, exog=exog), memory))


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


def _fewer_lags(n: int, k: int, p: int, trend: str, what: str, exog: int) -> str:
    """The fix for an order too large for n rows when a smaller one fits: an order that also fits the fit
    before a later holdout, and the holdout as the other way when it is what takes the rows."""
    fits = largest_fitting_order(n, k, trend, exog=exog)
    needed = rows_needed(k, p, trend, exog)
    later = getattr(what, "holdout", 0)  # the whole sample: the holdout fit that follows has `later` fewer rows
    if later:
        part = largest_fitting_order(n - later, k, trend, exog=exog)
        if part < fits:
            no_holdout = f"at most {fits} with no holdout{_LOWER_HOLDOUT}"
            lags = f"at most {part} here, as the fit before the {later}-row holdout needs, or {no_holdout}"
            return (
                f"use fewer lags: {lags if part else 'none with this holdout, ' + no_holdout}; or at least"
                f" {needed} usable rows before the holdout"
            )
    fix = f"use fewer lags (at most {fits} here) or at least {needed} usable rows"
    held = getattr(what, "held_out", 0)  # a part before a holdout: without it the order may fit
    if held and residual_df(n + held, k, p, trend, exog) >= MIN_RESIDUAL_DF:
        fix += f", or lower the holdout, which takes {held} row{'' if held == 1 else 's'}{_LOWER_HOLDOUT}"
    return fix


def check_order(n: int, k: int, p: int, trend: str, what: str, exog: int = 0) -> None:
    """Refuse an order that would leave fewer than MIN_RESIDUAL_DF residual degrees of freedom."""
    df = residual_df(n, k, p, trend, exog)
    if df < MIN_RESIDUAL_DF:
        if largest_fitting_order(n, k, trend, exog=exog) >= 1:
            fix = _fewer_lags(n, k, p, trend, what, exog)
        else:  # no order fits: more rows for a VAR(1), fewer variables (a VAR has two at least), a smaller holdout
            needed = rows_needed(k, 1, trend, exog)
            ways = ["add rows"] + (["use fewer variables"] if k > 2 else [])
            held = getattr(what, "held_out", 0)  # a Sample: the rows a holdout keeps out of this fit
            if held:
                lower = f"lower the holdout, which takes {held} row{'' if held == 1 else 's'}{_LOWER_HOLDOUT}"
                ways.insert(0 if n + held >= needed else len(ways), lower)  # first when it is enough
            fix = f"even a VAR(1) needs at least {needed} usable rows; {and_list(ways, 'or')}"
        raise InvalidInputError(
            f"{what} has {n} usable rows; a VAR({p}) of {k} variables estimates"
            f" {k * p + deterministic_terms(trend, exog)} coefficients per equation and would keep {df} residual"
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
    series: np.ndarray, spec: ModelSpec, what: str, exog: np.ndarray | None = None
) -> tuple[int, LagSelection | None, str, list[str]]:
    """The lag order for a spec on a model-space series (and its exogenous regressors, row by row):
    (p, criteria table, how, warnings)."""
    n, k = series.shape
    n_exog = len(spec.exog)
    if spec.lags is not None:
        check_order(n, k, spec.lags, spec.trend, what, n_exog)
        return spec.lags, None, "fixed", order_warnings(n, k, spec.lags, spec.trend, n_exog)
    max_lags, warnings = search_range(n, k, spec, what)
    selection = select_lags(series, max_lags, spec.trend, spec.min_lags, list(spec.variables), exog)
    chosen = selection.selected[spec.ic]
    how = f"{spec.ic} (lags {spec.min_lags}-{max_lags})"
    if chosen == 0:  # only when asked to search from 0: no dynamics, but a VAR(1) is the smallest forecast
        warnings.append(f"{spec.ic} prefers no lags at all: {_noise(spec)}; a VAR(1), the smallest, is fitted")
        return 1, selection, f"{how}; 0 chosen, 1 fitted", warnings + order_warnings(n, k, 1, spec.trend, n_exog)
    if chosen == max_lags and max_lags > max(1, spec.min_lags):
        warnings.append(
            f"{spec.ic} chose the largest order searched ({chosen}): the best order may lie beyond"
            " it, or the criterion overfits; compare a smaller fixed order on the holdout"
        )
    return chosen, selection, how, warnings + order_warnings(n, k, chosen, spec.trend, n_exog)


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
