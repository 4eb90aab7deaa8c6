"""The Forecast page's URL: `?model=var&version=0.0.3&steps=8&level=95&intervals=standard`, plus
`present=1` (presentation mode), `layout=grid`, `lags=` (edited lag inputs), `fan=30,60,90` (a fan
chart) and `scenario=` (a saved scenario of the version) when they are used.

Lag inputs travel as their values only, rows oldest first separated by `~`, values by `,`, each at
full precision (Python's shortest round-trip text), so a link reproduces the forecast to the last
digit. They are checked like an edited table when the version is known (ui.lag_table).
"""

from __future__ import annotations

import copy
from collections.abc import Callable

import numpy as np
import pandas as pd
import streamlit as st
from streamlit.navigation.page import StreamlitPage

from ui import url_state
from ui.url_state import Field
from varlib import INTERVAL_KINDS, MAX_STEPS, counted, periods_from

PAGE = "fc"
FORECAST_ID = "forecast-page"  # app.py's Forecast page's url_path: its identity only (Streamlit serves it at `/`)
LEVELS = (80, 90, 95, 99)  # the interval levels every page offers, and a link may name (parse_level)
DEFAULT_STEPS = 8
DEFAULT_LEVEL = 95
LAYOUTS = {"stack": "One chart per screen", "grid": "Grid"}
LINK_LAGS = "_fc_link_lags"  # the raw `lags=` text of a link, until the lag table has checked it
LINK_SCENARIO = "_fc_link_scenario"  # a link's `scenario=`, until the version's saved scenarios are listed
STEPS_NOTE = "_fc_steps_note"  # why the steps field holds another number than was typed or linked
LINKED = "The link's"  # how the note starts when it is about a link's steps (linked_steps_note)
LAG_RESET = "_fc_reset"  # counts the lag table's resets: each one starts it again from the version's own inputs
LAG_KEPT = "_fc_lag_kept"  # "name|version" -> its lag table as last edited, for when that version is shown again
NO_SCENARIO = ""  # the saved-scenario picker's "none: edit a new scenario"
FAN_LEVELS = (10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 99)
KEYS = {
    "model": "fc_model",
    "version": "fc_version",
    "steps": "fc_steps",
    "level": "fc_level",
    "intervals": "fc_intervals",
    "present": "fc_present",
    "layout": "fc_layout",
    "scenario": "fc_scenario",
    "fan": "fc_fan",
}


def parse_level(raw: str | None) -> int | None:
    text = str(raw).strip().rstrip("%")
    try:
        value = float(text)
    except ValueError:
        return None
    if value < 1:  # 0.95 means 95%
        value *= 100
    value = round(value)
    return value if value in LEVELS else None


def parse_fan(raw: str | None) -> list[int] | None:
    """`30,60,90` as fan levels, or None when any part is not one of FAN_LEVELS."""
    parts = [part.strip().rstrip("%") for part in str(raw).split(",") if part.strip()]
    try:
        levels = sorted({int(part) for part in parts})
    except ValueError:
        return None
    return levels if levels and all(level in FAN_LEVELS for level in levels) else None


def _back_to(key: str, default: object) -> Callable[[], None]:
    """A field's `clear`: its widget set to its default (a copy each time: no list shared between runs)."""
    return lambda: st.session_state.__setitem__(key, copy.copy(default))


def steps_in_range(value: int, named: str) -> int:
    """`value` set to the nearest of 1..MAX_STEPS, typed or linked; when it moves, the steps field says so
    (`named`: the value as the note names it, with its verb)."""
    used = min(max(value, 1), MAX_STEPS)
    if used != value:
        st.session_state[STEPS_NOTE] = f"{named} outside 1–{MAX_STEPS}: using {used}."
    else:
        st.session_state.pop(STEPS_NOTE, None)
    return used


def _linked_steps(raw: str) -> int | None:
    """A link's steps, in range as a typed value is; None for text that is no whole number."""
    value = url_state.any_whole_number(raw)
    return None if value is None else steps_in_range(value, f"{LINKED} {value} steps are")


def linked_steps_note() -> str | None:
    """The steps field's note when it says that a link's steps were not used as given (not a typed value's)."""
    note = st.session_state.get(STEPS_NOTE)
    return note if isinstance(note, str) and note.startswith(LINKED) else None


