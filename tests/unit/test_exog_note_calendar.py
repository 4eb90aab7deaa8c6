"""The note under a VARX's holdout and backtest scores said a forecast "has to guess" every exogenous path, also
that of seasonal dummies, which the calendar sets in advance. Given the columns' values it tells the two apart;
without them it says both cases, each as it is."""

from __future__ import annotations

import html

import numpy as np

from studies.samples import as_quarterly, lutkepohl_e1
from varlib import ModelSpec, backtest, report_diagnostics, train_model
from varlib.artifact import build_artifact
from varlib.compare import holdout_notes
from varlib.scores import exog_note

QUARTERS = np.tile(np.eye(4)[:, :3], (23, 1))  # q1, q2, q3: 0/1 dummies repeating every 4 quarters (92 rows)
BREAK = (np.arange(92) > 60).astype(float)[:, None]  # a step dummy: not the calendar's


def test_calendar_dummies_are_said_to_be_known_in_advance():
    note = exog_note(["q1", "q2", "q3"], QUARTERS)
    assert note == (
        "The exogenous variables q1, q2, q3 repeat with the calendar: these forecasts were given their values over"
        " the scored periods, which a forecast knows in advance."
    )


def test_an_ordinary_column_beside_them_is_still_a_path_to_guess():
    note = exog_note(["q1", "q2", "q3", "shock"], np.column_stack([QUARTERS, BREAK]))
    assert note == (
        "The exogenous variable shock took its observed values over the scored periods: these are scores of"
        " forecasts given that path, and a forecast that has to guess it will do worse (the variables q1, q2, q3"
        " repeat with the calendar: known in advance)."
    )
    assert exog_note(["shock"], BREAK) == (
        "The exogenous variable shock took its observed values over the scored periods: these are scores of"
        " forecasts given that path, and a forecast that has to guess it will do worse."
    )


def test_without_the_values_the_note_says_which_columns_a_forecast_knows():
    note = exog_note(["q1", "shock"])
    assert note is not None and "only where the calendar sets it (seasonal dummies" in note
    assert note.endswith("for any other column it has to guess it, and will do worse.")


def _seasonal_e1():
    frame = lutkepohl_e1(end=None).frame.assign(q1=QUARTERS[:, 0], q2=QUARTERS[:, 1], q3=QUARTERS[:, 2])
    spec = ModelSpec(("invest", "income", "cons"), transform="logdiff", exog=("q1", "q2", "q3"), lags=2)
    return build_artifact(train_model(as_quarterly(frame, "e1"), spec), "e1", "t")


def test_a_varx_of_e1_with_quarter_dummies_is_compared_with_the_calendars_words():
    artifact = _seasonal_e1()
    assert [note.split(": ", 1)[1] for note in holdout_notes([artifact])] == [exog_note(["q1", "q2", "q3"], QUARTERS)]


def test_the_reports_backtest_of_quarter_dummies_says_the_calendars_words():
    """The report's backtest section was given the exogenous names only, and said both cases."""
    artifact = _seasonal_e1()
    section = "".join(report_diagnostics.backtest(backtest(artifact, origins=2, horizon=1), artifact.data.exog))
    assert html.escape(exog_note(["q1", "q2", "q3"], QUARTERS)) in section and "has to guess" not in section
