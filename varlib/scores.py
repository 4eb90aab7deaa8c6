"""How holdout and backtest forecasts are scored (RMSE, MAE, MAPE), what the tables head them, and the notes every
table of scores prints under it (why MAPEs were left out, what a VARX's scores assume)."""

from __future__ import annotations

import numpy as np

from .held_exog import calendar_columns

# How every table heads the holdout and backtest scores (MAPE is in percent); the stored keys are the lower-case names
METRIC_LABELS = {"rmse": "RMSE", "mae": "MAE", "mape": "MAPE %"}

NEAR_ZERO = 0.05  # a scored value under this share of its variable's largest absolute value is near 0 for a MAPE
_MAPE_NOTE = (
    "MAPE is left out where a variable's values are not all of one sign, or where a scored value is near 0"
    f" (under {NEAR_ZERO:.0%} of the variable's largest): for values at or near 0, as a growth rate, a spread or"
    " an interest rate may have, a percentage error says nothing."
)


def one_signed(levels: np.ndarray) -> np.ndarray:
    """Per variable (column), whether its values all have one sign."""
    return np.all(levels > 0, axis=0) | np.all(levels < 0, axis=0)


def percent_scorable(levels: np.ndarray, scored: np.ndarray) -> np.ndarray:
    """Per variable (column), whether a MAPE can score it: its `levels` (the whole series) all have one sign and
    none of its `scored` values (rows x variables) is near 0 (NEAR_ZERO): a bill rate of 0.12 after 15 gave
    percentage errors of hundreds."""
    largest = np.max(np.abs(levels), axis=0)
    return one_signed(levels) & ~np.any(np.abs(scored) < NEAR_ZERO * largest, axis=0)


def mape_note(values) -> str | None:
    """Why MAPEs were left out, when any in `values` was (None, or NaN once in a table); else None. Every
    page, the report and the CLI print it under their scores."""
    return _MAPE_NOTE if any(v is None or v != v for v in values) else None


def exog_note(exog, observed: np.ndarray | None = None) -> str | None:
    """For a VARX (`exog` names its exogenous variables), what its holdout or backtest scores assume: the
    forecasts were given the exogenous values observed over the scored periods, which flatters them where a
    forecast would have to guess those values, not where the calendar sets them (`observed`: the columns'
    values, rows x names, to tell which; without them the note says both cases); else None."""
    names = list(exog)
    if not names:
        return None
    known = calendar_columns(names, observed) if observed is not None else []
    guessed = [name for name in names if name not in known]
    if not guessed:
        return (
            f"The exogenous {_which(names, 'repeat', 'repeats')} with the calendar: these forecasts were given"
            f" {'their' if len(names) > 1 else 'its'} values over the scored periods, which a forecast knows in"
            " advance."
        )
    took = _which(guessed, "took their", "took its")
    given = f"The exogenous {took} observed values over the scored periods: these are scores of forecasts given that"
    if known:  # the calendar's columns are known in advance; the others' path is not
        calendar = f"{_which(known, 'repeat', 'repeats')} with the calendar: known in advance"
        return f"{given} path, and a forecast that has to guess it will do worse (the {calendar})."
    if observed is not None:
        return f"{given} path, and a forecast that has to guess it will do worse."
    return (  # which columns the calendar sets is not known here: both cases, each as it is
        f"{given} path. A forecast knows such a path in advance only where the calendar sets it (seasonal dummies,"
        " a quarter number); for any other column it has to guess it, and will do worse."
    )


def _which(names: list[str], many: str, one: str) -> str:
    return f"variables {', '.join(names)} {many}" if len(names) > 1 else f"variable {names[0]} {one}"


def score_notes(mapes, exog=(), observed: np.ndarray | None = None) -> list[str]:
    """What every table of holdout or backtest scores says under it (the pages, the report, the CLI): why
    MAPEs were left out (`mape_note` of its MAPE column) and what a VARX's scores assume (`exog_note` of its
    exogenous variables and, given, their observed values)."""
    return [note for note in (mape_note(mapes), exog_note(exog, observed)) if note]


def score(actual: np.ndarray, predicted: np.ndarray, percent: bool = True) -> dict:
    """RMSE, MAE and MAPE (in percent; None when an actual value is 0, or when not `percent`: the series is
    zero or crosses it somewhere, as a growth rate or a spread may, see `one_signed`)."""
    if not len(actual):  # every value of the cell was filled (filled_scores): nothing to score
        return {"rmse": None, "mae": None, "mape": None}
    error = predicted - actual
    mape = float(np.mean(np.abs(error / actual)) * 100) if percent and np.all(actual != 0) else None
    return {"rmse": float(np.sqrt(np.mean(error**2))), "mae": float(np.mean(np.abs(error))), "mape": mape}
