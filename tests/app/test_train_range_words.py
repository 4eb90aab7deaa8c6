"""The Train page's date range refused in its own fields' words: From and To, never the library's start and end
or the CLI's --start and --end."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.app.conftest import errors, open_app
from tests.app.test_pages import TRAIN, _button


def _trained(start: dt.date | None, end: dt.date | None) -> str:
    at = open_app(page=TRAIN)
    at.checkbox(key="train_limit").check().run()
    for key, day in (("train_start", start), ("train_end", end)):
        if day is not None:
            at.date_input(key=key).set_value(day).run()
    _button(at, "Train").click().run()
    assert not at.exception
    return errors(at)


def test_a_from_after_the_to_names_the_page_fields(registry):
    said = _trained(dt.date(2000, 1, 1), dt.date(1990, 1, 1))
    assert "From 2000-01-01 lies after To 1990-01-01: give the earlier date as From" in said
    assert "start" not in said and "end" not in said


@pytest.mark.parametrize(
    ("start", "end"),
    [(dt.date(2030, 1, 1), None), (None, dt.date(1900, 1, 1)), (dt.date(1900, 1, 1), dt.date(1901, 1, 1))],
)
def test_a_range_that_leaves_no_row_names_the_page_fields(registry, start, end):
    said = _trained(start, end)
    assert "its data run from 1959Q1 to 2009Q3; give From and To within that" in said
    assert "start" not in said and "--" not in said
