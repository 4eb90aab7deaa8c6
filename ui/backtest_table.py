"""The Backtest page's scores table as the page prints it: one format per column, a metric's model and random-walk
cells of a variable in one shared format that tells them apart, and the RMSE ratio with the digits that show
which side of 1 it is on, coloured by that side."""

from __future__ import annotations

import pandas as pd

from ui.tables import GOOD, number_formats
from varlib import METRICS, UNIT_METRICS, apart_format, format_number, shared_formats

POOR = "background-color: rgba(228,87,46,0.2)"  # the model's RMSE above the random walk's
RATIO = "rmse_ratio"
TIE = 1.0  # a ratio of 1: the model's RMSE is the random walk's


def backtest_styler(scores: pd.DataFrame):
    """Backtest scores, one format per column, the RMSE ratio green where the model beats the random walk and red
    where it loses; a ratio that prints as 1 (a tie to MAX_DECIMALS decimals) is left uncoloured, not called a
    loss: the colour says what the printed number says."""
    formats = number_formats(scores)
    fmt = apart_format(scores[RATIO], TIE)
    formats[RATIO] = lambda value: format_number(value, fmt)
    styled = scores.style.format(formats, na_rep="")
    return styled.map(lambda ratio: _side(ratio, fmt), subset=[RATIO])


def _side(ratio, fmt: str) -> str:
    if ratio is None or ratio != ratio or format_number(ratio, fmt) == format_number(TIE, fmt):
        return ""
    return GOOD if ratio < TIE else POOR


def paired_formats(styled, table: pd.DataFrame):
    """One format for a metric's model and random-walk cells (side by side, 46.2 beside 76 in two formats reads as a
    difference in precision), per variable for RMSE and MAE, which are in its units: a rate's 0.00005 beside a
    level's 22208 in one format printed 0.000050 for two errors that differ. The format tells a row's two cells
    apart (varlib.shared_formats): 1.235 beside 1.235 read as a tie beside a ratio that says otherwise."""
    for metric in METRICS:
        pair = [metric, f"{metric}_rw"]
        groups = table.groupby("variable", sort=False).groups.values() if metric in UNIT_METRICS else [table.index]
        for rows in groups:
            cells = {metric: table.loc[rows, metric], f"{metric} rw": table.loc[rows, pair[1]]}  # a variable's two
            fmt = shared_formats(cells, [metric], digits=4)[metric]
            styled = styled.format(lambda v, fmt=fmt: format_number(v, fmt), subset=pd.IndexSlice[rows, pair])
    return styled
