"""The buttons that change the store (Set alias, Delete alias, Withdraw, Save scenario, Delete scenario, Publish),
keyed so that the sign-in screen can say when it cut one off.

A press in the seconds after the sign-in ran out (or was ended in another tab), before the tab's timed check
turned it to the sign-in screen, reruns the app; its gate then shows that screen instead of the page, so the
button's code never runs and nothing is changed. Streamlit still hands the run the press by the button's key,
so the screen names it, says nothing was done, and how to do it again.
"""

from __future__ import annotations

from urllib.parse import quote, unquote

import streamlit as st

from ui.literal import literal

PREFIX = "change|"  # every change button's key starts so: `change|Withdraw|var`
_SAID = "_presses_cut_off"  # what the sign-in screen says, kept while it stays up (a rerun of it has no press)
# What a press needs besides, once signed in again: a new session has none of the page's state
_AGAIN = {
    "Publish": "train the model again on the Train & publish page (its name and notes come back), then press"
    " **Publish**",
    "Save scenario": "open the scenario on the Forecast page again, type its name and notes, then press **Save"
    " scenario**",
    "Delete scenario": "open the scenario on the Forecast page again, tick the box, then press **Delete scenario**",
}
_AGAIN_ON_MODELS = "fill in the form on the Models page again (it comes back empty), then press **{label}**"


def key(label: str, model: str, *more: str) -> str:
    """The key of the change button labelled `label`, acting on `model` (`more`: what else tells it apart). Each
    part is %-encoded: a name typed on the Train page may hold a `|` before it is checked."""
    return PREFIX + "|".join(quote(part, safe=" ") for part in (label, model, *more))


def cut_off(why: str) -> list[str]:
    """On the sign-in screen: what to say of each change pressed on the page this screen replaced (`why`: how the
    sign-in ended, e.g. "your sign-in had run out"); kept for the screen's later runs."""
    pressed = [
        [unquote(part) for part in name.split("|")[1:3]]
        for name, value in st.session_state.to_dict().items()
        if isinstance(name, str) and name.startswith(PREFIX) and value is True
    ]
    if pressed:
        st.session_state[_SAID] = [
            f"**{label}** (model **{literal(model)}**) was pressed after {why}, so it was not done: nothing was"
            f" changed. Sign in again, then {_AGAIN.get(label, _AGAIN_ON_MODELS.format(label=label))}."
            for label, model in pressed
        ]
    return list(st.session_state.get(_SAID, []))
