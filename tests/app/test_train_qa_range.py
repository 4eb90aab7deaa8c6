"""A date range that leaves no row (or whose From lies after its To) is refused under the range as it is chosen:
the page said nothing until Train, and the lag search waited "once the data load"."""

from __future__ import annotations

import datetime as dt

from tests.app.conftest import errors, open_app
from tests.app.test_pages import TRAIN


def _range(start: dt.date | None, end: dt.date | None):
    at = open_app(page=TRAIN)
    at.checkbox(key="train_limit").check().run()
    for key, day in (("train_start", start), ("train_end", end)):
        if day is not None:
            at.date_input(key=key).set_value(day).run()
    assert not at.exception
    return at


def test_a_range_after_the_data_is_refused_before_train(registry):
    said = errors(_range(dt.date(2030, 1, 1), None))
    assert "No row of macrodata lies from 2030-01-01 on: its data run from 1959Q1 to 2009Q3" in said, said
    assert "give From and To within that" in said and "Nothing was stored or changed." in said


def test_a_from_after_the_to_is_refused_before_train(registry):
    said = errors(_range(dt.date(2000, 1, 1), dt.date(1990, 1, 1)))
    assert "From 2000-01-01 lies after To 1990-01-01: give the earlier date as From" in said, said


def test_a_range_that_keeps_rows_refuses_nothing(registry):
    at = _range(dt.date(1990, 1, 1), dt.date(2005, 12, 31))
    assert errors(at) == "" and "Unit-root tests" in "\n".join(i.value for i in at.info)
