"""On intraday rows the Train page's From and To take a date and a time of day (a day alone kept that day's earlier
rows and could not stop before its end), and the VECM the advice names on a long sample's last rows starts at the
first row tested itself; daily data keep day inputs, and a bound chosen on the one carries over to the other."""

from __future__ import annotations

import datetime as dt

import pandas as pd

import varlib.integration
from tests.app.conftest import errors, visit
from tests.app.test_hourly_version import _hourly  # 80 hours of two stationary series from 2021-03-01 00:00
from tests.app.test_train_vecm_page_words import _advice, _long_csv, _uploaded, _use_vecm, keyed

TESTED = 500  # the tests' row limit (5,000) made smaller, as tests/app/test_train_vecm_page_words.py does
FIRST_TESTED = dt.datetime(2000, 1, 5, 4, 0)  # the 101st hour from 2000-01-01 00:00: the first of the last 500


def _long_hourly() -> bytes:
    """The two walks of the long daily sample, one an hour: one relation in the last 500 rows."""
    frame = pd.read_csv(pd.io.common.BytesIO(_long_csv()), index_col="date")
    frame.index = pd.date_range("2000-01-01", periods=len(frame), freq="h", name="date")
    return frame.to_csv().encode()


def _train(at):
    next(b for b in at.button if b.label == "Train").click().run()
    assert not at.exception and errors(at) == "", errors(at)
    return at.session_state["train_result"]


def test_from_and_to_take_a_time_of_day_on_hourly_rows_and_training_keeps_no_earlier_row(registry):
    at = _uploaded(_hourly(), "hourly.csv")
    at.radio(key="train_how").set_value("fixed")
    at.checkbox(key="train_limit").check().run()
    assert not at.date_input and len(at.datetime_input) == 2
    at.datetime_input(key="train_start").set_value(dt.datetime(2021, 3, 2, 10, 0)).run()
    at.datetime_input(key="train_end").set_value(dt.datetime(2021, 3, 3, 20, 0)).run()
    result = _train(at)
    dates = result.dataset.frame.index
    assert (dates[0], dates[-1], len(dates)) == (pd.Timestamp("2021-03-02 10:00"), pd.Timestamp("2021-03-03 20:00"), 35)
    assert "35 rows of a, b, 2021-03-02T10:00 to 2021-03-03T20:00." in [m.value for m in at.markdown]
    visit(visit(at, "views/forecast.py"), "views/train.py")  # kept for the session, as the date inputs are
    assert at.datetime_input(key="train_start").value == dt.datetime(2021, 3, 2, 10, 0)
    assert at.datetime_input(key="train_end").value == dt.datetime(2021, 3, 3, 20, 0)


def test_the_vecm_button_sets_from_to_the_first_hour_tested(registry, monkeypatch):
    monkeypatch.setattr(varlib.integration, "MAX_TESTED_ROWS", TESTED)
    at = _uploaded(_long_hourly(), "link.csv")
    said = _advice(at)
    assert "under Limit the date range, From **2000-01-05 04:00**)" in said, said
    assert "the day of the first row tested" not in said  # From takes that very hour, not its day
    _use_vecm(at)  # the fields it sets are drawn under new keys (ui.train_keys)
    assert at.checkbox(key=keyed(at, "train_limit")).value
    assert at.datetime_input(key=keyed(at, "train_start")).value == FIRST_TESTED
    assert at.datetime_input(key=keyed(at, "train_end")).value is None
    result = _train(at)
    assert (result.dataset.frame.index[0], len(result.dataset.frame)) == (pd.Timestamp(FIRST_TESTED), TESTED)


def test_daily_data_keep_day_inputs_and_a_bound_carries_over_between_hourly_and_daily_rows(registry):
    at = _uploaded(_hourly(), "hourly.csv")
    at.checkbox(key="train_limit").check().run()
    at.datetime_input(key="train_start").set_value(dt.datetime(2021, 3, 2, 10, 0)).run()
    at.radio(key="train_source").set_value("Bundled macro data").run()  # quarterly rows: a day again
    assert not at.exception  # the day kept is past the macro data's end: refused in the page's words
    assert "No row of macrodata lies from 2021-03-02 on" in errors(at), errors(at)
    assert not at.datetime_input and at.date_input(key="train_start").value == dt.date(2021, 3, 2)
    said = "\n".join(c.value for c in at.caption)
    assert "From was 2021-03-02 10:00, chosen on intraday rows; " in said and "is now the day 2021-03-02" in said
    at.date_input(key="train_start").set_value(dt.date(2000, 1, 1)).run()
    assert not at.exception and errors(at) == "", errors(at)
    at.radio(key="train_source").set_value("Upload a CSV").run()  # back to the hours: that day's first moment
    assert not at.exception and not at.date_input
    assert at.datetime_input(key="train_start").value == dt.datetime(2000, 1, 1, 0, 0)
