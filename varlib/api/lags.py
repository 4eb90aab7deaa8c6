"""The lag inputs of a REST request as the library takes them: the rows as given, or dated by `lag_dates`.

Dated rows go through the library's lag table (varlib.dated_lag_inputs, the checks and words of the CLI's
`--lags-csv` and the dashboard's link): dates in order, consecutive periods of the model's frequency; the
forecast's dates, and a trend, then continue from the last one. Rows without dates stand for the training
data's last periods, as the dashboard's edited lag table does. Their shape is checked here first, so that a
refusal names the field (`lag_inputs`) and the row as the request gives them.
"""

from __future__ import annotations

from typing import Any

from varlib import Artifact, InvalidInputError, counted, dated_lag_inputs


def lag_inputs_of(artifact: Artifact, rows: Any, dates: list[str] | None) -> Any:
    """What forecast_artifact takes: None, the rows as given (undated), or a frame indexed by their dates."""
    if rows is not None:
        check_lag_shape(artifact, rows)
    if dates is None:
        return rows
    if rows is None:
        raise InvalidInputError(
            "lag_dates date the rows of lag_inputs, which the request does not give; send lag_inputs with them,"
            " or leave lag_dates out",
            field="lag_dates",
        )
    spec = artifact.spec
    return dated_lag_inputs(rows, dates, artifact.variables, artifact.lag_rows, spec.transform, artifact.data.frequency)


def check_lag_shape(artifact: Artifact, rows: Any) -> None:
    """InvalidInputError naming `lag_inputs` (and the row) when the rows are not the model's lag_rows rows of one
    value per variable. The library's own check says "lag inputs have shape (2, 2)", which names no field of the
    request, and comes before the dates are read (a date count means nothing before the rows fit)."""
    if not isinstance(rows, list):  # the schema lets only lists of lists through; anything else is the library's
        return
    needed, names = artifact.lag_rows, artifact.variables
    per_row = f"{counted(len(names), 'value')}, one per variable in this order: {', '.join(names)}"
    for number, row in enumerate(rows, start=1):  # each row first, as the library does: a short row is the error
        if isinstance(row, list) and len(row) != len(names):
            raise InvalidInputError(
                f"lag_inputs row {number} of {len(rows)} has {counted(len(row), 'value')}; each row needs {per_row}",
                field="lag_inputs",
                value=len(row),
            )
    if len(rows) != needed:
        raise InvalidInputError(
            f"lag_inputs has {counted(len(rows), 'row')}; {artifact.label} needs {counted(needed, 'row')} (its"
            " metadata's lag_inputs_needed): the last observations in levels, oldest first, one row per period of"
            f" {per_row}",
            field="lag_inputs",
            value=len(rows),
        )
