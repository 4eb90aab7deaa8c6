"""Deleting a saved scenario on the Forecast page, for an admin on a writable store: under an open scenario, and for
one that cannot be read (which only deleting frees). Each form's box must be ticked before its button acts (as the
Models page's Withdraw asks), since the links others shared to the scenario stop opening. After a deletion the page
shows the version's own inputs with a notice. A viewer or a publisher sees the button disabled, saying the role it
needs."""

from __future__ import annotations

import streamlit as st

from ui import auth, presses, scenario_panel, store
from ui.errors import show_error
from ui.forecast_link import KEYS, NO_SCENARIO
from ui.literal import literal
from varlib import Artifact, Registry, Scenario, VarlibError

SURE = "fc_scenario_delete_sure"
SURE_DAMAGED = "fc_damaged_delete_sure"
DONE = "_fc_scenario_deleted"  # the notice of this session's last deletion, shown on the run after it
LABEL, DAMAGED_LABEL = "Delete scenario", "Delete damaged scenario"


def notice() -> None:
    """Say, once, which scenario this session just deleted (the page now shows the version's own inputs)."""
    said = st.session_state.pop(DONE, None)
    if said:
        st.success(said, icon=":material/delete:")


def render(artifact: Artifact, scenario: Scenario) -> None:
    """The deletion form of the open `scenario`; nothing on a read-only store (nothing can change there)."""
    allowed = _allowed(LABEL)
    if allowed is None:
        return
    name = scenario.scenario
    with st.form("fc_delete_scenario", border=True):
        st.markdown(
            f"**Delete scenario {literal(name)}** (admin): its links stop opening, for everyone they were shared"
            " with; the history keeps who saved and who deleted it."
        )
        sure = st.checkbox(f"Delete {literal(name)} of {artifact.label}", key=SURE)
        if not st.form_submit_button(LABEL, icon=":material/delete:", key=presses.key(LABEL, artifact.name)):
            return
    if not sure:  # a deletion cannot be undone: one click must not do it
        st.warning(f"Tick *Delete {literal(name)} of {artifact.label}* to delete it.", icon=":material/delete:")
        return
    _delete(allowed, artifact, name, SURE)


def damaged(artifact: Artifact) -> None:
    """A form to delete a scenario of the version that cannot be read (none is offered in the picker), for an admin."""
    names = [s.scenario for s in store.damaged_scenarios(artifact.name, artifact.version)] if artifact.version else []
    allowed = _allowed(DAMAGED_LABEL) if names else None
    if allowed is None:
        return
    with st.form("fc_delete_damaged", border=True):
        st.markdown("**Delete a damaged scenario** (admin): it cannot be opened; deleting it frees its name.")
        picked = st.selectbox("Damaged scenario", names, key="fc_damaged_pick")
        sure = st.checkbox("Delete the damaged scenario picked above", key=SURE_DAMAGED)
        button = presses.key(DAMAGED_LABEL, artifact.name)
        if not st.form_submit_button(DAMAGED_LABEL, icon=":material/delete:", key=button):
            return
    if not sure:
        st.warning("Tick *Delete the damaged scenario picked above* to delete it.", icon=":material/delete:")
        return
    _delete(allowed, artifact, picked, SURE_DAMAGED)


def _allowed(label: str) -> tuple[Registry, auth.SignIn] | None:
    """The registry and sign-in to delete with; None on a read-only store, or (after a disabled button saying the
    role it needs) for a viewer or publisher."""
    registry = store.registry()
    if registry.read_only:
        return None
    sign_in = auth.current()
    if not sign_in.can("scenario.delete"):  # shown, so the way to it is known: whose role it needs
        why = f"{auth.needs('scenario.delete')}; {sign_in.refusal('admin')}."
        st.button(label, icon=":material/delete:", disabled=True, help=why, key=f"fc_refused|{label}")
        return None
    return registry, sign_in


def _delete(allowed: tuple[Registry, auth.SignIn], artifact: Artifact, name: str, sure: str) -> None:
    registry, sign_in = allowed
    try:
        registry.delete_scenario(artifact.name, artifact.version or artifact.label, name, sign_in.actor)
    except VarlibError as exc:  # deleted meanwhile, a refused write, the store away: said, nothing else changed
        show_error(exc)
        return
    store.refresh()
    st.session_state[DONE] = (
        f"Scenario **{literal(name)}** of {artifact.label} is deleted; links to it no longer open. Showing the"
        " version's own inputs."
    )
    # the picker back on the editor, and the box unticked for the next scenario, before the widgets render
    queued = st.session_state.get(scenario_panel.APPLY, {})
    st.session_state[scenario_panel.APPLY] = {**queued, KEYS["scenario"]: NO_SCENARIO, sure: False}
    st.rerun()
