"""Train pressed after a date range the page already refuses (under From and To: no row, or From after To) or on
rows too few for any lag order (said in the Model section) showed the refusal a second time in its status box:
the box now says in a few words that it did not train and where the page says why."""

from __future__ import annotations

import datetime as dt

from tests.app.conftest import errors, warnings
from tests.app.test_train_too_few_rows import _quarters, _upload


def _train(at):
    next(b for b in at.button if b.label == "Train").click().run()
    assert not at.exception
    (status,) = at.status
    return status


def _limited(start: dt.date, end: dt.date | None = None):
    at = _upload(_quarters(80))
    at.checkbox(key="train_limit").check().run()
    at.date_input(key="train_start").set_value(start).run()
    if end is not None:
        at.date_input(key="train_end").set_value(end).run()
    return at


def test_a_range_without_rows_is_refused_once(registry):
    at = _limited(dt.date(2030, 1, 1))
    assert errors(at).count("No row of 'accounts.csv' lies from 2030-01-01 on") == 1
    status = _train(at)
    assert errors(at).count("No row of 'accounts.csv' lies from 2030-01-01 on") == 1
    assert status.proto.label == "Not trained: the date range is refused, as said under From and To"


def test_from_after_to_is_refused_once(registry):
    at = _limited(dt.date(2005, 1, 1), dt.date(2001, 1, 1))
    _train(at)
    assert errors(at).count("From 2005-01-01 lies after To 2001-01-01") == 1


def test_a_range_of_too_few_rows_is_refused_once(registry):
    at = _limited(dt.date(2008, 1, 1))  # 8 rows
    status = _train(at)
    assert "Too few rows to train: on 8 usable rows" in warnings(at) and "usable rows" not in errors(at)
    assert status.proto.label == "Not trained: too few rows for any lag order, as the warning in 2 · Model says"


def test_a_refusal_the_page_did_not_say_is_shown_in_full(registry):
    at = _limited(dt.date(2008, 1, 1))
    at.radio(key="train_how").set_value("fixed").run()  # no lag search: no word on the rows before Train
    status = _train(at)
    assert status.proto.label == "Training failed" and "The training sample has 8 usable rows" in errors(at)
