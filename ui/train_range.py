"""The Train page's date range (Limit the date range, From and To): days on daily or coarser rows, a date and a
time of day on intraday rows (hourly, 15-minute: any row dated past midnight), where a day alone kept that day's
earlier rows in and could not stop before its end. The library compares a bound with a time written with the rows'
own dates (varlib's start and end, the CLI's --start and --end).

From and To persist for the session, whichever data they were chosen on: a day held where a date and a time are
drawn is that day's first moment (the same rows), and a moment held where a day is drawn is its day, said when
that moves the bound."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from ui.train_keys import field_key
from ui.train_load import FROM_KEY, LIMIT_KEY, TO_KEY

BOUNDS = (dt.datetime(1700, 1, 1), dt.datetime(2300, 1, 1))
FIELDS = {FROM_KEY: "From", TO_KEY: "To"}


def intraday(index: pd.Index) -> bool:
    """Whether rows dated by `index` are intraday: some row is dated at a time of day past midnight (the test
    varlib's period labels make before naming every period with its time)."""
    if not isinstance(index, pd.DatetimeIndex) or not len(index):
        return False
    return bool((index != index.normalize()).any())


def first_moment(start: str) -> dt.date:
    """A bound as From holds it: an ISO text with a time of day (an intraday row's) as that moment, else its day."""
    stamp = pd.Timestamp(start)
    return stamp.to_pydatetime() if len(start.strip()) > 10 else stamp.date()


def moment_text(value: dt.date) -> str:
    """A bound as From shows it: its day (`2002-09-27`), or its day and time of day (`2021-03-01 07:00`, the
    seconds too where there are any), not ISO's `T`."""
    if not isinstance(value, dt.datetime):
        return value.isoformat()
    return value.isoformat(sep=" ", timespec="seconds" if value.second else "minutes")


def bound_text(value: dt.date | None) -> str | None:
    """A bound as the library reads it: `2021-03-01` for a day, `2021-03-01T10:00` for a moment, whose time of day
    written makes the library compare it with the rows' own dates (midnight too, not the whole day)."""
    if value is None:
        return None
    return value.isoformat(timespec="minutes") if isinstance(value, dt.datetime) else value.isoformat()


def date_range(intraday_rows: bool) -> dict:
    """From and To as load_dataset's start and end (None where not chosen), or neither unless the range is limited;
    a date and a time of day on `intraday_rows`."""
    # every input keeps its value for the session: it outlives a run that does not draw it (another page)
    limit = st.checkbox("Limit the date range", key=field_key(LIMIT_KEY), persist_state="session")
    if not limit:
        return {"start": None, "end": None}
    moved = [said for key in FIELDS if (said := _held_as(key, intraday_rows))]
    first, second = st.columns(2)
    start, end = (_moment if intraday_rows else _day)(first, second)
    for said in moved:
        st.caption(f":material/info: {said}")
    return {"start": bound_text(start), "end": bound_text(end)}


def _moment(first, second) -> tuple[dt.datetime | None, dt.datetime | None]:
    """From and To as a date and a time of day (the rows are intraday), in the columns `first` and `second`."""
    low, high = BOUNDS
    said = (
        "The rows are intraday: a date and a time of day. From keeps the rows at or after it, To those at or before it."
    )
    start = first.datetime_input("From", None, low, high, key=field_key(FROM_KEY), help=said, persist_state="session")
    end = second.datetime_input("To", None, low, high, key=field_key(TO_KEY), help=said, persist_state="session")
    return start, end


def _day(first, second) -> tuple[dt.date | None, dt.date | None]:
    """From and To as days (the rows are daily or coarser), in the columns `first` and `second`."""
    low, high = BOUNDS[0].date(), BOUNDS[1].date()
    start = first.date_input("From", None, low, high, key=field_key(FROM_KEY), persist_state="session")
    end = second.date_input("To", None, low, high, key=field_key(TO_KEY), persist_state="session")
    return start, end


def _held_as(key: str, intraday_rows: bool) -> str | None:
    """The bound held under `key` as the input about to be drawn takes it (set before it is drawn, as a callback
    may): a day on intraday rows is its first moment, keeping the same rows; a moment on daily rows is its day, said
    when it had a time of day past midnight (the day keeps that day's earlier rows too). None: nothing to say."""
    held = st.session_state.get(field_key(key))
    if held is None or isinstance(held, dt.datetime) == intraday_rows:
        return None
    if intraday_rows:
        st.session_state[field_key(key)] = dt.datetime.combine(held, dt.time())
        return None
    st.session_state[field_key(key)] = held.date()
    if held.time() == dt.time():
        return None
    return (
        f"{FIELDS[key]} was {held:%Y-%m-%d %H:%M}, chosen on intraday rows; these rows are dated by day, so"
        f" {FIELDS[key]} is now the day {held.date().isoformat()}."
    )
