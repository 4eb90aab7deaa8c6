"""What the scores may use when a version's data were filled (varlib.data.fill): a value the fill wrote is no
observation, so no backtest score compares a forecast with it, as the holdout's do not (training._evaluate); and
a value interpolated at an origin's last training period was drawn from the period after it, so the forecasts
from that origin saw the future: none of them is scored, and a holdout that starts after one says so.

The cells are those the version stored (`provenance.preparation.filled_cells`); a version trained before they
were stored has only their count, and its backtest says that those values were scored as observed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
import pandas as pd

from .clock import iso_label
from .data import period_labels
from .wording import and_list, counted


class Version(Protocol):
    """What is read here of a version (varlib.artifact.Artifact, which imports training, which imports this)."""

    @property
    def provenance(self) -> dict: ...

    @property
    def data(self) -> Any: ...  # its TrainingData: dates and frequency

    @property
    def variables(self) -> list[str]: ...


def filled_mask(artifact: Version) -> np.ndarray | None:
    """(rows, variables): True where the fill wrote the training value; None when nothing was filled or the
    version did not store which cells were."""
    cells = (artifact.provenance.get("preparation") or {}).get("filled_cells") or {}
    if not cells:
        return None
    dates = [iso_label(pd.Timestamp(d)) for d in artifact.data.dates]
    row_of = {date: n for n, date in enumerate(dates)}
    mask = np.zeros((len(dates), len(artifact.variables)), dtype=bool)
    for j, variable in enumerate(artifact.variables):
        for date in cells.get(variable, ()):
            if date in row_of:
                mask[row_of[date], j] = True
    return mask if mask.any() else None


def scored_cells(
    artifact: Version, mask: np.ndarray | None, cuts: Sequence[int], horizon: int
) -> tuple[np.ndarray, list[int]]:
    """(origins, horizon, variables): True where a forecast is scored; and the origins (indices) left out
    because an interpolated value ends their training part. `mask`: the version's `filled_mask`."""
    k = len(artifact.variables)
    scored = np.ones((len(cuts), horizon, k), dtype=bool)
    if mask is None:
        return scored, []
    interpolated = (artifact.provenance.get("preparation") or {}).get("method") == "interpolate"
    leaked = []
    for n, cut in enumerate(cuts):
        scored[n] = ~mask[cut : cut + horizon]
        if interpolated and mask[cut - 1].any():
            scored[n] = False
            leaked.append(n)
    return scored, leaked


def filled_notes(
    artifact: Version, mask: np.ndarray | None, cuts: Sequence[int], horizon: int, leaked: list[int]
) -> list[str]:
    """What the scores leave out, naming the values by variable and period; or that an older version's filled
    values were scored as observed."""
    preparation = artifact.provenance.get("preparation") or {}
    if "filled_cells" not in preparation:
        counts = preparation.get("filled_values") or {}
        if not any(counts.get(v) for v in artifact.variables):
            return []
        return [
            f"This version was trained before the values a fill wrote were stored ({preparation.get('summary')}):"
            " its backtest scores them as if observed; retrain it to leave them out."
        ]
    if mask is None:
        return []
    periods = period_labels(artifact.data.dates, artifact.data.frequency)
    variables = artifact.variables
    notes = []
    if leaked:
        origins = and_list(f"{periods[cuts[n] - 1]} ({and_list(_names(mask[cuts[n] - 1], variables))})" for n in leaked)
        notes.append(
            f"The forecasts from {origins} are not scored: the value there was interpolated from the next"
            " period's, which those forecasts would be scored on."
        )
    window = np.zeros(len(mask), dtype=bool)
    for n, cut in enumerate(cuts):
        if n not in leaked:
            window[cut : cut + horizon] = True
    cells = [
        f"{variables[int(j)]} in {periods[int(i)]}" for i, j in zip(*np.nonzero(mask & window[:, None]), strict=True)
    ]
    if cells:
        notes.append(
            f"The scores leave out {counted(len(cells), 'value')} the fill wrote ({and_list(cells[:5])}"
            f"{', ...' if len(cells) > 5 else ''}): a value the fill wrote is no observation to score a forecast on."
        )
    return notes


def _names(row: np.ndarray, variables: Sequence[str]) -> list[str]:
    return [variables[int(j)] for j in np.flatnonzero(row)]


def holdout_edge_note(
    filled: np.ndarray | None, method: str, rows: int, index: pd.Index, frequency: str | None, variables: Sequence[str]
) -> str | None:
    """When the training part before a `rows`-row holdout ends on a value interpolated from the first held-out
    period's, a note that the holdout's first forecasts start from it; else None. `index`: the rows' dates."""
    if filled is None or method != "interpolate" or not filled[-rows - 1].any():
        return None
    names = _names(filled[-rows - 1], variables)
    last, first = period_labels([iso_label(d) for d in index[-rows - 1 : len(index) - rows + 1]], frequency)
    return (
        f"The holdout's forecasts start from {and_list(names)} in {last}, a value interpolated from the"
        f" next period's, {first}, which the holdout scores: its first scores may flatter the model."
    )
