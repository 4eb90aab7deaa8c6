"""The lag inputs of a REST request as the library takes them: the rows as given, or dated by `lag_dates`.

Dated rows go through the library's lag table (varlib.dated_lag_inputs, the checks and words of the CLI's
`--lags-csv` and the dashboard's link): dates in order, consecutive periods of the model's frequency; the
forecast's dates, and a trend, then continue from the last one. Rows without dates stand for the training
data's last periods, as the dashboard's edited lag table does.
"""

from __future__ import annotations

from typing import Any

from varlib import Artifact, InvalidInputError, dated_lag_inputs


def lag_inputs_of(artifact: Artifact, rows: Any, dates: list[str] | None) -> Any:
    """What forecast_artifact takes: None, the rows as given (undated), or a frame indexed by their dates."""
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
