"""The lag inputs a forecast is given: read as a lag table is when they are dated (or taken as they are when a
page's table was read already), their values, their periods for messages, and the date the forecast goes on from."""

from __future__ import annotations

import pandas as pd

from .artifact import Artifact
from .clock import iso_label
from .data import DATE, parse_lag_table, period_labels
from .data.lag_inputs import check_lag_columns
from .data.periods import dated_by_text, first_break, offset_of, period_dates
from .errors import InvalidInputError
from .forecast_inputs import check_lag_inputs


def read_dated(lag_inputs, artifact: Artifact):
    """Lag inputs dated by their index (dates, periods such as 2010Q3, or text naming either) read as the CLI
    and the REST service read a lag table (parse_lag_table): dated as the model dates its periods (2009-07-01 for a
    model dating quarters by their end is 2009-09-30), consecutive and in order, so the forecast's periods and its
    trend continue from the right one. Undated inputs are checked by their shape alone."""
    if not isinstance(lag_inputs, pd.DataFrame):
        return lag_inputs
    frequency = artifact.data.frequency
    dates = period_dates(lag_inputs.index, frequency)
    if dates is not None and _read_already(lag_inputs, dates, artifact):  # a page's table, parsed once already
        return lag_inputs.set_axis(dates)
    if dates is not None:
        labels, named = [iso_label(date) for date in dates], DATE
    elif dated_by_text(lag_inputs.index):  # dated as a file's lag table is, as written (2010Q3)
        labels, named = list(lag_inputs.index), str(lag_inputs.index.name or "index")
    else:
        return lag_inputs
    table = lag_inputs.reset_index(drop=True)
    table.insert(0, DATE, labels)
    return parse_lag_table(table, artifact.variables, artifact.lag_rows, artifact.spec.transform, frequency, named)


def _read_already(lag_inputs: pd.DataFrame, dates: pd.DatetimeIndex, artifact: Artifact) -> bool:
    """Whether dated lag inputs are as parse_lag_table leaves them: the model's rows, one period after another, of
    numbers it takes. Anything else is read by it, which names a bad cell as a lag table does."""
    offset = offset_of(artifact.data.frequency)
    if offset is None or len(dates) != artifact.lag_rows or first_break(dates, offset) is not None:
        return False
    try:
        values = lag_inputs[artifact.variables].to_numpy(dtype=float)
        check_lag_inputs(values, artifact.lag_rows, len(artifact.variables), artifact.spec.transform)
    except (InvalidInputError, KeyError, TypeError, ValueError):
        return False
    return True


def lag_labels(lag_inputs, artifact: Artifact) -> tuple[str, ...]:
    dates = period_dates(lag_inputs.index, artifact.data.frequency) if isinstance(lag_inputs, pd.DataFrame) else None
    if dates is not None:  # a DatetimeIndex, or a PeriodIndex (2010Q3) dated as the model dates its periods
        return tuple(iso_label(d) for d in dates)
    return tuple(artifact.data.dates[-artifact.lag_rows :])


def lag_periods(lag_inputs, artifact: Artifact) -> tuple[str, ...]:
    """The lag rows' periods as the tables and charts name them (2009Q3), for a bad cell's message."""
    return tuple(period_labels(lag_labels(lag_inputs, artifact), artifact.data.frequency))


def last_date(lag_inputs, artifact: Artifact) -> pd.Timestamp:
    """Forecast dates continue from the lag inputs' own dates when they have them, else from the
    end of the training data (the lag table is prefilled with that tail)."""
    dates = period_dates(lag_inputs.index, artifact.data.frequency) if isinstance(lag_inputs, pd.DataFrame) else None
    if dates is not None and len(dates):  # dated by periods too: else a trend would count from the sample's end
        return dates[-1]
    return training_end(artifact)


def training_end(artifact: Artifact) -> pd.Timestamp:
    # The last label of artifact.history, without building the whole frame (a freshly loaded
    # artifact has not built it yet, and parsing every date dominated a fresh forecast).
    return pd.Timestamp(artifact.data.dates[-1])


def lag_values_of(lag_inputs, variables: list[str]):
    if not isinstance(lag_inputs, pd.DataFrame):
        return lag_inputs
    check_lag_columns(lag_inputs.columns, variables)
    if list(lag_inputs.columns) == list(variables):  # already in order: skip pandas' column selection
        return lag_inputs.to_numpy()
    return lag_inputs[variables].to_numpy()
