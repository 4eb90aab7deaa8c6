"""How holdout and backtest forecasts are scored (RMSE, MAE, MAPE), what the tables head them, and the notes every
table of scores prints under it (why MAPEs were left out, what a VARX's scores assume)."""

from __future__ import annotations

import numpy as np

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


def exog_note(exog) -> str | None:
    """For a VARX (`exog` names its exogenous variables), why its holdout or backtest scores flatter it:
    the forecasts were given the exogenous values observed over the scored periods; else None."""
    names = list(exog)
    if not names:
        return None
    which = f"variables {', '.join(names)} took their" if len(names) > 1 else f"variable {names[0]} took its"
    return (
        f"The exogenous {which} observed values over the scored periods: these are scores of forecasts given"
        " that path, and a forecast that has to guess it will do worse."
    )


def score_notes(mapes, exog=()) -> list[str]:
    """What every table of holdout or backtest scores says under it (the pages, the report, the CLI): why
    MAPEs were left out (`mape_note` of its MAPE column) and that a VARX's forecasts were given the observed
    exogenous path (`exog_note` of its exogenous variables)."""
    return [note for note in (mape_note(mapes), exog_note(exog)) if note]


def score(actual: np.ndarray, predicted: np.ndarray, percent: bool = True) -> dict:
    """RMSE, MAE and MAPE (in percent; None when an actual value is 0, or when not `percent`: the series is
    zero or crosses it somewhere, as a growth rate or a spread may, see `one_signed`)."""
    if not len(actual):  # every value of the cell was filled (filled_scores): nothing to score
        return {"rmse": None, "mae": None, "mape": None}
    error = predicted - actual
    mape = float(np.mean(np.abs(error / actual)) * 100) if percent and np.all(actual != 0) else None
    return {"rmse": float(np.sqrt(np.mean(error**2))), "mae": float(np.mean(np.abs(error))), "mape": mape}
