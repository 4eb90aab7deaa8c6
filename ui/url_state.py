"""The Forecast page's selection in the URL: `?model=var&version=0.0.3&steps=8&level=95`, plus
`&scenario=gdp-path` for a saved scenario of that version and `&fan=30,60,90` for a fan chart.

A URL the page did not write itself (a shared link, a link from the Train page) is read once
and copied into the widgets' session state before they render; each value is checked and a
bad one is reported and replaced by the default. After the widgets render, the page writes
the current selection back, so the address bar always reproduces the view.
"""

from __future__ import annotations

import streamlit as st

from varlib import INTERVAL_KINDS, MAX_STEPS

LEVELS = (80, 90, 95, 99)
DEFAULT_STEPS = 8
DEFAULT_LEVEL = 95
WRITTEN = "_fc_url_written"
PENDING_VERSION = "_fc_url_version"
PENDING_SCENARIO = "_fc_url_scenario"
FAN_LEVELS = (10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 99)
KEYS = {
    "model": "fc_model",
    "version": "fc_version",
    "steps": "fc_steps",
    "level": "fc_level",
    "intervals": "fc_intervals",
    "scenario": "fc_scenario",
    "fan": "fc_fan",
}


def incoming() -> dict[str, str] | None:
    """Query parameters that came from outside (not the page's own last write), else None."""
    params = {k: v for k, v in st.query_params.to_dict().items() if k in KEYS}
    if not params or params == st.session_state.get(WRITTEN):
        return None
    return params


def apply(params: dict[str, str], names: list[str]) -> list[str]:
    """Copy valid URL values into widget state; return one message per value that was refused."""
    state = st.session_state
    problems = []
    model = params.get("model")
    if model is not None:
        if model in names:
            state[KEYS["model"]] = model
        else:
            problems.append(f"model {model!r} is not in the store (models: {', '.join(names) or 'none'})")
    if "version" in params:
        state[PENDING_VERSION] = params["version"]  # checked once the model's versions are listed
    steps = parse_steps(params.get("steps"))
    if steps is not None:
        state[KEYS["steps"]] = steps
    elif "steps" in params:
        problems.append(f"steps {params['steps']!r} must be a whole number from 1 to {MAX_STEPS}")
    level = parse_level(params.get("level"))
    if level is not None:
        state[KEYS["level"]] = level
    elif "level" in params:
        problems.append(f"level {params['level']!r} must be one of {', '.join(map(str, LEVELS))}")
    if "scenario" in params:
        state[PENDING_SCENARIO] = params["scenario"]  # checked once the version's scenarios are listed
    fan = parse_fan(params.get("fan"))
    if fan is not None:
        state[KEYS["fan"]] = fan
    elif "fan" in params:
        problems.append(f"fan {params['fan']!r} must list levels from {', '.join(map(str, FAN_LEVELS))}")
    kind = params.get("intervals")
    if kind is not None:
        if kind in INTERVAL_KINDS:
            state[KEYS["intervals"]] = kind
        else:
            problems.append(f"intervals {kind!r} must be one of {', '.join(INTERVAL_KINDS)}")
    return problems


def set_defaults() -> None:
    """Start steps, level and interval kind at their defaults (widgets read them from session state)."""
    st.session_state.setdefault(KEYS["steps"], DEFAULT_STEPS)
    st.session_state.setdefault(KEYS["level"], DEFAULT_LEVEL)
    st.session_state.setdefault(KEYS["intervals"], INTERVAL_KINDS[0])


def take_pending_scenario() -> str | None:
    """The saved scenario the URL asked for, if it has not been applied yet."""
    return st.session_state.pop(PENDING_SCENARIO, None)


def take_pending_version() -> str | None:
    """The version the URL asked for, if it has not been applied yet."""
    return st.session_state.pop(PENDING_VERSION, None)


def write(
    model: str,
    version: str,
    steps: int,
    level: int,
    intervals: str | None,
    scenario: str | None = None,
    fan: list[int] | None = None,
) -> None:
    """Put the current selection in the address bar (only when it changed)."""
    wanted = {"model": model, "version": version, "steps": str(steps), "level": str(level)}
    if intervals is not None and len(INTERVAL_KINDS) > 1:
        wanted["intervals"] = intervals
    if scenario:
        wanted["scenario"] = scenario
    if fan:
        wanted["fan"] = ",".join(map(str, sorted(fan)))
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)
    st.session_state[WRITTEN] = wanted


def parse_steps(raw: str | None) -> int | None:
    try:
        value = int(str(raw).strip())
    except ValueError:
        return None
    return value if 1 <= value <= MAX_STEPS else None


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
    if raw is None:
        return None
    parts = [part.strip().rstrip("%") for part in str(raw).split(",") if part.strip()]
    try:
        levels = sorted({int(part) for part in parts})
    except ValueError:
        return None
    return levels if levels and all(level in FAN_LEVELS for level in levels) else None
