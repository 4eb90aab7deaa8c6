"""A saved scenario deleted after this session listed it (by an admin, in another session or process): said by name,
then neither offered nor drawn; one saved again under its name since: drawn with its new numbers.

The version's listing of saved scenarios is cached for LIST_TTL seconds (ui.store) and the browser keeps the
picker's options of its last run, so another session may still offer, or hold open, a scenario that is gone. So
before one is opened or drawn the registry confirms it is still saved (Registry.scenario: free when the store
confirmed it in the last second, else one small listing of the version's scenario folder; the scenarios drawn under
Overlay are checked together, with one listing for all of them). One found gone clears the cached listings, so the
picker is listed afresh at once, not when its cache expires. The words live here, for the Forecast page's picker,
its overlays and the Diagnostics report's picker alike. An idle Forecast page learns of it too (`watch`).
"""

from __future__ import annotations

import streamlit as st

from ui import live, store
from ui.literal import library_text, literal
from varlib import Artifact, CorruptArtifactError, NotFoundError, Scenario, VarlibError, Version, utc_time

SHOWN = "_fc_scenarios_shown"  # (model, version, names) the picker offered on this session's last run
WATCHED = "_fc_scenarios_watched"  # (model, version, names) of the saved scenarios an open Forecast page draws
TO_DO = (
    "Showing the editor with the version's own inputs instead: pick another saved scenario, or set the inputs below"
    " and save them as a new scenario."
)


def still_saved(artifact: Artifact, label: str, listed: Scenario | None = None) -> bool:
    """Whether scenario `label` of the artifact's version is still saved, and saved as `listed` (the one a cached
    listing holds, when given: its name may have been deleted and saved again with other numbers); when not, the
    cached listings are cleared, so the next listing is the store's. While the store does not answer it counts as
    saved (the sidebar says the store is away)."""
    if artifact.version is None:
        return False
    try:
        current = store.registry().scenario(artifact.name, artifact.version, label)
    except (NotFoundError, CorruptArtifactError):
        store.refresh()
        return False
    except VarlibError:  # the store away: the scenario the page holds stays open, as a version does
        return True
    if listed is not None and current != listed:  # saved again under its name since the listing was read
        store.refresh()
        return False
    return True


def listed(artifact: Artifact, version: Version, opened: object) -> dict[str, Scenario]:
    """The version's saved scenarios by name, from the cached listing; read afresh when `opened` (the one a page is
    about to open: a link's, or its picker's) is listed but no longer saved as listed (still_saved)."""
    saved = {s.scenario: s for s in store.scenarios(artifact.name, version)}
    if isinstance(opened, str) and opened in saved and not still_saved(artifact, opened, saved[opened]):
        saved = {s.scenario: s for s in store.scenarios(artifact.name, version)}  # the cache was cleared: the store's
    return saved


def remember(artifact: Artifact, names: list[str], slot: str = SHOWN) -> None:
    """The scenarios the picker offers on this run (those a later run may find gone); `slot`: the picker's, in the
    session (the Forecast page's by default)."""
    st.session_state[slot] = (artifact.name, str(artifact.version), tuple(names))


def dropped(
    artifact: Artifact,
    current: object,
    saved: list[str],
    damaged: dict[str, str | None],
    slot: str = SHOWN,
    to_do: str = TO_DO,
) -> str | None:
    """The notice for the picker's `current` value when this session's last run of this version offered it (as
    remembered in `slot`) and the listing (`saved`) no longer does (deleted, or damaged since), ending with what the
    page shows instead and what to do (`to_do`); None otherwise (none, still saved, or another version's, which a
    version change leaves behind)."""
    shown = st.session_state.get(slot)
    if not isinstance(current, str) or not current or current in saved or shown is None:
        return None
    if shown[:2] != (artifact.name, str(artifact.version)) or current not in shown[2]:
        return None
    if current in damaged:
        return f"{_gone(artifact, current, damaged[current])}. {to_do}"
    return f"{_gone(artifact, current, None)}: its links no longer open. {to_do}"