def reset_lag_table() -> None:
    """Start the lag table again from the version's own inputs (a link's are dropped)."""
    st.session_state[LAG_RESET] = st.session_state.get(LAG_RESET, 0) + 1
    st.session_state.pop(LINK_LAGS, None)
    st.session_state.pop(LAG_KEPT, None)


FAN_RULE = "levels from " + ", ".join(map(str, FAN_LEVELS))
FIELDS = [
    Field("steps", KEYS["steps"], _linked_steps, f"a whole number from 1 to {MAX_STEPS}"),
    Field("level", KEYS["level"], parse_level, "one of " + ", ".join(map(str, LEVELS))),
    Field("intervals", KEYS["intervals"], url_state.one_of(INTERVAL_KINDS), "one of " + ", ".join(INTERVAL_KINDS)),
    Field("present", KEYS["present"], url_state.flag, "1 or 0", clear=_back_to(KEYS["present"], False)),
    Field("layout", KEYS["layout"], url_state.one_of(tuple(LAYOUTS)), "one of " + ", ".join(LAYOUTS)),
    Field("lags", LINK_LAGS, str, "numbers", clear=reset_lag_table),
    Field("fan", KEYS["fan"], parse_fan, FAN_RULE, clear=_back_to(KEYS["fan"], [])),
    Field("scenario", LINK_SCENARIO, str, "a saved scenario's name", clear=_back_to(KEYS["scenario"], NO_SCENARIO)),
]


def exact_text(value: float) -> str:
    """The shortest text that reads back as exactly `value` (`1000` rather than `1000.0`)."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def encode_lags(lags: pd.DataFrame, own_dates: pd.Index) -> str:
    """Lag input values as URL text (rows `~`, values `,`), exact when read back; led by the first row's date
    (`2010-04-01:`) when the rows are dated otherwise than the version's own last observations (an upload of
    later data), since a forecast's dates continue from its lag inputs."""
    values = "~".join(",".join(exact_text(x) for x in row) for row in lags.to_numpy())
    dated = isinstance(lags.index, pd.DatetimeIndex) and not lags.index.equals(own_dates)
    return f"{lags.index[0].date().isoformat()}:{values}" if dated else values


def decode_lags(text: str, labels: list[str], variables: list[str], frequency: str | None = None) -> pd.DataFrame:
    """The text of `lags=` as a table of text cells like the lag editor's, checked for its shape only
    (the numbers are checked by the same rules as an edited table). `labels`: the version's own dates, used
    unless the text starts with the first row's date, from which the rows are consecutive periods of
    `frequency`."""
    first, _, text = str(text).rpartition(":")
    if first:
        labels = periods_from(first, frequency, len(labels))
    rows = [row.split(",") for row in text.split("~")]
    if len(rows) != len(labels) or any(len(row) != len(variables) for row in rows):
        shape = ", ".join(str(len(row)) for row in rows)
        raise ValueError(
            f"the link's lag inputs have {counted(len(rows), 'row')} of {shape} values; this version needs"
            f" {len(labels)} rows of {len(variables)} ({', '.join(variables)})"
        )
    table = pd.DataFrame(np.array(rows, dtype=object), columns=variables)
    table.insert(0, "date", labels)
    return table


class _ForecastAtRoot(StreamlitPage):
    """app.py's Forecast page, for a link with query parameters (streamlit~=1.67, pinned in pyproject.toml).
    Streamlit gives the default page the url_path "", so `st.page_link` writes the href `?model=…`, which a new
    tab or a copied address resolves against the page holding the link (/models?model=…). `./` resolves to the
    app's root, under a base path too. A left click still navigates inside the app: it goes by the page's hash,
    which this object shares with app.py's page (both take their url_path from FORECAST_ID). A Chromium
    test (tests/e2e/test_forecast_links_e2e.py) opens the href in a new tab, so a Streamlit that changes this
    fails there."""

    @property
    def url_path(self) -> str:
        return "./"


def forecast_page() -> StreamlitPage:
    """The Forecast page as a target of `st.page_link` whose href opens it from any page."""
    return _ForecastAtRoot("views/forecast.py", url_path=FORECAST_ID)
