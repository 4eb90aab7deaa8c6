"""A future path's rows placed by their dates (data.paths): a date column, a DatetimeIndex or a PeriodIndex read
as the forecast's periods, and each row's step; every message names the date as written."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..clock import iso_label
from ..errors import InvalidInputError
from .date_text import read_date
from .frequency import period_labels
from .path_values import STEP, beyond, horizon_words
from .periods import in_their_periods, period_dates, unlike_the_others
from .sample_window import straddled_label
from .timeindex import AmbiguousDates, parse_dates


def as_dates(cells, periods: pd.Series, labels: Sequence[str], what: str, frequency: str | None):
    """A column of date text read as one column (01.04.2010 day first in every row, see parse_dates), or an
    index of dates or periods; as given when some cell is not a date, for that cell's own message. Dates that
    read day first and month first alike are refused: a date read the wrong way could still be one of the
    forecast's periods. Dates dated another way than the forecast's periods are read as the periods they fall
    in (`_periods_of`)."""
    dates = period_dates(cells, frequency) if isinstance(cells, pd.Index) else None
    if dates is not None:  # an index of the table: dates already, a PeriodIndex as the model dates its periods
        return _periods_of(dates, [iso_label(d) for d in dates], periods, labels, what, frequency)
    text = [str(cell).strip() for cell in cells]
    try:
        dates = parse_dates(pd.Index(text), "date", what, _forecast_dates(periods), observed=False)
    except AmbiguousDates:
        raise
    except InvalidInputError:
        return cells
    for cell, date in zip(text, dates, strict=True):  # 2015Q1 among quarters from Nov: none of the model's periods
        if (why := straddled_label(cell, date, frequency)) is not None:
            raise InvalidInputError(f"{what}: {why}", field="date", value=cell)
    return _periods_of(dates, text, periods, labels, what, frequency)


def _periods_of(
    dates: pd.DatetimeIndex,
    text: Sequence[str],
    periods: pd.Series,
    labels: Sequence[str],
    what: str,
    frequency: str | None,
) -> pd.DatetimeIndex:
    """Dates dated another way than the forecast's periods (2005-02-15 or 2005-03-31 for periods dated by their
    first day): the periods they fall in, when those are the forecast's (or later: exogenous rows past the
    horizon), also for a date in the horizon's last period (which would otherwise read as past the horizon).
    One date dated unlike the others (2010-08-31 among quarter ends) is named, not the first row, which the
    dates as written would name though it is the others' form."""
    mapped, fits = in_their_periods(dates, frequency), _forecast_dates(periods)
    if fits is None or (mapped is not None and fits(mapped)):
        return dates if mapped is None else mapped
    odd = None if fits(dates) else unlike_the_others(dates, frequency, fits)
    if odd is not None:
        row, like = odd
        raise InvalidInputError(
            f"{what}: {text[row]} (row {row + 1}) is not one of the forecast's periods ({horizon_words(labels)}), nor"
            f" dated like the other rows ({text[like]}, read as the period it falls in); use the forecast's dates",
            field="date",
            value=text[row],
        )
    return dates  # each named as written


def _forecast_dates(periods: pd.Series):
    """Dates a path's rows may have: the forecast's periods, or later ones (exogenous rows past the horizon)."""
    if periods.isna().any() or periods.empty:
        return None
    known = set(periods)
    return lambda index: all(stamp in known or stamp > periods.iloc[-1] for stamp in index)


def step_of_date(
    cell,
    labels: Sequence[str],
    periods: pd.Series,
    what: str,
    late_ok: bool,
    held: Sequence[str] = (),
    frequency: str | None = None,
    written: str | None = None,
) -> int | None:
    """The step of a row's date; None for a date past the horizon when `late_ok` (exogenous rows, and empty rows
    of a conditions template), which is refused otherwise, naming the variables the row holds (`held`), its
    period as the model's `frequency` names it and its date as `written` (a quarter's end read as its start)."""
    text = as_written(cell)
    when = cell if isinstance(cell, pd.Timestamp) else read_date(text)
    if pd.isna(when):
        raise InvalidInputError(f"{what}: {text!r} is not a date", field="date", value=text)
    if periods.isna().any():
        raise InvalidInputError(
            f"{what}: the forecast periods of this model have no dates (its data has no regular frequency);"
            f" give a {STEP} column with step numbers instead of {text!r}",
            field="date",
            value=text,
        )
    matches = np.flatnonzero(periods.to_numpy() == np.datetime64(when))
    if matches.size:
        return int(matches[0]) + 1
    if when > periods.iloc[-1]:
        if late_ok:
            return None
        period = period_labels([when], frequency)[0] if frequency else None
        beyond(None, labels, what, written or text, held=held, period=period)
    raise InvalidInputError(
        f"{what}: {text} is not one of the forecast's periods ({horizon_words(labels)}); use their dates",
        field="date",
        value=text,
    )


def as_written(cell) -> str:
    """A row's date as a message names it: the text typed, a timestamp at midnight as its day (`2011-06-30`)."""
    return str(cell.date() if isinstance(cell, pd.Timestamp) and cell == cell.normalize() else cell).strip()