def overlays_gone(artifact: Artifact, labels: list[str]) -> list[str]:
    """The notices of the saved scenarios `labels` of this version, drawn over the forecast, that are no longer
    saved (deleted, or damaged since), one each; [] when all still are. Free when the store confirmed every one in
    the last second; else one listing of the version's scenario folder for them all (Registry.scenarios, which
    confirms each scenario it lists, so the next second's checks are free again), where still_saved would list
    that folder once per scenario. One found gone clears the cached listings, so the Overlay picker stops offering
    it now (as one saved again under its name does, so its new numbers are drawn). While the store does not
    answer, none is gone (the sidebar says the store is away)."""
    version = artifact.version
    if version is None or not labels:
        return []
    registry = store.registry()
    if all(registry.scenario_still_saved(artifact.name, version, label, ask=False) for label in labels):
        return []
    try:
        listed = {s.scenario: s for s in registry.scenarios(artifact.name, version)}
    except VarlibError:
        return []
    gone = [label for label in labels if label not in listed or listed[label].damaged]
    cached = {s.scenario: s for s in store.scenarios(artifact.name, version)}
    if gone or any(cached.get(label) != listed[label] for label in labels if label not in gone):
        store.refresh()  # gone, or saved again under its name since the cached listing: drawn as saved now
    said = "no longer drawn over the forecast, nor offered under *Overlay*"
    damaged = {label: listed[label].damaged if label in listed else None for label in gone}
    return [f"{_gone(artifact, label, damaged[label])}: {said}." for label in gone]


def _gone(artifact: Artifact, label: str, damaged: str | None) -> str:
    """`Saved scenario **x** of var 0.0.1` and why it no longer opens: damaged (`damaged` says why), deleted (by
    whom and when, as the trail says), or no longer saved."""
    what = f"Saved scenario **{literal(label)}** of {artifact.label}"
    if damaged:
        return f"{what} can no longer be opened ({library_text(damaged)})"
    by = deleted(artifact, label)
    return f"{what} was deleted by **{literal(by[0])}**, {by[1]}" if by else f"{what} is no longer saved"


def deleted(artifact: Artifact, label: str) -> tuple[str, str] | None:
    """Who deleted `label` of this version, and when, when the audit trail's latest change of it is its deletion;
    None when the trail does not say (or cannot be read)."""
    try:
        records = store.history(artifact.name)
    except VarlibError:
        return None
    for record in records:  # newest first
        if record.scenario != label or record.version != str(artifact.version):
            continue
        if record.action != "scenario.delete":
            return None  # saved again since
        return record.actor.known_as(), utc_time(record.at)
    return None


def link_deleted(artifact: Artifact, label: str, saved: list[str]) -> str | None:
    """A link's scenario `label` that the trail says was deleted from this version, in the words of the link's
    refusal (library text: no emphasis); None when the trail does not say so."""
    by = deleted(artifact, label)
    if by is None:
        return None
    return (
        f"scenario {label!r} of {artifact.label}, which was deleted by {by[0]}, {by[1]}, so it no longer opens"
        f" ({saved_names(saved)}); pick a saved scenario, or ask whoever shared the link for a new one"
    )


def saved_names(saved: list[str]) -> str:
    """The scenarios a version holds, as a link's refusal names them (what a presenter picks from)."""
    return f"saved: {', '.join(saved)}" if saved else "none is saved on it"


def watch(artifact: Artifact, opened: Scenario | None, overlays: list[str]) -> None:
    """While the page stands idle, every LIST_TTL seconds (ui.live.on_ticks): once a saved scenario it draws (the one
    `opened`, and those drawn under Overlay: `overlays`, as the cached listing holds them) is deleted, damaged or
    saved again with other numbers elsewhere, the cached listings are cleared and the whole page reruns, so its run
    says so and draws what is saved, without a click: a presenter's screen would otherwise go on showing a scenario
    an admin deleted. One listing of the version's scenario folder per tick; none on a page drawing no scenario."""
    version = artifact.version
    drawn = [opened] if opened else []
    if version is not None and overlays:  # as the cached listing holds them: no lookup on a page without overlays
        drawn += [s for s in store.scenarios(artifact.name, version) if s.scenario in overlays]
    if version is None or not drawn:
        st.session_state.pop(WATCHED, None)  # a tick of a watch this run no longer draws is then idle
        return
    names = tuple(s.scenario for s in drawn)

    def changed() -> bool:
        listed = {s.scenario: s for s in store.registry().scenarios(artifact.name, version)}
        return any(listed.get(s.scenario) != s for s in drawn)  # gone, or listed otherwise: damaged, saved again

    def act(now_changed: bool) -> None:
        if now_changed:
            store.refresh()
            st.rerun()

    live.on_ticks(WATCHED, (artifact.name, str(version), names), changed, act)
