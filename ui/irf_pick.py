"""Which impulses and responses the Diagnostics page draws: with many variables the k x k grid of impulse
responses turns into a wall of stamp-sized panels (196 for 14 variables), so the page offers two pickers, whose
choice the address, the chart and the HTML report share. Up to GRID_ALL variables every pair is drawn."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from ui.url_state import Field

GRID_ALL = 6  # up to this many variables the whole grid is drawn by default; beyond, the first GRID_ALL
LINKED = {"impulses": "_dg_link_impulses", "responses": "_dg_link_responses"}  # wait until the variables are known
PREFIX = "dg_irf_pick"
SIDES = tuple(LINKED)  # impulses, responses


def _names(raw: str) -> list[str] | None:
    names = [name.strip() for name in str(raw).split(",") if name.strip()]
    return names or None


def _clear() -> None:  # back to an address without the field: every version's picker starts from its default
    for key in [k for k in st.session_state if str(k).startswith(PREFIX)]:
        del st.session_state[key]


FIELDS = [Field(name, key, _names, "variable names separated by commas", _clear) for name, key in LINKED.items()]


def default(variables: Sequence[str]) -> list[str]:
    return list(variables[:GRID_ALL])


def settle(variables: Sequence[str], label: str, problems: list[str]) -> None:
    """Before the page draws: a link's impulses and responses into the pickers' state (a name the version does not
    have goes to `problems`, and the default stays), else the default."""
    for field in SIDES:
        key = _key(field, label)
        linked = st.session_state.pop(LINKED[field], None)
        if linked is not None:
            unknown = [name for name in linked if name not in variables]
            if unknown:
                problems.append(f"{field} {', '.join(map(repr, unknown))}, which this version does not have")
            else:
                st.session_state[key] = [v for v in variables if v in linked]
        st.session_state.setdefault(key, default(variables))


def current(variables: Sequence[str], label: str) -> tuple[list[str], list[str]]:
    """The impulses and responses to draw, in the variables' order; a side with none picked draws the default."""
    impulses, responses = (
        [v for v in variables if v in st.session_state.get(_key(field, label), ())] or default(variables)
        for field in SIDES
    )
    return impulses, responses


def pick(variables: Sequence[str], label: str) -> tuple[list[str], list[str]]:
    """The two pickers (from three variables on), and what they give (`current`)."""
    if len(variables) >= 3:
        left, right = st.columns(2)
        for where, field, title in ((left, "impulses", "Impulses (shocks)"), (right, "responses", "Responses")):
            where.multiselect(
                title,
                list(variables),
                key=_key(field, label),
                persist_state="session",
                wrap=True,  # in a column the chips would keep to one row, most picked names out of sight
                help="Which panels of the grid to draw (columns: impulses; rows: responses). The report follows.",
            )
        if not all(st.session_state.get(_key(field, label)) for field in SIDES):
            st.caption(f"Nothing picked on one side: the first {len(default(variables))} variables are drawn there.")
    return current(variables, label)


def _key(field: str, label: str) -> str:
    return f"{PREFIX}|{field}|{label}"


def link_values(variables: Sequence[str], impulses: Sequence[str], responses: Sequence[str]) -> dict[str, str | None]:
    """The fields for the address: left out while they are the default."""
    start = default(variables)
    sides = zip(SIDES, (impulses, responses), strict=True)
    return {field: None if list(names) == start else ",".join(names) for field, names in sides}


def name_part(variables: Sequence[str], impulses: Sequence[str], responses: Sequence[str]) -> str | None:
    """What a saved file's name says of the panels picked (`realgdp-to-realcons-realinv`), so two files of other
    panels never share a name; nothing for the default."""
    start = default(variables)
    if list(impulses) == start and list(responses) == start:
        return None
    return f"{'-'.join(impulses)}-to-{'-'.join(responses)}"
